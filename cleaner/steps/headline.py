"""Find the headline; what stands before it is page furniture (menus, banners, breadcrumbs).

Named strategies, tried in order:

* ``title-match``: a line that is the page title (the dump's first line, often the
  ``<title>``, or the headline the HTML markup announced) without the site name, or with a
  breadcrumb or date glued in front, or the page's date after it: the clean version is
  taken (and a full date after it is the publication date);
* ``similar-to-title``: the line before the text that shares most words with the page title
  (or, when very alike, a line anywhere above the middle of the article);
* ``weakly-similar``: a short line near the start of the text with a few of the title's words;
* ``above-byline``: the last headline-like line before the text with a byline or date under
  it (when there is a page title, a line that shares some of its words);
* ``nearest-headline``: the last headline-like line right before the article text;
* ``page-title``: the first line without its site-name suffix;
* nothing: the record's headline is null and no block is removed.
"""
from __future__ import annotations

import re
from itertools import islice

from ..blocks import Block, squash
from ..dates import DATE_PATTERN, MONTH_YEAR_PATTERN, find_date
from ..pipeline import Context, Draft
from ..textutil import ends_with_ellipsis, fold, is_running_text, word_count
from .byline import looks_like_byline
from .content import best_region, block_score
from .published import contains_date, looks_like_date_line

_PIPE = re.compile(r"\s+[|｜]\s+")
_DASH = re.compile(r"\s+(?:[-–—:·•»]|::)\s+")
_ANY_SEPARATOR = re.compile(rf"{_PIPE.pattern}|{_DASH.pattern}")
_CRUMB = re.compile(r"\s*(?:»|›|>|/)\s+")
_SITE_NAME_WORDS = 5
_TITLE_WORDS = 60  # a first line longer than this is no page title
_ADJACENT = 2
_HTML_WINDOW = 3
_LOOK_BACK = 15
_MIN_SIMILARITY = 0.5
_SOME_SIMILARITY = 0.3
_WIDE_SIMILARITY = 0.6  # a line above the middle of the article this alike can be the headline
_FAR_MARGIN = 0.3  # ... when it is this much more alike than the best line near the text
_HEADER_BONUS = 0.1  # likeness added for a line with a byline or date under it
_WEAK_AFTER = 5  # a weakly similar line is looked for up to this many lines into the text
_WEAK_WORDS = (5, 20)  # ... and has this many words (a label of three words is no headline)
_SENTENCES = re.compile(r"[^\W\d_]{2}[.!?]\s+[A-Z]")
_SENTENCE_END = re.compile(r"[^\W\d_]{2}\.[\"'”’)]*$")
_LABEL = re.compile(r"\w+:\s+")
_CRUMBS = re.compile(r"\s(?:»|›|>|/)\s|\s(?:»|›|>|/)$")
_LIST_ITEM = re.compile(r"^\s*(?:(?:\d+[.)]|[•·*-])\s|\d+(?:\.\d+)*[A-Z][A-Za-z])")  # "8. ", "2.1Step", "11FAQs"
_TRAILING_SYMBOLS = re.compile(r"\s+[⋆★*|•·»›–—-]+$")
_DATE_AFTER = re.compile(rf"(?:\s+[/|｜·•–—-])?\s+({DATE_PATTERN}|{MONTH_YEAR_PATTERN})$", re.IGNORECASE)


def is_headline_like(text: str, min_words: int = 2) -> bool:
    """A line that could be a headline: a few words, no teaser ellipsis, no date or byline.

    >>> is_headline_like("US says Iran behind violence in Iraq"), is_headline_like("September 4, 2025")
    (True, False)
    """
    n = word_count(text)
    return (min_words <= n <= 30 and len(text) <= 300 and not ends_with_ellipsis(text)
            and not contains_date(text) and not looks_like_byline(text))


def _titled(text: str, min_words: int = 2) -> bool:
    """A line that can be a page title: headline-like, or with a date in it that is more
    than a date line ("Best albums of November 2025").

    >>> _titled("Best albums of November and December 2025"), _titled("Updated: 12 March 2024")
    (True, False)
    """
    return is_headline_like(text, min_words) or (
        min_words <= word_count(text) <= 30 and not ends_with_ellipsis(text)
        and not looks_like_byline(text) and not looks_like_date_line(text))


