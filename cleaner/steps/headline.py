"""Find the headline; what stands before it is page furniture (menus, banners, breadcrumbs).

Three named strategies, tried in order:

* ``title-match``: a line that is the page's first line (often the ``<title>``) without the
  site name or a glued breadcrumb, or the headline the HTML markup announced;
* ``nearest-headline``: the last headline-like line before the article text starts;
* nothing: the record's headline is null and no block is removed.
"""
from __future__ import annotations

from ..blocks import Block, squash
from ..pipeline import Context, Draft
from ..textutil import ends_with_ellipsis, fold, is_running_text, word_count
from .published import looks_like_date_line
from .byline import looks_like_byline

_SEARCH_PAST_START = 20


def content_start(blocks: tuple[Block, ...]) -> int:
    """Index of the first block of running text (``len(blocks)`` when there is none)."""
    return next((i for i, b in enumerate(blocks) if i and is_running_text(b.text)), len(blocks))


def is_headline_like(text: str, min_words: int = 2) -> bool:
    """A line that could be a headline: a few words, no teaser ellipsis, no date or byline.

    >>> is_headline_like("US says Iran behind violence in Iraq"), is_headline_like("September 4, 2025")
    (True, False)
    """
    n = word_count(text)
    return (min_words <= n <= 30 and len(text) <= 300 and not ends_with_ellipsis(text)
            and not looks_like_date_line(text) and not looks_like_byline(text))


def title_relation(title: str, line: str) -> str | None:
    """How ``line`` relates to a page title, or None.

    >>> title_relation("News On Iran & Its NeighboursIraqUS says Iran behind violence in Iraq",
    ...                "US says Iran behind violence in Iraq")
    'glued-prefix'
    >>> title_relation("Tax cuts approved | Daily Planet", "Tax cuts approved")
    'site-suffix'
    >>> title_relation("Tax cuts approved | Daily Planet", "Daily Planet") is None
    True
    """
    ft, fl = fold(title), fold(line)
    if not fl:
        return None
    if ft == fl:
        return "same"
    if word_count(line) < 2 or len(fl) < 0.4 * len(ft):
        return None
    if ft.startswith(fl + " "):
        return "site-suffix"
    if ft.endswith(" " + fl):
        return "site-prefix"
    if ft.endswith(fl):
        return "glued-prefix"
    return None


def _title_match(blocks: tuple[Block, ...], stop: int, titles: list[str]) -> int | None:
    best, best_len = None, 0
    for j in range(0, min(len(blocks), stop)):
        text = blocks[j].text
        if not is_headline_like(text):
            continue
        for k, title in enumerate(titles):
            if k == 0 and j == 0:
                continue  # the first line is compared with the others, not with itself
            if title_relation(title, text) and len(text) >= best_len:
                best, best_len = j, len(text)
    return best


def _nearest_headline(blocks: tuple[Block, ...], start: int) -> int | None:
    candidates = [j for j in range(start - 1, -1, -1) if is_headline_like(blocks[j].text)]
    strong = [j for j in candidates if word_count(blocks[j].text) >= 4]
    if strong:
        return strong[0]
    return candidates[0] if candidates and candidates[0] >= start - 3 else None


def find_headline(draft: Draft, ctx: Context) -> Draft:
    """Take the headline out of the blocks; the blocks before it become the header."""
    blocks = draft.blocks
    hint = ctx.hints.get("headline")
    if not blocks:
        return draft.with_fields(headline=squash(hint) if hint else None)
    start = content_start(blocks)
    titles = [blocks[0].text] + ([hint] if hint else [])
    h = _title_match(blocks, start + _SEARCH_PAST_START, titles)
    rule = "title-match"
    if h is None and hint:
        return draft.with_fields(headline=squash(hint))
    if h is None:
        h, rule = _nearest_headline(blocks, start), "nearest-headline"
    if h is None:
        return draft
    drops = [(b, "before-headline", "site furniture above the headline") for b in blocks[:h]]
    drops.append((blocks[h], rule, "taken as the headline"))
    return draft.remove("headline", drops).with_header(blocks[:h]).with_fields(headline=blocks[h].text)
