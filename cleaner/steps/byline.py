"""Bylines: "By Ross Colvin", "By A and B", a byline glued to the end of a teaser line.

Names are split on commas, "and" and "&", and cleaned of roles, agencies and e-mail prompts.
"""
from __future__ import annotations

import re

from ..blocks import Block
from ..pipeline import Context, Draft
from ..record import Removal
from ..textutil import is_prose

_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|(?:de|van|von|der|da|di|la|le|al|bin|ibn)(?=\s))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
_LEAD = r"(?:by:?|written by:?|words by:?|story by:?|posted by:?|authors?:|reporting by:?)"
_BYLINE_LINE = re.compile(rf"^{_LEAD}\s+(?P<names>{_NAMES})(?P<tail>\s*(?:[,|/–—-]|\bin\b).{{0,60}})?$",
                          re.IGNORECASE)
_GLUED = re.compile(rf"(?<=[.!?”\"’])\s+By\s+(?P<names>{_NAMES})\s*$")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
NOT_NAMES = re.compile(
    r"^(?:staff|staff writer|reporter|correspondent|senior correspondent|editor|contributor|"
    r"reuters|afp|ap|associated press|agence france-presse|the associated press|bloomberg|"
    r"email the author|e-mail the author|follow|updated|published|admin|administrator|webmaster)$", re.IGNORECASE)
_SEARCH = 6
_SEARCH_PARAGRAPHS = 3


def split_names(text: str) -> list[str]:
    """Person names from a byline's name part.

    >>> split_names("Wisam Mohammed and Paul Tait, Reuters")
    ['Wisam Mohammed', 'Paul Tait']
    """
    names = []
    for part in _SPLIT.split(text):
        part = part.strip(" .")
        if part and not NOT_NAMES.match(part) and len(part.split()) >= 2 and part not in names:
            names.append(part)
    return names


def looks_like_byline(text: str) -> bool:
    """A line that is a byline ("By ...", "Written by ...").

    >>> looks_like_byline("By Ross Colvin"), looks_like_byline("By the end of the day it rained.")
    (True, False)
    """
    return bool(_BYLINE_LINE.match(text.strip()))


def byline_of(text: str) -> tuple[list[str], str] | None:
    """(names, text left) when a block is a byline or ends with a glued one.

    >>> byline_of("Iraqi militias. By Ross Colvin")
    (['Ross Colvin'], 'Iraqi militias.')
    >>> byline_of("By JANE DOE and Max Mustermann | Reuters")
    (['JANE DOE', 'Max Mustermann'], '')
    """
    found = _BYLINE_LINE.match(text.strip())
    if found:
        names = split_names(found.group("names"))
        return (names, "") if names else None
    found = _GLUED.search(text)
    if found:
        names = split_names(found.group("names"))
        return (names, text[: found.start()].rstrip()) if names else None
    return None


def _near_top(blocks) -> list[tuple[int, Block]]:
    """(position, block) of the blocks before the third distinct paragraph of running text:
    how far down a byline may stand is counted in article paragraphs, so that repeated or
    removed furniture lines above it change nothing. A paragraph printed again further down
    counts where its last copy stands (``teasers`` keeps that one).
    """
    last = {block.text: i for i, block in enumerate(blocks)}
    out, prose = [], set()
    for i, block in enumerate(blocks):
        if len(prose) >= _SEARCH_PARAGRAPHS:
            break
        out.append((i, block))
        if is_prose(block.text) and last[block.text] == i:
            prose.add(block.text)
    return out


def find_byline(draft: Draft, ctx: Context) -> Draft:
    """Find the bylines near the headline (above it, or above the third paragraph of running
    text); every byline line, or glued byline part, there leaves the body, and its names go in
    ``byline`` (for HTML the markup's names are taken when it names any)."""
    if "byline" in draft.fields:
        return draft
    hinted = tuple(ctx.hints.get("byline") or ())
    names: list[str] = []
    for block in draft.header[-_SEARCH:]:
        got = byline_of(block.text)
        if got:
            names += got[0]
    found_lines = {b.text for b in draft.header[-_SEARCH:] if byline_of(b.text)}
    near = {i for i, _ in _near_top(draft.blocks)}
    blocks, trace = [], []
    for i, block in enumerate(draft.blocks):
        got = byline_of(block.text) if i in near or block.text in found_lines else None
        if not got:
            blocks.append(block)
            continue
        found, rest = got
        names += found
        found_lines.add(block.text)
        taken = block.text[len(rest):].strip() if rest else block.text
        trace.append(Removal("byline", "byline", "the byline, kept in the record's byline", taken, block.index))
        if rest:
            blocks.append(Block(block.index, rest, block.kind))
    unique = hinted or tuple(dict.fromkeys(names))
    return draft.replace_blocks("byline", blocks, trace).with_fields(byline=unique or None)
