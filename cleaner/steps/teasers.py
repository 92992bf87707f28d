"""Teasers: a paragraph that repeats the start of a later one (cut with "…", or tagged
"AFP:"), and a teaser glued in front of the dateline-led lede on the same line.
The teaser goes once; the full version stays. A paragraph printed again anywhere later on
the page is kept once, at its last place (so that where the copy stands decides nothing)."""
from __future__ import annotations

import re

from ..blocks import Block
from ..fields.datelines import find_inner_dateline, parse_dateline
from ..pipeline import Context, Draft
from ..record import Removal
from ..textutil import ends_with_ellipsis, fold, is_running_text, strip_ellipsis

_AGENCY_TAG = re.compile(r"^[A-Z][A-Za-z.&/ ]{1,24}:\s+(?=\S)")
_LOOKAHEAD = 3
_MIN_WORDS = 6


def teaser_core(text: str) -> str:
    """The teaser's own words: no agency tag in front, no ellipsis at the end.

    >>> teaser_core("AFP: Iran is linked to violence in Iraq…")
    'Iran is linked to violence in Iraq'
    """
    return strip_ellipsis(_AGENCY_TAG.sub("", text, count=1))


def lede_text(text: str) -> str:
    """A paragraph without its opening dateline."""
    parsed = parse_dateline(text)
    return parsed[1] if parsed else text


def is_teaser_of(teaser: str, later: str) -> bool:
    """True when ``teaser`` repeats the start of ``later``.

    >>> is_teaser_of("Senior leaders know about it, the military said today…",
    ...              "Senior leaders know about it, the military said today. More follows.")
    True
    >>> is_teaser_of("Senior leaders know.", "Other words entirely, said today.")
    False
    """
    marked = ends_with_ellipsis(teaser) or bool(_AGENCY_TAG.match(teaser))
    return _repeats(comparable(teaser), marked, comparable(later))


def comparable(text: str) -> str:
    """A paragraph folded without agency tag, dateline and trailing ellipsis, so that a teaser
    and its full version compare equal whichever of them carries which marks.

    >>> comparable("AFP: Iran is linked…") == comparable("BAGHDAD (AFP) — Iran is linked to it.")[:len("iran is linked")]
    True
    """
    return fold(lede_text(teaser_core(text)))


def _repeats(core: str, marked: bool, target: str) -> bool:
    """``is_teaser_of`` on folded text."""
    if core.count(" ") + 1 < _MIN_WORDS:
        return False
    return target.startswith(core) and (marked or target == core)


def _split_glued_teaser(block: Block) -> tuple[Block, str] | None:
    """'AFP: X. BAGHDAD (AFP) — X.' -> the lede from the dateline on, and the teaser part."""
    at = find_inner_dateline(block.text)
    if at is None:
        return None
    head, tail = block.text[:at].strip(), block.text[at:]
    if is_teaser_of(head, tail) or fold(teaser_core(head)) == fold(lede_text(tail)):
        return Block(block.index, tail, block.kind), head
    return None


def drop_teasers(draft: Draft, ctx: Context) -> Draft:
    blocks, trace = [], []
    for block in draft.blocks:
        glued = _split_glued_teaser(block)
        if glued:
            block, head = glued
            trace.append(Removal("teasers", "glued-teaser", "a teaser repeating the lede on the same line",
                                 head, block.index))
        blocks.append(block)
    # a text dump repeats its table of contents and menus word for word: any repeated line
    # of some length goes; in a page's extracted content only a repeated sentence does (a
    # recipe's "Eat 1–2 hours after your workout" under each of three menus is no teaser)
    html = ctx.html
    targets = [comparable(b.text) for b in blocks]
    last = {t: i for i, t in enumerate(targets)}
    kept = []
    for i, block in enumerate(blocks):
        core = targets[i]
        marked = ends_with_ellipsis(block.text) or bool(_AGENCY_TAG.match(block.text))
        repeated = last[core] > i and (is_running_text(block.text, _MIN_WORDS) if html
                                       else core.count(" ") + 1 >= _MIN_WORDS)
        if repeated or (
                marked and any(_repeats(core, marked, t) for t in targets[i + 1: i + 1 + _LOOKAHEAD])):
            trace.append(Removal("teasers", "teaser", "repeats the start of a later paragraph",
                                 block.text, block.index))
        elif kept and kept[-1].text.casefold() == block.text.casefold():
            # a teaser stood between two copies of one line: they are neighbours now
            trace.append(Removal("teasers", "repeated-line", "the same line as the one before",
                                 block.text, block.index))
        else:
            kept.append(block)
    return draft.replace_blocks("teasers", kept, trace)
