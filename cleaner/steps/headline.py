"""Find the headline; what stands before it is page furniture (menus, banners, breadcrumbs).

Named strategies, tried in order:

* ``title-match``: a line that is the page title (the dump's first line, often the
  ``<title>``, or the headline the HTML markup announced) without the site name, or with a
  breadcrumb or date glued in front, or the page's date after it: the clean version is
  taken (and a full date after it is the publication date); when a kicker runs into the
  headline on that line, the title's colon between them. But when the article's own header
  follows a few lines under it (a kicker, then a headline with a byline, date or time
  under it), that line was a copy of the title for search engines (a breadcrumb trail's
  last item) and the headline shown is taken;
* ``similar-to-title``: the line before the text that shares most words with the page title
  (or, when very alike, a line anywhere above the middle of the article);
* ``weakly-similar``: a short line near the start of the text with a few of the title's words,
  and text under it;
* ``nearest-headline``: the last headline-like line right before the article text, or its first
  line when that is headline-like (a headline ending in "U.S." reads as a sentence);
* ``above-byline``: the last headline-like line before the text with a byline, date or time
  under it (when there is a page title, a line that shares some of its words); else the
  first such line above the middle of the article;
* ``header``: the article's own header (a headline of five words or more, a byline, date or
  time under it, words of the text under it) though it says something else than the page
  title, when that title is printed nowhere on the page (a title for search engines only);
* ``page-title``: the first line without its site-name suffix;
* nothing: the record's headline is null and no block is removed.

A kicker printed on the line above the headline is joined to it as the page title joins
them ("Kenya" over "Nairobi from below", titled "Kenya: Nairobi from below").
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from dataclasses import dataclass
from itertools import islice

from ..blocks import Block, squash
from ..fields.dates import contains_date, find_date
from ..pipeline import Context, Draft, text_line
from ..textutil import ends_with_ellipsis, fold, is_running_text, word_count
from ..fields.names import looks_like_byline
from ..fields.titles import (DATE_AFTER, Folded, as_printed_in, content_words, date_suffix_removed, glued_junk,
                             is_headline_like, relation_of, site_name_twice, site_suffix_removed, title_relation,
                             title_similarity, titled, with_kicker)
from .content import best_region, block_score

_TITLE_WORDS = 60  # a first line longer than this is no page title
_ADJACENT = 2
_HTML_WINDOW = 3
_LOOK_BACK = 15
_MIN_SIMILARITY = 0.5
_SOME_SIMILARITY = 0.3
_WIDE_SIMILARITY = 0.6  # a line above the middle of the article this alike can be the headline
_FAR_MARGIN = 0.3  # ... when it is this much more alike than the best line near the text
_HEADER_BONUS = 0.1  # likeness added for a line with a byline or date under it
_HEADER_WORDS = 5  # a headline unlike the page title has this many words at least (no label)
_TEXT_LOOK = 30  # ... and shares words with the text in this many lines under it
_SHOWN_BELOW = 2  # the headline shown under a copy of the page title: this many lines further at most
_KICKER_WORDS = 6  # ... with only lines this short between (a kicker, a section label)
_WEAK_AFTER = 5  # a weakly similar line is looked for up to this many lines into the text
_WEAK_WORDS = (5, 20)  # ... and has this many words (a label of three words is no headline)
_SENTENCES = re.compile(r"[^\W\d_]{2}[.!?]\s+[A-Z]")
_SENTENCE_END = re.compile(r"[^\W\d_]{2}\.[\"'”’)]*$")
_SEPARATORS = ":–—|-"  # a line that opens with one of these is the second half of a heading
_CLOCK = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d:.])")  # a time of day
_STAMP_WORDS = 6  # a time stamp line has this many words at most
_KICKER_END = re.compile(r"\S\s*[:|–—]\s+$")  # "'Ends recession debate': " before the title's words
_QUOTE_END = re.compile(r"[^\W\d_][\"”“»«’‘]$")  # a quotation closes the headline ("... says: „No“")
_CRUMBS = re.compile(r"\s(?:»|›|>|/)\s|\s(?:»|›|>|/)$")
_LIST_ITEM = re.compile(r"^\s*(?:(?:\d+[.)]|[•·*-])\s|\d+(?:\.\d+)*[A-Z][A-Za-z])")  # "8. ", "2.1Step", "11FAQs"
_TRAILING_SYMBOLS = re.compile(r"\s+[⋆★*|•·»›–—-]+$")
def _title_matches(blocks: tuple[Block, ...], end: int,
                   titles: list[tuple[str, str | None]]) -> list[tuple[int, str, int]]:
    """(index, clean headline, strength) for every line that matches one of the
    (title, clean title or None) pairs; strength 2 for the same text, 1 for the title with a
    site name or breadcrumb around it. A line with the same text as a title gives the clean
    title when there is one, else its own text."""
    found = []
    folded = [(title, clean, Folded(title)) for title, clean in titles]
    all_titles = " ".join(title for title, _ in titles)
    for j in range(1, end):
        text = blocks[j].text
        if word_count(text) > 40:
            continue
        undated = date_suffix_removed(text, all_titles)
        for line in (text, undated) if undated != text else (text,):
            match = _title_match(line, folded)
            if match:
                found.append((j, *match))
                break
    return found


def _title_match(text: str, titles: list[tuple[str, str | None, Folded]]) -> tuple[str, int] | None:
    """(clean headline, strength) when ``text`` matches one of the (title, clean title, folded
    title) triples, else None."""
    line = Folded(text)
    for title, clean, folded_title in titles:
        relation = relation_of(folded_title, line)
        if relation == "line-has-prefix":
            # the words before the title: a date, a breadcrumb, a kicker ("'Ends debate': economists ...")
            before = text[: len(text) - len(title)]
            extra = before if text.endswith(title) or (
                text.casefold().endswith(title.casefold()) and _KICKER_END.search(before)) else ""
            return (squash(title) if not extra or glued_junk(extra) else text), 1
        if relation and (is_headline_like(text) or relation in ("same", "site-suffix") and titled(text, 1)):
            if relation == "same":  # the title's colon where the line runs a kicker into the headline
                return clean or as_printed_in(text, title), 2
            if relation == "site-suffix" and (twice := site_name_twice(title)) and fold(text) == fold(twice[0]):
                return twice[1], 1  # the title with one of its two site names: the clean title
            return text, 1
    return None


def _closest(matches: list[tuple[int, str, int]], start: int) -> tuple[int, str]:
    """The strongest match before the article text (the latest of equals), else the first after."""
    before = [m for m in matches if m[0] <= start + _ADJACENT]
    if before:
        strongest = max(m[2] for m in before)
        j, text, _ = [m for m in before if m[2] == strongest][-1]
        return j, text
    return matches[0][0], matches[0][1]


@lru_cache(maxsize=16384)  # asked of the same lines by several strategies
def _candidate(text: str) -> bool:
    """A line that may be the article's headline: headline-like, no list item, no sentence
    (a headline does not end with a full stop) and no breadcrumb trail.

    >>> _candidate("Tax cuts approved by parliament"), _candidate("Home » Money » Tax cuts")
    (True, False)
    >>> _candidate("Jump to the full list of the best tax advisers.")
    False
    >>> _candidate("Iran quits the second round of talks. Tehran blames „excessive US demands“")
    True
    """
    # the cheap tests first: most lines of a page are sentences, list items or menus
    return (not _LIST_ITEM.match(text) and not _SENTENCE_END.search(text)
            and len(_CRUMBS.findall(text)) < 2 and not _CRUMBS.search(text[-2:]) and titled(text, 3)
            and (not is_running_text(text) or bool(_QUOTE_END.search(text))))


def _similar_headline(blocks: tuple[Block, ...], lines: range, title: str, *, min_share: float,
                      min_sim: float = 0.0, weak: bool = False, site: str = "") -> tuple[int | None, float]:
    """The line in ``lines`` most like the page title: at least ``min_share`` of its words
    in the title, then the most alike both ways (a short line whose few words the title has
    does not beat a line that says what the title says), a little more for a line with a
    byline or date under it; the latest of equals. ``weak``: the share may be either way,
    and only lines of one sentence and 5-20 words count; ``site``, the site name the title
    ends with (folded), is no headline. (index or None, likeness)"""
    best, best_sim = None, 0.0
    site_words, title_words = content_words(site), content_words(title)
    for j in lines:
        text = blocks[j].text
        if not _candidate(text) or site and fold(text) == site or weak and (
                not _WEAK_WORDS[0] <= word_count(text) <= _WEAK_WORDS[1] or _SENTENCES.search(text)):
            continue
        if site_words and content_words(text) & title_words <= site_words:
            continue  # only the site's name in common ("Subscribe to Car Lovers Magazine")
        share, back = title_similarity(text, title), title_similarity(title, text)
        if (max(share, back) if weak else share) < min_share or share + back == 0:
            continue
        sim = 2 * share * back / (share + back)
        if _has_byline_under(blocks, j):
            sim += _HEADER_BONUS  # where the article's own header sits
        if sim >= max(best_sim, min_sim):
            best, best_sim = j, sim
    return best, best_sim


def _has_byline_under(blocks: tuple[Block, ...], j: int, second_headline: bool = False) -> bool:
    """A byline or date line follows line ``j`` within three lines (teasers cut with "…"
    do not count: the teasers step removes them later), and no second headline right under
    (a lede that ends with a full stop is none; ``second_headline``: a line like one may
    stand under it, the lede printed in bold)."""
    following = list(islice((blocks[k].text for k in range(j + 1, len(blocks))
                             if not ends_with_ellipsis(blocks[k].text)), 3))
    if not following:
        return False
    second = is_headline_like(following[0], min_words=5) and not _SENTENCE_END.search(following[0])
    return (second_headline or not second) and any(
        looks_like_byline(t) or contains_date(t, max_words=10) or _is_time_stamp(t) for t in following)


def _is_time_stamp(text: str) -> bool:
    """A short line with a time of day: when the article was published ("today, 12:19").

    >>> _is_time_stamp("Publiziert heute um 12:19 Uhr"), _is_time_stamp("The 12:19 train was late again this morning.")
    (True, False)
    """
    return word_count(text) <= _STAMP_WORDS and bool(_CLOCK.search(text))


def _above_byline(blocks: tuple[Block, ...], lines: range, title: str | None) -> list[int]:
    """The headline-like lines in ``lines`` that a byline or date line follows within the
    next three lines: where the article's own header sits. When the page has a title, the
    line must speak of what the title speaks of (a share button or an author's name above a
    date is no headline)."""
    found = []
    for j in lines:
        text = blocks[j].text
        if not _candidate(text):
            continue
        if title and max(title_similarity(text, title), title_similarity(title, text)) < _SOME_SIMILARITY:
            continue
        if _has_byline_under(blocks, j):
            found.append(j)
    return found


def _nearest_headline(blocks: tuple[Block, ...], start: int) -> int | None:
    """The last headline-like line right before the running text (line ``start``), or that
    text's first line when it is one with text under it (a headline that ends in "U.S." is
    counted as a sentence).

    >>> blocks = tuple(Block(i, t) for i, t in enumerate(["Iran: 60% Of Population Is Poor",
    ...     "Top Iran leaders aware of Qods Force in Iraq: U.S.", "The military said so on Sunday in Baghdad."]))
    >>> _nearest_headline(blocks, 1)
    1
    """
    first = (start,) if start + 1 < len(blocks) else ()
    for j in (*first, *range(start - 1, max(-1, start - 1 - _ADJACENT - 1), -1)):
        if is_headline_like(blocks[j].text, min_words=4) and _candidate(blocks[j].text):
            return j
    return None


def _headline_of_page(draft: Draft, hint: str | None) -> Draft:
    """HTML: the markup named the headline; a copy of it opening the content goes. When the
    markup's headline still carries a site name, the page's own heading is the cleaner
    version of it (markup evidence all the same)."""
    if not hint:
        return draft
    head = draft.blocks[:_HTML_WINDOW]
    matches = [(j, b.text, relation) for j, b in enumerate(head)
               if (relation := title_relation(hint, b.text)) and is_headline_like(b.text)]
    if not matches:
        return draft
    h, text, relation = matches[-1]
    drops = [(b, "before-headline", "above the headline in the main content") for b in draft.blocks[:h]]
    drops.append((draft.blocks[h], "markup-headline", "the headline named by the page's markup"))
    draft = draft.remove("headline", drops).with_header(draft.blocks[:h])
    if relation in ("site-suffix", "site-prefix", "glued-prefix"):
        return draft.found("headline", text, f"the markup's headline as printed, {text_line(head[h])}", "markup")
    return draft


@dataclass(frozen=True)
class _Search:
    """What the strategies look at: the blocks, where the running text is (``start``, ``end``,
    ``middle``), the page title (the dump's first line) and the title without its site name
    (``clean``, None when the first line is no title), the titles to match, and the
    lines earlier steps took out (``removed``)."""

    blocks: tuple[Block, ...]
    start: int
    end: int
    middle: int
    first: str
    clean: str | None
    titles: tuple[tuple[str, str | None], ...]
    removed: tuple[str, ...] = ()

    @property
    def shown(self) -> bool:
        """The clean title is printed on the page again (also where an earlier step took it out)."""
        key = fold(self.clean) if self.clean else None
        return bool(key) and any(fold(t) == key for t in [b.text for b in self.blocks[1:]] + list(self.removed))


Choice = tuple[int, str]  # (index of the headline line, the headline)


def _by_title_match(s: _Search) -> Choice | None:
    """The line that is the page title; but when the article's own header follows it (a
    kicker, then a headline with the byline or date under it), the title was a copy for
    search engines (the last item of a breadcrumb trail) and that headline is the one shown."""
    matches = _title_matches(s.blocks, max(s.end, s.start + 1), list(s.titles))
    if not matches:
        return None
    h, headline = _closest(matches, s.start)
    shown = _shown_below(s, h)
    return (shown, s.blocks[shown].text) if shown is not None else (h, headline)


def _shown_below(s: _Search, h: int) -> int | None:
    """A headline a few lines below line ``h``, before the running text, with only short
    lines (a kicker, a section label; no byline or date: line ``h`` has no header of its
    own) between and a byline, date or time under it; else None."""
    blocks = s.blocks
    for k in range(h + 2, min(h + 2 + _SHOWN_BELOW, s.start + _ADJACENT, len(blocks))):
        between = [b.text for b in blocks[h + 1:k]]
        if any(word_count(t) > _KICKER_WORDS or looks_like_byline(t) or contains_date(t) for t in between):
            return None
        text = blocks[k].text
        if (_candidate(text) and is_headline_like(text, min_words=4) and _has_byline_under(blocks, k, True)
                and title_similarity(text, s.clean or s.first) > 0 and fold(blocks[h].text) not in fold(text)):
            return k  # it speaks of what the title speaks of, and is no copy of it with a label
    return None


def _by_similarity(s: _Search) -> Choice | None:
    """The line most like the page title near the start of the running text, unless a line
    above the middle of the article is much more alike."""
    if not s.clean or s.start == 0:  # no title, or the page opens with running text
        return None
    near = range(max(1, s.start - _LOOK_BACK), min(len(s.blocks), s.start + _ADJACENT))
    site = fold(s.first[len(s.clean):]) if s.first.startswith(s.clean) else ""
    found, sim = _similar_headline(s.blocks, near, s.first, min_share=_MIN_SIMILARITY, site=site)
    far, _ = _similar_headline(s.blocks, range(1, s.middle), s.first, min_share=_MIN_SIMILARITY,
                               min_sim=max(_WIDE_SIMILARITY, sim + _FAR_MARGIN), site=site)
    found = far if far is not None else found
    return (found, s.blocks[found].text) if found is not None else None


def _by_weak_similarity(s: _Search) -> Choice | None:
    """Near the start of the running text, a short line with a few of the clean title's words
    and some text under it (the last line of a page heads nothing: a lone line after the
    title is the text, however short)."""
    if not s.clean or s.start == 0:
        return None
    near = range(max(1, s.start - _LOOK_BACK), min(len(s.blocks) - 1, s.start + _WEAK_AFTER, s.middle))
    found, _ = _similar_headline(s.blocks, near, s.clean, min_share=_SOME_SIMILARITY, weak=True)
    return (found, s.blocks[found].text) if found is not None else None


def _by_nearness(s: _Search) -> Choice | None:
    """Without a page title, the last headline-like line right before the running text."""
    found = _nearest_headline(s.blocks, s.start) if s.clean is None else None
    return (found, s.blocks[found].text) if found is not None else None


def _by_byline_under(s: _Search) -> Choice | None:
    """The last such line before the running text, else the first above the middle of the
    article (teasers in a menu may have been taken for the start of the running text)."""
    before = range(1, min(len(s.blocks), s.start + _ADJACENT))
    found = _above_byline(s.blocks, before, s.clean)[-1:] or _above_byline(
        s.blocks, range(before.stop, s.middle), s.clean)[:1]
    return (found[0], s.blocks[found[0]].text) if found else None


def _by_header_unlike_title(s: _Search) -> Choice | None:
    """The article's own header right before the running text, a headline of some words
    with a byline or date under it, though it says something else than the page title (a
    title written for search engines); of a headline and a deck under it, the headline."""
    blocks = s.blocks
    found = [j for j in range(1, min(len(blocks), s.start + _ADJACENT)) if _header_line(blocks, j)]
    if not found or s.shown:  # a title printed on the page is no title for search engines only
        return None
    j = found[-1]
    j = j - 1 if j > 1 and _header_line(blocks, j - 1) else j
    return (j, blocks[j].text) if _speaks_of_text(blocks, j) else None


def _speaks_of_text(blocks: tuple[Block, ...], j: int) -> bool:
    """Some of line ``j``'s words stand in the article's text under it: a headline speaks of
    what its article says ("Share this story on Facebook" does not)."""
    words = content_words(blocks[j].text)
    text = set().union(*(content_words(b.text) for b in blocks[j + 1: j + 1 + _TEXT_LOOK]))
    return bool(words) and len(words & text) >= _SOME_SIMILARITY * len(words)


def _header_line(blocks: tuple[Block, ...], j: int) -> bool:
    """A line that may open the article's header: a headline of some words with a byline or
    date under it (a deck may stand between)."""
    text = blocks[j].text
    return _candidate(text) and word_count(text) >= _HEADER_WORDS and _has_byline_under(blocks, j, True)


def _by_page_title(s: _Search) -> Choice | None:
    return (0, s.clean) if s.clean else None


#: the text path's strategies, tried in this order (the module docstring says what each does)
STRATEGIES = (("title-match", _by_title_match), ("similar-to-title", _by_similarity),
              ("weakly-similar", _by_weak_similarity), ("nearest-headline", _by_nearness),
              ("above-byline", _by_byline_under), ("header", _by_header_unlike_title),
              ("page-title", _by_page_title))


def _search(draft: Draft) -> _Search:
    blocks = draft.blocks
    scores = [block_score(b.text) for b in blocks]
    start, end = best_region(scores)
    first = blocks[0].text
    # the page around the article's text, lines earlier steps took out too (a copyright line
    # names the site; a sub-heading of the article does not)
    page = "\n".join([b.text for b in blocks[:start] + blocks[end:]] + [r.text for r in draft.removed])
    # the page title without the site name (a long tagline after the name may go too)
    clean = site_suffix_removed(first, page) if word_count(first) <= _TITLE_WORDS else None
    clean = clean if clean and titled(clean) else None
    return _Search(blocks, start, end, _middle_of_text(scores, start, end), first, clean, (),
                   tuple(r.text for r in draft.removed))


def find_headline(draft: Draft, ctx: Context) -> Draft:
    """Take the headline out of the blocks; the blocks before it become the header."""
    hint = ctx.page.said("headline")
    if not draft.blocks:
        return draft
    if ctx.html:
        return _headline_of_page(draft, hint)
    s = _search(draft)
    # the whole page title printed again (site name and all) stands for the clean title
    titles = ((hint, None), (s.clean, None), (s.first, s.clean if s.clean != s.first else None))
    s = dataclasses.replace(s, titles=tuple((t, c) for t, c in titles if t))
    # with a headline named by the markup (a caller's hint), only a line that is it counts
    for rule, strategy in STRATEGIES[:1] if hint else STRATEGIES:
        choice = strategy(s)
        if choice is not None:
            return _take(draft, s, choice[0], _kicker_added(s, *choice), rule)
    return draft


def _kicker_added(s: _Search, h: int, headline: str) -> str:
    """The headline with the kicker printed on the line above it, as the page title joins
    them ("Kenya" over "Nairobi from below", titled "Kenya: Nairobi from below"), when the
    article's header follows (a byline or date under the headline: a blog's name above a
    post's title is no kicker)."""
    split = headline[:1] in _SEPARATORS  # ": Stadt der Superlative": the kicker is the line above
    above = s.blocks[h - 1].text if h > 1 and (split or _has_byline_under(s.blocks, h, True)) else ""
    joined = with_kicker(above, headline.lstrip(_SEPARATORS + " "), s.first) if above else None
    return joined or headline


