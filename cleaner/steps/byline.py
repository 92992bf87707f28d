"""Bylines: "By Ross Colvin", "By A and B", a byline glued to the end of a teaser line.

Names are split on commas, "and" and "&", and cleaned of roles, agencies and e-mail prompts.
"""
from __future__ import annotations

from ..blocks import Block
from ..fields.names import byline_of
from ..pipeline import Context, Draft, text_line
from ..record import Removal
from ..textutil import is_prose

_SEARCH = 6
_SEARCH_PARAGRAPHS = 3


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
    names: list[str] = []
    where: list[Block] = []
    for block in draft.header[-_SEARCH:]:
        got = byline_of(block.text)
        if got:
            names += got[0]
            where.append(block)
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
        where.append(block)
        found_lines.add(block.text)
        taken = block.text[len(rest):].strip() if rest else block.text
        trace.append(Removal("byline", "byline", "the byline, kept in the record's byline", taken, block.index))
        if rest:
            blocks.append(Block(block.index, rest, block.kind))
    draft = draft.replace_blocks("byline", blocks, trace)
    return draft.found("byline", tuple(dict.fromkeys(names)), text_line(where[0])) if names else draft