def site_suffix_removed(title: str, page_text: str) -> str:
    """The page title without a site name: after ' | ', or after a dash when that part is
    short and named elsewhere on the page (footer, copyright line) or looks like a domain.

    >>> site_suffix_removed("Tax cuts approved | Daily Planet", "")
    'Tax cuts approved'
    >>> site_suffix_removed("Iran leaders aware of Iraq activities - US", "The US military said.")
    'Iran leaders aware of Iraq activities - US'
    >>> site_suffix_removed("Rates rise - Daily Planet", "© 2024 Daily Planet")
    'Rates rise'
    >>> site_suffix_removed("Rates rise – Daily Planet - Daily Planet", "")
    'Rates rise'
    """
    parts = _PIPE.split(title)
    if len(parts) > 1:
        title = parts[0] if word_count(parts[0]) >= 3 else max(parts, key=word_count)
    twice = _site_name_twice(title)
    if twice:
        return twice[1]
    head, _, tail = _rsplit_dash(title)
    if tail and word_count(tail) <= _SITE_NAME_WORDS and word_count(head) >= 2:
        if re.search(r"\.\w{2,4}\b", tail) or _named_elsewhere(tail, page_text):
            return head
    return title


def _site_name_twice(title: str) -> tuple[str, str] | None:
    """(the title with one copy, the title with none) when it ends with the same site name
    twice ("Rates rise – Daily Planet - Daily Planet": a CMS adding the name to a title that
    has it), else None.

    >>> _site_name_twice("Rates rise – Daily Planet - Daily Planet")
    ('Rates rise – Daily Planet', 'Rates rise')
    >>> _site_name_twice("Movers | Top 19 | Supermove") is None
    True
    """
    cuts = list(_ANY_SEPARATOR.finditer(title))
    if len(cuts) < 2:
        return None
    before, last = cuts[-2], cuts[-1]
    name, again, bare = title[last.end():], title[before.end(): last.start()], title[: before.start()]
    if name.casefold() == again.casefold() and word_count(name) <= _SITE_NAME_WORDS and word_count(bare) >= 2:
        return title[: last.start()], bare
    return None


def _rsplit_dash(title: str) -> tuple[str, str, str]:
    found = list(_DASH.finditer(title))
    if not found:
        return title, "", ""
    last = found[-1]
    return title[: last.start()], last.group(0), title[last.end():]