def _take(draft: Draft, s: _Search, h: int, headline: str, rule: str) -> Draft:
    """The headline found at line ``h``: what stands above it is furniture (unless it stands
    past the middle of the running text: then it is a repeat), copies of it go too."""
    blocks = s.blocks
    headline = _TRAILING_SYMBOLS.sub("", headline)
    where = f"{rule}, {text_line(blocks[h])}"
    if s.middle <= h < s.end:  # past the middle of the running text: no article begins there
        # the title printed again at the foot of the article (a "share" box, a footer):
        # the headline all the same, but the running text above it stays
        drops = [(blocks[h], rule, "the headline, printed again below the article text")]
        drops += _repeats_of(headline, blocks[:h] + blocks[h + 1:])
        return draft.remove("headline", drops).found("headline", headline, where)
    drops = [(b, "before-headline", "site furniture above the headline") for b in blocks[:h]]
    drops.append((blocks[h], rule, "taken as the headline"))
    drops += _repeats_of(headline, blocks[h + 1:])
    draft = draft.remove("headline", drops).with_header(blocks[:h]).found("headline", headline, where)
    return draft.found("published", _glued_date(blocks[h].text, headline),
                       f"the date after the headline, {text_line(blocks[h])}")


def _glued_date(line: str, headline: str) -> str | None:
    """The full date (ISO) printed after the headline on its line, the page's date.

    >>> _glued_date("Advent of Code, week 2 20 December 2025", "Advent of Code, week 2")
    '2025-12-20'
    >>> _glued_date("Porting a parser / Dec 2025", "Porting a parser") is None
    True
    """
    rest = line[len(headline):] if line.startswith(headline) else ""
    date = find_date(rest) if rest and DATE_AFTER.fullmatch(rest) else None
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
