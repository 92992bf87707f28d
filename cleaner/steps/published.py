"""Publication date in the text: a date line of the article's header zone, read in the
document's language (every language's when it is not known); the markup's date and the
dateline's are weighed against it by ``cleaner/fields/resolve.py``.

The header zone is where an article prints its own date: the lines between the headline and
the first paragraph of running text (the byline's line included, even when the byline step
took it out of the body), a few lines above the headline, and the lines right under the first
paragraph (where some sites put the date under the lede). A date labelled as the publication
date comes first, then an unlabelled one (below the headline before above it), and an update
date only when there is no other. When the zone has none: the date at the end of the page
title, else the page's one date (the day all its publication dates give, or a date line that
stands alone). Dates in a run of dated lines belong to other stories (a list of links,
comments), a year alone to the footer's copyright, a date inside a sentence to the text.

In HTML the date lines above the main content's first paragraph of running text leave the
body (a text dump's content step cuts its header off with them).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from typing import Callable, Iterable, Iterator, Sequence

from ..blocks import Block
from ..fields.dates import Stamp, date_line, every_language, label_line, read_dates
from ..fields.names import byline_of
from ..fields.resolve import language_of, words_for
from ..pipeline import Context, Draft, text_line
from ..textutil import is_prose
from ..vocabulary import Words

#: how many lines above the headline, below it (before the first paragraph) and right under
#: the first paragraph are searched
_ABOVE = 4
_BELOW = 15
_UNDER_LEDE = 4
#: where a date line stands, from the likeliest place of the article's own date
_BELOW_HEADLINE, _ABOVE_HEADLINE, _UNDER_FIRST_PARAGRAPH, _ELSEWHERE = range(4)
#: lines longer than this are searched for a date in the header zone only
_MAX_PAGE_LINE = 160
#: date lines of other days this close make a list (of other stories, of comments)
_LIST_REACH = 5
_LABELS = {"published": 0, None: 1, "updated": 2}
#: the signature line of an embedded post: "— Jane Doe (@janedoe) May 2, 2024"
_EMBED_SIGNATURE = re.compile(r"\(@\w+\)")
_DIGIT = re.compile(r"\d")
#: no paragraph of running text is shorter (twelve words: ``is_prose``; two characters each in
#: Chinese or Japanese)
_MIN_PROSE_CHARS = 24
_TITLE_SEPARATOR = re.compile(r"\s[|｜·•–—-]\s*$")
_ENDS_WITH_NUMBER = re.compile(r"\d\D{0,3}$")


def _first_paragraph(blocks: tuple[Block, ...]) -> int | None:
    """Index (in the page) of the first paragraph of running text among ``blocks``."""
    return next((b.index for b in blocks if len(b.text) >= _MIN_PROSE_CHARS and is_prose(b.text)), None)


def header_zone(draft: Draft, ctx: Context) -> Iterator[tuple[int, Block]]:
    """(place, line) of the page's own lines in the header zone, each place from the
    headline outwards: below it, above it, under the first paragraph.

    >>> from cleaner.page import Page
    >>> lede = "The council met on Monday and agreed on the new plan for the harbour, the mayor said."
    >>> page = Page("text", tuple(Block(i, t) for i, t in enumerate(["Menu", "Title", "By Ann", lede, "May 2"])))
    >>> d = Draft(page.blocks[3:], header=page.blocks[:1])
    >>> [(place, b.text) for place, b in header_zone(d, Context(None, page=page))]
    [(0, 'Title'), (0, 'By Ann'), (1, 'Menu'), (2, 'May 2')]
    """
    first = _first_paragraph(draft.blocks)
    top = draft.header[-1].index + 1 if draft.header else None
    end = first if first is not None else (top or 0) + _BELOW
    start = top if top is not None else max(0, end - _BELOW)
    below = _page_lines(ctx, start, min(end, start + _BELOW))
    above = _page_lines(ctx, start - _ABOVE, start) if top is not None else []
    under = []
    for block in _page_lines(ctx, first + 1, first + 1 + _UNDER_LEDE) if first is not None else ():
        if is_prose(block.text):
            break
        under.append(block)
    yield from ((_BELOW_HEADLINE, b) for b in below)
    yield from ((_ABOVE_HEADLINE, b) for b in reversed(above))
    yield from ((_UNDER_FIRST_PARAGRAPH, b) for b in under)


def _page_lines(ctx: Context, start: int, end: int) -> list[Block]:
    """The page's own lines ``start <= index < end`` (in Unicode NFC, as the steps see them)."""
    blocks = ctx.page.blocks
    lo = bisect.bisect_left(blocks, start, key=lambda b: b.index)
    hi = bisect.bisect_left(blocks, end, lo=lo, key=lambda b: b.index)
    return [b if unicodedata.is_normalized("NFC", b.text) else b.with_text(unicodedata.normalize("NFC", b.text))
            for b in blocks[lo:hi]]


