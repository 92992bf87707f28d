"""Find the headline; what stands before it is page furniture (menus, banners, breadcrumbs).

Named strategies, tried in order:

* ``title-match``: a line that is the page title (the dump's first line, often the
  ``<title>``, or the headline the HTML markup announced) without the site name, or with a
  breadcrumb or date glued in front: the clean version is taken;
* ``nearest-headline``: the last headline-like line right before the article text;
* ``page-title``: the first line without its site-name suffix;
* nothing: the record's headline is null and no block is removed.
"""
from __future__ import annotations

import re

from ..blocks import Block, squash
from ..pipeline import Context, Draft
from ..textutil import ends_with_ellipsis, fold, word_count
from .byline import looks_like_byline
from .content import best_region, block_score
from .published import contains_date

_PIPE = re.compile(r"\s+[|｜]\s+")
_DASH = re.compile(r"\s+(?:[-–—:·•»]|::)\s+")
_CRUMB = re.compile(r"\s*(?:»|›|>|/)\s+")
_SITE_NAME_WORDS = 5
_ADJACENT = 2
_LOOK_BACK = 15
_MIN_SIMILARITY = 0.5
_TRAILING_SYMBOLS = re.compile(r"\s+[⋆★*|•·»›–—-]+$")


def is_headline_like(text: str, min_words: int = 2) -> bool:
    """A line that could be a headline: a few words, no teaser ellipsis, no date or byline.

    >>> is_headline_like("US says Iran behind violence in Iraq"), is_headline_like("September 4, 2025")
    (True, False)
    """
    n = word_count(text)
    return (min_words <= n <= 30 and len(text) <= 300 and not ends_with_ellipsis(text)
            and not contains_date(text) and not looks_like_byline(text))


def site_suffix_removed(title: str, page_text: str) -> str:
    """The page title without a site name: after ' | ', or after a dash when that part is
    short and named elsewhere on the page (footer, copyright line) or looks like a domain.

    >>> site_suffix_removed("Tax cuts approved | Daily Planet", "")
    'Tax cuts approved'
    >>> site_suffix_removed("Iran leaders aware of Iraq activities - US", "The US military said.")
    'Iran leaders aware of Iraq activities - US'
    >>> site_suffix_removed("Rates rise - Daily Planet", "© 2024 Daily Planet")
    'Rates rise'
    """
    parts = _PIPE.split(title)
    if len(parts) > 1:
        title = max(parts, key=lambda p: (word_count(p), len(p)))
    head, _, tail = _rsplit_dash(title)
    if tail and word_count(tail) <= _SITE_NAME_WORDS and word_count(head) >= 2:
        if re.search(r"\.\w{2,4}\b", tail) or _named_elsewhere(tail, page_text):
            return head
    return title


def _rsplit_dash(title: str) -> tuple[str, str, str]:
    found = list(_DASH.finditer(title))
    if not found:
        return title, "", ""
    last = found[-1]
    return title[: last.start()], last.group(0), title[last.end():]


def _named_elsewhere(name: str, page_text: str) -> bool:
    """The site name stands on a line of its own or in a copyright line."""
    pattern = re.compile(rf"(?im)^(?:.*(?:©|copyright|\(c\)).*)?{re.escape(name)}\W*$")
    return bool(pattern.search(page_text))


def title_relation(title: str, line: str) -> str | None:
    """How ``line`` relates to a page title, or None.

    >>> title_relation("News On Iran & Its NeighboursIraqUS says Iran behind violence in Iraq",
    ...                "US says Iran behind violence in Iraq")
    'glued-prefix'
    >>> title_relation("Tax cuts approved | Daily Planet", "Tax cuts approved")
    'site-suffix'
    >>> title_relation("Preparing a transition", "Dec 18 2025 Preparing a transition")
    'line-has-prefix'
    >>> title_relation("Tax cuts approved | Daily Planet", "Daily Planet") is None
    True
    """
    return _relation(fold(title), fold(line), word_count(title), word_count(line))


def _relation(ft: str, fl: str, title_words: int, line_words: int) -> str | None:
    """``title_relation`` on folded text (fold once, compare many times)."""
    if not fl or not ft:
        return None
    if ft == fl:
        return "same"
    if line_words < 2:
        return None
    if len(fl) > 0.5 * len(ft):
        if ft.startswith(fl + " "):
            return "site-suffix"
        if ft.endswith(" " + fl):
            return "site-prefix"
        if ft.endswith(fl):
            return "glued-prefix"
    if title_words >= 3 and fl.endswith(ft) and len(fl) - len(ft) <= 40:
        return "line-has-prefix"
    return None