def _named_elsewhere(name: str, page_text: str) -> bool:
    """The site name stands on a line of its own or in a copyright line ("© Daily Planet 2024").

    >>> _named_elsewhere("Daily Planet", "Menu\\n© Daily Planet 2024"), _named_elsewhere("Planet", "Planet Earth")
    (True, False)
    """
    pattern = re.compile(rf"(?im)^(?:.*(?:©|copyright|\(c\)).*)?{re.escape(name)}\W*(?:(?:19|20)\d\d\W*)?$")
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
    >>> title_relation("8 Recent Trends in Photography", "Recent Trends in Photography") is None
    True
    >>> title_relation("Post-Brexit trade deal agreed", "Brexit trade deal agreed") is None
    True
    >>> title_relation("Blockchain trends for 2026-2030", "Blockchain trends for 2026") is None
    True
    """
    return _relation(_Folded(title), _Folded(line))


_SEPARATOR_AFTER = re.compile(r"^\s*[|｜–—:·•»]|^\s+[/-]\s")  # not the hyphen in "2026-2030"
_SITE_SEPARATOR = re.compile(r"^\s+[|｜–—·•»-]\s")
_SEPARATOR_BEFORE = re.compile(r"(?:[|｜–—:·•»]|\s[/-])\s*$")  # not "Post-" of "Post-Brexit"


class _Folded:
    """A line folded once for the many comparisons of the title search."""

    __slots__ = ("raw", "words", "folded")

    def __init__(self, text: str):
        self.raw = squash(text).casefold()
        self.words = word_count(text)
        self.folded = fold(text)


def _relation(t: _Folded, l: _Folded) -> str | None:
    """``title_relation`` on pre-folded text."""
    if not l.folded or not t.folded:
        return None
    if t.folded == l.folded:
        return "same"
    if l.words < 2:
        return None
    rest = t.raw[len(l.raw):]
    if t.raw.startswith(l.raw) and _SEPARATOR_AFTER.match(rest) and (
            len(l.raw) > 0.5 * len(t.raw)
            or (_SITE_SEPARATOR.match(rest) and word_count(rest) <= _SITE_NAME_WORDS)):
        return "site-suffix"  # a short headline before a site name of a few words
    if len(l.raw) > 0.5 * len(t.raw):
        if t.raw.endswith(l.raw):
            before = t.raw[: len(t.raw) - len(l.raw)]
            if _SEPARATOR_BEFORE.search(before):
                return "site-prefix"
            if not before[-1:].isspace() and not before.endswith("-"):
                return "glued-prefix"
    if t.words >= 3 and l.folded.endswith(t.folded) and len(l.folded) - len(t.folded) <= 40:
        return "line-has-prefix"
    return None


def _glued_junk(prefix: str) -> bool:
    """A prefix that is no part of a headline: a date, a breadcrumb, words glued on, a
    one-word section label that the page title does not have ("Blog: ").

    >>> _glued_junk("Dec 18 2025 "), _glued_junk("What’s the "), _glued_junk("Blog: ")
    (True, False, True)
    """
    return bool(contains_date(prefix + " 2000") and re.search(r"\d", prefix)) or bool(
        _CRUMB.search(prefix)) or not prefix[-1:].isspace() or bool(_LABEL.fullmatch(prefix))


def _title_matches(blocks: tuple[Block, ...], end: int,
                   titles: list[tuple[str, str | None]]) -> list[tuple[int, str, int]]:
    """(index, clean headline, strength) for every line that matches one of the
    (title, clean title or None) pairs; strength 2 for the same text, 1 for the title with a
    site name or breadcrumb around it. A line with the same text as a title gives the clean
    title when there is one, else its own text."""
    found = []
    folded = [(title, clean, _Folded(title)) for title, clean in titles]
    all_titles = " ".join(title for title, _ in titles)
    for j in range(1, end):
        text = blocks[j].text
        if word_count(text) > 40:
            continue
        undated = _date_suffix_removed(text, all_titles)
        for line in (text, undated) if undated != text else (text,):
            match = _title_match(line, folded)
            if match:
                found.append((j, *match))
                break
    return found


def _title_match(text: str, titles: list[tuple[str, str | None, _Folded]]) -> tuple[str, int] | None:
    """(clean headline, strength) when ``text`` matches one of the (title, clean title, folded
    title) triples, else None."""
    line = _Folded(text)
    for title, clean, folded_title in titles:
        relation = _relation(folded_title, line)
        if relation == "line-has-prefix":
            extra = text[: len(text) - len(title)] if text.endswith(title) else ""
            return (squash(title) if not extra or _glued_junk(extra) else text), 1
        if relation and (is_headline_like(text) or relation in ("same", "site-suffix") and _titled(text, 1)):
            if relation == "same":
                return clean or text, 2
            if relation == "site-suffix" and (twice := _site_name_twice(title)) and fold(text) == fold(twice[0]):
                return twice[1], 1  # the title with one of its two site names: the clean title
            return text, 1
    return None


def _date_suffix_removed(text: str, title: str) -> str:
    """The line without a date printed after it that the page title does not have (the
    page's date set beside its headline).

    >>> _date_suffix_removed("Advent of Code, week 2 20 December 2025", "Blog: Advent of Code, week 2")
    'Advent of Code, week 2'
    >>> _date_suffix_removed("Porting a parser / Dec 2025", "Porting a parser")
    'Porting a parser'
    >>> _date_suffix_removed("The best typefaces for December 2025", "The best typefaces for December 2025")
    'The best typefaces for December 2025'
    """
    if not text[-1:].isdigit():
        return text
    found = _DATE_AFTER.search(text)
    if not found or found.start() == 0 or found.group(1).casefold() in title.casefold():
        return text
    return text[: found.start()]


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
    words = _content_words(line)
    if not words:
        return 0.0
    return len(words & _content_words(title)) / len(words)


#: words too common to tell two titles apart (English; other languages have longer words)
_COMMON = frozenset("the and for with you your are was how what from that this its our not "
                    "but all can has have why who when will into out about".split())


def _content_words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) >= 3 and w not in _COMMON}


def _candidate(text: str) -> bool:
    """A line that may be the article's headline: headline-like, no list item, no sentence
    (a headline does not end with a full stop) and no breadcrumb trail.

    >>> _candidate("Tax cuts approved by parliament"), _candidate("Home » Money » Tax cuts")
    (True, False)
    >>> _candidate("Jump to the full list of the best tax advisers.")
    False
    """
    return (_titled(text, 3) and not _LIST_ITEM.match(text)
            and not _SENTENCE_END.search(text) and not is_running_text(text)
            and len(_CRUMBS.findall(text)) < 2 and not _CRUMBS.search(text[-2:]))


def _similar_headline(blocks: tuple[Block, ...], lines: range, title: str, *, min_share: float,
                      min_sim: float = 0.0, weak: bool = False, site: str = "") -> tuple[int | None, float]:
    """The line in ``lines`` most like the page title: at least ``min_share`` of its words
    in the title, then the most alike both ways (a short line whose few words the title has
    does not beat a line that says what the title says), a little more for a line with a
    byline or date under it; the latest of equals. ``weak``: the share may be either way,
    and only lines of one sentence and 5-20 words count; ``site``, the site name the title
    ends with (folded), is no headline. (index or None, likeness)"""
    best, best_sim = None, 0.0
    site_words, title_words = _content_words(site), _content_words(title)
    for j in lines:
        text = blocks[j].text
        if not _candidate(text) or site and fold(text) == site or weak and (
                not _WEAK_WORDS[0] <= word_count(text) <= _WEAK_WORDS[1] or _SENTENCES.search(text)):
            continue
        if site_words and _content_words(text) & title_words <= site_words:
            continue  # only the site's name in common ("Subscribe to Top Gear Magazine")
        share, back = title_similarity(text, title), title_similarity(title, text)
        if (max(share, back) if weak else share) < min_share or share + back == 0:
            continue
        sim = 2 * share * back / (share + back)
        if _has_byline_under(blocks, j):
            sim += _HEADER_BONUS  # where the article's own header sits
        if sim >= max(best_sim, min_sim):
            best, best_sim = j, sim
    return best, best_sim


def _title_like_line(blocks: tuple[Block, ...], start: int, middle: int, title: str,
                     clean_title: str) -> tuple[int | None, str]:
    """The line like the page title: near the start of the running text, unless a line above
    the middle of the article (``middle``) is much more alike; else near the start, a short
    line with a few of the clean title's words. (index or None, the strategy's name)"""
    if start == 0:
        return None, ""  # the page opens with running text: no header to look in
    near = range(max(1, start - _LOOK_BACK), min(len(blocks), start + _ADJACENT))
    site = fold(title[len(clean_title):]) if title.startswith(clean_title) else ""
    found, sim = _similar_headline(blocks, near, title, min_share=_MIN_SIMILARITY, site=site)
    far, _ = _similar_headline(blocks, range(1, middle), title, min_share=_MIN_SIMILARITY,
                               min_sim=max(_WIDE_SIMILARITY, sim + _FAR_MARGIN), site=site)
    found = far if far is not None else found
    if found is not None:
        return found, "similar-to-title"
    near = range(max(1, start - _LOOK_BACK), min(len(blocks), start + _WEAK_AFTER, middle))
    found, _ = _similar_headline(blocks, near, clean_title, min_share=_SOME_SIMILARITY, weak=True)
    return found, "weakly-similar"


def _has_byline_under(blocks: tuple[Block, ...], j: int) -> bool:
    """A byline or date line follows line ``j`` within three lines (teasers cut with "…"
    do not count: the teasers step removes them later), and no second headline right under."""
    following = list(islice((blocks[k].text for k in range(j + 1, len(blocks))
                             if not ends_with_ellipsis(blocks[k].text)), 3))
    return bool(following) and not is_headline_like(following[0], min_words=5) and any(
        looks_like_byline(t) or contains_date(t, max_words=10) for t in following)


def _above_byline(blocks: tuple[Block, ...], start: int, title: str | None) -> int | None:
    """The last headline-like line before the text that a byline or date line follows
    within the next three lines: where the article's own header sits. When the page has a
    title, the line must speak of what the title speaks of (a share button or an author's
    name above a date is no headline)."""
    found = None
    for j in range(1, min(len(blocks), start + _ADJACENT)):
        text = blocks[j].text
        if not _candidate(text):
            continue
        if title and max(title_similarity(text, title), title_similarity(title, text)) < _SOME_SIMILARITY:
            continue
        if _has_byline_under(blocks, j):
            found = j
    return found


def _nearest_headline(blocks: tuple[Block, ...], start: int) -> int | None:
    for j in range(start - 1, max(-1, start - 1 - _ADJACENT - 1), -1):
        if is_headline_like(blocks[j].text, min_words=4) and _candidate(blocks[j].text):
            return j
    return None


def _headline_of_page(draft: Draft, hint: str | None) -> Draft:
    """HTML: the markup named the headline; a copy of it opening the content goes."""
    if not hint:
        return draft
    head = draft.blocks[:_HTML_WINDOW]
    matches = [(j, b.text, relation) for j, b in enumerate(head)
               if (relation := title_relation(hint, b.text)) and is_headline_like(b.text)]
    if not matches:
        return draft.with_fields(headline=squash(hint))
    h, text, relation = matches[-1]
    # the page's own heading is cleaner than a title that still carries the site name
    headline = text if relation in ("site-suffix", "site-prefix", "glued-prefix") else squash(hint)
    drops = [(b, "before-headline", "above the headline in the main content") for b in draft.blocks[:h]]
    drops.append((draft.blocks[h], "markup-headline", "the headline named by the page's markup"))
    return draft.remove("headline", drops).with_header(draft.blocks[:h]).with_fields(headline=headline)


def find_headline(draft: Draft, ctx: Context) -> Draft:
    """Take the headline out of the blocks; the blocks before it become the header."""
    blocks = draft.blocks
    hint = ctx.hints.get("headline")
    if not blocks:
        return draft.with_fields(headline=squash(hint) if hint else None)
    if ctx.hints.get("format") == "html":
        return _headline_of_page(draft, hint)
    scores = [block_score(b.text) for b in blocks]
    start, end = best_region(scores)
    middle = _middle_of_text(scores, start, end)
    first = blocks[0].text
    # the whole page, lines earlier steps took out too (a copyright line names the site)
    page = "\n".join([b.text for b in blocks] + [r.text for r in draft.removed])
    # the page title without the site name (a long tagline after the name may go too)
    guess = site_suffix_removed(first, page) if word_count(first) <= _TITLE_WORDS else None
    guess = guess if guess and _titled(guess) else None
    # the whole page title printed again (site name and all) stands for the clean title
    titles = [(t, c) for t, c in ((hint, None), (guess, None), (first, guess if guess != first else None)) if t]
    matches = _title_matches(blocks, max(end, start + 1), titles)
    if matches:
        (h, headline), rule = _closest(matches, start), "title-match"
    elif hint:
        return draft.with_fields(headline=squash(hint))
    else:
        similar, how = _title_like_line(blocks, start, middle, first, guess) if guess else (None, "")
        near = similar if similar is not None else _nearest_headline(blocks, start)
        if near is not None and (similar is not None or guess is None):
            rule = how if similar is not None else "nearest-headline"
            h, headline = near, blocks[near].text
        elif (above := _above_byline(blocks, start, guess)) is not None:
            h, headline, rule = above, blocks[above].text, "above-byline"
        elif guess:
            h, headline, rule = 0, guess, "page-title"
        else:
            return draft
    headline = _TRAILING_SYMBOLS.sub("", headline)
    if middle <= h < end:  # past the middle of the running text: no article begins there
        # the title printed again at the foot of the article (a "share" box, a footer):
        # the headline all the same, but the running text above it stays
        drops = [(blocks[h], rule, "the headline, printed again below the article text")]
        drops += _repeats_of(headline, blocks[:h] + blocks[h + 1:])
        return draft.remove("headline", drops).with_fields(headline=headline)
    drops = [(b, "before-headline", "site furniture above the headline") for b in blocks[:h]]
    drops.append((blocks[h], rule, "taken as the headline"))
    drops += _repeats_of(headline, blocks[h + 1:])
    found = dict(headline=headline)
    if "published" not in draft.fields and not ctx.hints.get("published"):
        found["published"] = _glued_date(blocks[h].text, headline)
    return draft.remove("headline", drops).with_header(blocks[:h]).with_fields(**found)


def _glued_date(line: str, headline: str) -> str | None:
    """The full date (ISO) printed after the headline on its line, the page's date.

    >>> _glued_date("Advent of Code, week 2 20 December 2025", "Advent of Code, week 2")
    '2025-12-20'
    >>> _glued_date("Porting a parser / Dec 2025", "Porting a parser") is None
    True
    """
    rest = line[len(headline):] if line.startswith(headline) else ""
    date = find_date(rest) if rest and _DATE_AFTER.fullmatch(rest) else None
    return date if date and not date.startswith("--") and len(date) >= 10 else None


def _middle_of_text(scores: list[float], start: int, end: int) -> int:
    """The first line past the middle of the running text [start, end): more of the article's
    prose (positive block scores) above it than below, so no article begins there; or ``end``.

    >>> _middle_of_text([-4, 5, 5, 5, 5, 5, -4], 1, 6)
    4
    """
    prose = [max(score, 0.0) for score in scores[start:end]]
    above, below = 0.0, sum(prose)
    for h in range(start, end):
        if h > start + _ADJACENT and above > below:
            return h
        above, below = above + prose[h - start], below - prose[h - start]
    return end


def _repeats_of(headline: str, blocks) -> list:
    """The headline printed again below itself (a second title element, a related-articles
    list, a footer) is no body text."""
    key = fold(headline)
    return [(b, "headline-repeated", "the headline again") for b in blocks if fold(b.text) == key]