def _page_line_after(ctx: Context) -> Callable[[Block], Block | None]:
    """The page's own line after a line."""
    return lambda block: next(iter(_page_lines(ctx, block.index + 1, block.index + 2)), None)


def _date_of(text: str, place: int, words: Words) -> Stamp | None:
    """The date a line of the header zone gives, if it is a date line there: under the first
    paragraph and further down, where photo captions with dates stand, only a strict one or a
    byline's; a teaser with a dated byline glued to its end gives the byline's; the signature
    of an embedded post gives none.

    >>> from cleaner.vocabulary import Vocabularies
    >>> en = Vocabularies.load().words(("en",))
    >>> [_date_of(t, _UNDER_FIRST_PARAGRAPH, en) is not None for t in ("Jun 8, 2023 · 11 min read",
    ...  "By Sofia Gomez December 2, 2025", "Troops near the front line in Bakhmut, April 24, 2023")]
    [True, True, False]
    >>> _date_of("Chains grow beyond the U.S. and Canada. By Lisa Jennings on Dec. 19, 2025", 0, en).iso
    '2025-12-19'
    >>> _date_of("— Jane Doe (@janedoe) October 16, 2024", 0, en) is None
    True
    """
    stamp = date_line(text, words, strict=place in (_UNDER_FIRST_PARAGRAPH, _ELSEWHERE))
    if stamp is None and place != _ELSEWHERE and _DIGIT.search(text) and (byline := byline_of(text, words)):
        stamp = date_line(text[len(byline.rest):], words)
    return stamp if stamp is None or not _EMBED_SIGNATURE.search(text) else None


def _dated_lines(lines: Iterable[tuple[int, Block]], following: Callable[[Block], Block | None],
                 words: Words) -> Iterator[tuple[Stamp, Block]]:
    """(date, line) of the date lines among ``lines`` ((place, line) pairs of the header
    zone); a line that is only a label ("Published", "Updated on:") labels the date on the
    line after it, inside the zone or not."""
    for place, block in lines:
        text = block.text
        stamp = _date_of(text, place, words)
        if stamp is None and (label := label_line(text, words)) is not None:
            after = following(block)
            stamp = date_line(after.text, words, strict=True) if after is not None else None
            if stamp is not None:
                stamp, block = dataclasses.replace(stamp, label=stamp.label or label), after
        if stamp is not None:
            yield stamp, block


def header_date(draft: Draft, ctx: Context, words: Words) -> tuple[Stamp, Block] | None:
    """The date line of the header zone that most likely gives the publication date: the
    first labelled as published, else the first unlabelled, else the first update date."""
    found = list(_dated_lines(header_zone(draft, ctx), _page_line_after(ctx), words))
    if not found:
        return None
    return min(found, key=lambda item: _LABELS[item[0].label])


def title_date(ctx: Context, words: Words) -> tuple[Stamp, Block] | None:
    """The date at the end of the page title, the dump's first line, after a separator
    ("Post-Vac-Syndrom: Was wissen wir? – DW – 13.06.2023").

    >>> from cleaner.page import Page
    >>> from cleaner.vocabulary import Vocabularies
    >>> page = Page("text", (Block(0, "Rates rise – Daily Planet – 13.06.2023"),))
    >>> title_date(Context(None, page=page), Vocabularies.load().words(("de",)))[0].iso
    '2023-06-13'
    """
    if not ctx.page.blocks:
        return None
    block = ctx.page.blocks[0]
    text = unicodedata.normalize("NFC", block.text).rstrip()
    stamps = read_dates(text, words) if len(text) <= _MAX_PAGE_LINE and _ENDS_WITH_NUMBER.search(text) else ()
    if stamps and stamps[-1].year and stamps[-1].end == len(text) and _TITLE_SEPARATOR.search(text[:stamps[-1].start]):
        return stamps[-1], block
    return None