def _glued_junk(prefix: str) -> bool:
    """A prefix that is no part of a headline: a date, a breadcrumb, words glued on.

    >>> _glued_junk("Dec 18 2025 "), _glued_junk("What’s the ")
    (True, False)
    """
    return bool(contains_date(prefix + " 2000") and re.search(r"\d", prefix)) or bool(
        _CRUMB.search(prefix)) or not prefix[-1:].isspace()


def _title_matches(blocks: tuple[Block, ...], end: int, titles: list[str]) -> list[tuple[int, str, int]]:
    """(index, clean headline, strength) for every line that matches one of the titles;
    strength 2 for the same text, 1 for the title with a site name or breadcrumb around it."""
    found = []
    folded = [(title, fold(title), word_count(title)) for title in titles]
    for j in range(1, end):
        text = blocks[j].text
        n = word_count(text)
        if n > 40:
            continue
        fl = fold(text)
        for title, ft, title_words in folded:
            relation = _relation(ft, fl, title_words, n)
            if relation == "line-has-prefix":
                extra = text[: len(text) - len(title)] if text.endswith(title) else ""
                found.append((j, squash(title) if not extra or _glued_junk(extra) else text, 1))
                break
            if relation and is_headline_like(text):
                found.append((j, text, 2 if relation == "same" else 1))
                break
    return found


def _closest(matches: list[tuple[int, str, int]], start: int) -> tuple[int, str]:
    """The strongest match before the article text (the latest of equals), else the first after."""
    before = [m for m in matches if m[0] <= start + _ADJACENT]
    if before:
        strongest = max(m[2] for m in before)
        j, text, _ = [m for m in before if m[2] == strongest][-1]
        return j, text
    return matches[0][0], matches[0][1]


def title_similarity(line: str, title: str) -> float:
    """Share of the line's words (3+ letters) that the title has too.

    >>> title_similarity("Best GPS Running Watches of 2026", "GPS Watches | Gear Lab")
    0.4
    """
    words = {w for w in fold(line).split() if len(w) >= 3}
    if not words:
        return 0.0
    return len(words & {w for w in fold(title).split() if len(w) >= 3}) / len(words)


def _similar_headline(blocks: tuple[Block, ...], start: int, title: str) -> int | None:
    """The line before the text most like the page title (at least half its words shared)."""
    best, best_sim = None, _MIN_SIMILARITY
    for j in range(max(1, start - _LOOK_BACK), min(len(blocks), start + _ADJACENT)):
        text = blocks[j].text
        if is_headline_like(text, min_words=3):
            sim = title_similarity(text, title)
            if sim >= best_sim:
                best, best_sim = j, sim
    return best


def _nearest_headline(blocks: tuple[Block, ...], start: int) -> int | None:
    for j in range(start - 1, max(-1, start - 1 - _ADJACENT - 1), -1):
        if is_headline_like(blocks[j].text, min_words=4):
            return j
    return None


def find_headline(draft: Draft, ctx: Context) -> Draft:
    """Take the headline out of the blocks; the blocks before it become the header."""
    blocks = draft.blocks
    hint = ctx.hints.get("headline")
    if not blocks:
        return draft.with_fields(headline=squash(hint) if hint else None)
    start, end = best_region([block_score(b.text) for b in blocks])
    first = blocks[0].text
    page = "\n".join(b.text for b in blocks)
    guess = site_suffix_removed(first, page) if is_headline_like(first) else None
    titles = [t for t in (hint, guess, first) if t]
    matches = _title_matches(blocks, max(end, start + 1), titles)
    if matches:
        (h, headline), rule = _closest(matches, start), "title-match"
    elif hint:
        return draft.with_fields(headline=squash(hint))
    else:
        similar = _similar_headline(blocks, start, first) if guess else None
        near = similar if similar is not None else _nearest_headline(blocks, start)
        if near is not None and (near > 0 or guess is None):
            rule = "similar-to-title" if similar is not None else "nearest-headline"
            h, headline = near, blocks[near].text
        elif guess:
            h, headline, rule = 0, guess, "page-title"
        else:
            return draft
    headline = _TRAILING_SYMBOLS.sub("", headline)
    drops = [(b, "before-headline", "site furniture above the headline") for b in blocks[:h]]
    drops.append((blocks[h], rule, "taken as the headline"))
    return draft.remove("headline", drops).with_header(blocks[:h]).with_fields(headline=headline)