def page_date(draft: Draft, words: Words, page: Sequence[Block] = ()) -> tuple[Stamp, Block] | None:
    """When the header zone has no date: the page's one publication date, read on the whole
    page as read (``page``; a date line under the article, where the cleaning has cut the
    page's end, counts too). The day that every date line labelled as published gives
    ("Published" / "August 30, 2024" under the article), else the first date line after the
    headline that stands alone (no other day within a few lines: a list of other stories,
    comments or an archive gives a date every few lines), else the day that every date line
    of the page gives."""
    lines = [b for b in (page or (*draft.header, *draft.blocks)) if len(b.text) <= _MAX_PAGE_LINE]
    found = _page_dated_lines(lines, words)
    published = [f for f in found if f[0].label == "published"]
    if published and len({stamp.day_iso for stamp, _ in published}) == 1:
        return published[0]
    after = draft.blocks[0].index if draft.blocks else 0
    alone = (f for f in found if f[1].index >= after and _stands_alone(f, found))
    first = next(alone, None)
    if first is not None:
        return first
    if found and len({stamp.day_iso for stamp, _ in found}) == 1:
        return found[0]
    return None


def _stands_alone(item: tuple[Stamp, Block], found: list[tuple[Stamp, Block]]) -> bool:
    """No date line of another day stands within a few lines of this one."""
    stamp, block = item
    return not any(abs(other.index - block.index) <= _LIST_REACH and day.day_iso != stamp.day_iso
                   for day, other in found)


def _page_dated_lines(lines: Sequence[Block], words: Words) -> list[tuple[Stamp, Block]]:
    """(date, line) of the page's date lines, read as lines far from the headline (strictly);
    a line that is only a label ("Published") labels the date on the line after it."""
    found = []
    for i, block in enumerate(lines):
        stamp = _date_of(block.text, _ELSEWHERE, words)
        if stamp is None:
            continue
        if stamp.label is None and i and (label := label_line(lines[i - 1].text, words)) is not None:
            stamp = dataclasses.replace(stamp, label=label)
        found.append((stamp, block))
    return found


def find_published(draft: Draft, ctx: Context) -> Draft:
    """The header zone's date line, else the date of the page title, else the page's one
    date, is evidence for ``published`` (ISO 8601, with the time and offset when the line
    gives them)."""
    words = words_for(draft, ctx) if language_of(draft, ctx) else every_language()
    best = header_date(draft, ctx, words) or title_date(ctx, words) or page_date(draft, words, ctx.page.blocks)
    if ctx.html:
        draft = _without_date_lines(draft, words)
    if best is None:
        return draft
    stamp, block = best
    return draft.found("published", stamp.iso, text_line(block))


def _without_date_lines(draft: Draft, words: Words) -> Draft:
    """HTML: the date lines at the top of the main content, above its first paragraph of
    running text ("Updated March 3, 2024", "Stand: 22.04.2024, 06:00 Uhr"), leave the body: the
    article's header, which a text dump's content step cuts off with the rest of it.

    >>> lede = "The council met on Monday and agreed on the new plan for the harbour, the mayor said."
    >>> d = Draft((Block(0, "Updated March 3, 2024"), Block(1, "As of May 1, 2024:"), Block(2, lede),
    ...            Block(3, "May 2, 2024")))
    >>> [b.text[:14] for b in _without_date_lines(d, every_language()).blocks]
    ['As of May 1, 2', 'The council me', 'May 2, 2024']
    """
    first = _first_paragraph(draft.blocks)
    if first is None:
        return draft
    # (a line that ends with a colon opens what follows: "Effective beginning 6/2/2025:")
    drops = [(b, "date-line", "the article's date line, above its text") for b in draft.blocks
             if b.index < first and not b.text.rstrip().endswith(":") and date_line(b.text, words) is not None]
    return draft.remove("published", drops)
