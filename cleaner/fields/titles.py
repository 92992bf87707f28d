"""Page titles and headlines as strings: site names, separators, likeness.

Helpers for the headline step (``cleaner/steps/headline.py``) and the HTML markup reader
(``cleaner/readers/html_meta.py``): what a headline-like line is, a page title without its
site name, how a line relates to the title, how alike two titles are.
"""
from __future__ import annotations

import re

from ..blocks import squash
from ..textutil import ends_with_ellipsis, fold, word_count
from .dates import DATE_PATTERN, MONTH_YEAR_PATTERN, contains_date, looks_like_date_line
from .names import looks_like_byline

_PIPE = re.compile(r"\s+[|｜]\s+")
_DASH = re.compile(r"\s+(?:[-–—:·•»]|::)\s+")
_ANY_SEPARATOR = re.compile(rf"{_PIPE.pattern}|{_DASH.pattern}")
_CRUMB = re.compile(r"\s*(?:»|›|>|/)\s+")
_SITE_NAME_WORDS = 5
_LABEL = re.compile(r"\w+:\s+")
DATE_AFTER = re.compile(rf"(?:\s+[/|｜·•–—-])?\s+({DATE_PATTERN}|{MONTH_YEAR_PATTERN})$", re.IGNORECASE)


def is_headline_like(text: str, min_words: int = 2) -> bool:
    """A line that could be a headline: a few words, no teaser ellipsis, no date or byline.

    >>> is_headline_like("US says Iran behind violence in Iraq"), is_headline_like("September 4, 2025")
    (True, False)
    """
    n = word_count(text)
    return (min_words <= n <= 30 and len(text) <= 300 and not ends_with_ellipsis(text)
            and not contains_date(text) and not looks_like_byline(text))


def titled(text: str, min_words: int = 2) -> bool:
    """A line that can be a page title: headline-like, or with a date in it that is more
    than a date line ("Best albums of November 2025").

    >>> titled("Best albums of November and December 2025"), titled("Updated: 12 March 2024")
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
    twice = site_name_twice(title)
    if twice:
        return twice[1]
    head, _, tail = _rsplit_dash(title)
    if tail and word_count(tail) <= _SITE_NAME_WORDS and word_count(head) >= 2:
        if re.search(r"\.\w{2,4}\b", tail) or _named_elsewhere(tail, page_text):
            return head
    return title


_PART = re.compile(rf"{_PIPE.pattern}|{_DASH.pattern}|(?<=\w):\s+")
_LABEL_WORDS = 3


def title_parts(title: str) -> list[str]:
    """The parts of a page title that separators set off (" | ", " - ", "Kicker: ").

    >>> title_parts("Lessons Learned: The lean startup | Blog")
    ['Lessons Learned', 'The lean startup', 'Blog']
    """
    return [part for part in (squash(p) for p in _PART.split(title)) if part]


def names_the_site(line: str, title: str, site_name: str = "") -> bool:
    """A short line (a few words) that is the site's name (``og:site_name``) or, in the page
    title, the part after the headline or the part before a colon ("Blog name: Headline"),
    beside a longer part: a blog's or section's name printed as the page's heading.

    >>> names_the_site("Yoga Pathways", "Yoga Won't Fix the Plumbing – Yoga Pathways")
    True
    >>> names_the_site("Lessons Learned", "Lessons Learned: The lean startup")
    True
    >>> names_the_site("Climate Change", "Climate Change | Farm Research Office")
    False
    """
    key = fold(line)
    if not key or word_count(line) > _SITE_NAME_WORDS:
        return False
    if site_name and key == fold(site_name):
        return True
    parts = title_parts(title)
    if len(parts) < 2 or max(map(word_count, parts)) <= word_count(line):
        return False
    prefix = title.startswith(parts[0] + ":") or title.startswith(parts[0] + " :")
    return fold(parts[-1]) == key or prefix and fold(parts[0]) == key


#: the parts of a host name that name no site ("www", "co" in "example.co.uk")
_HOST_PARTS = frozenset({"www", "com", "co", "org", "net", "ac", "gov", "edu"})


def _letters(text: str) -> str:
    return "".join(filter(str.isalnum, fold(text)))


def is_site_itself(name: str, host: str | None, site_name: str = "") -> bool:
    """A name that is the site's own, given where an author's should stand: the page's
    ``og:site_name``, or the name of its host ("Quaynotes.example" on quaynotes.example, "Harbour
    Reads" on harbourreads.example), letters and digits compared.

    >>> is_site_itself("Harbour Reads", "harbourreads.example"), is_site_itself("Daily Planet", "planet.example", "Daily Planet")
    (True, True)
    >>> is_site_itself("Ada Quill", "harbourreads.example"), is_site_itself("Planet", "dailyplanet.example")
    (False, False)
    """
    key = _letters(name)
    if not key:
        return False
    if site_name and key == _letters(site_name):
        return True
    if not host:
        return False
    labels = [label for label in host.split(".")[:-1] if label not in _HOST_PARTS]
    return key == _letters(host) or any(key == _letters(label) for label in labels)


def as_printed_in(heading: str, title: str) -> str:
    """The heading as the page's title (``og:title``, without its site name) prints it, when
    the title is the heading with a separator that the heading has not (a kicker and the
    headline run together in the heading, "Kicker: Headline" in the title) or with a kicker
    before a colon; else the heading (which has the title's words with other punctuation).

    >>> as_printed_in("Rückbau von AKW Kühltürme gesprengt", "Rückbau von AKW: Kühltürme gesprengt")
    'Rückbau von AKW: Kühltürme gesprengt'
    >>> as_printed_in("Musik bis Mitternacht", "Hafenfest: Musik bis Mitternacht")
    'Hafenfest: Musik bis Mitternacht'
    >>> as_printed_in("Musik bis Mitternacht", "Ein Hafenfest mit Musik bis Mitternacht")
    'Musik bis Mitternacht'
    >>> as_printed_in("Cloud innovations: what's next in 2025?", "Cloud innovations: what's next in 2025")
    "Cloud innovations: what's next in 2025?"
    >>> as_printed_in("Blog: Best social media agencies", "Best social media agencies")
    'Best social media agencies'
    >>> as_printed_in("Group classes vs. private lessons", "Group classes vs private lessons")
    'Group classes vs. private lessons'
    """
    if not title or not heading:
        return heading
    if fold(heading) == fold(title) and (_separators(title) > _separators(heading) or "".join(
            heading.split()) == "".join(title.split())):
        return title  # the kicker and the headline run together in the heading, or spaced apart
    kicker, colon, rest = title.partition(": ")
    if colon and word_count(kicker) <= _SITE_NAME_WORDS and fold(heading) == fold(rest):
        return title
    label = _LABEL.match(heading)
    if label and fold(heading[label.end():]) == fold(title):
        return title  # a one-word label before the heading ("Blog: ") that the title has not
    return heading


_SEPARATOR_MARKS = re.compile(rf"{_PART.pattern}|(?<=\w)[-–—]\s+")  # also "Japan- A guide"


def _separators(text: str) -> int:
    """How many separators (a colon after a word, a dash or pipe between spaces) a title has.

    >>> _separators("Tutoring is not. - Choosing a tutor: a guide"), _separators("Post-Brexit deal")
    (2, 0)
    >>> _separators("Your first trip to Japan- a guide")
    1
    """
    return len(_SEPARATOR_MARKS.findall(text))


_TAIL_WORDS = {"|": _SITE_NAME_WORDS, "｜": _SITE_NAME_WORDS}  # after a dash: 2
#: "(example.com)" after a link's title, and the count of its comments after that
_SOURCE_DOMAIN = re.compile(r"\s+\((?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}\)(?:\s+\d+)?$", re.IGNORECASE)
_DOMAIN_PREFIX = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}\s+[|｜–—:·•-]\s+", re.IGNORECASE)


def tail_label_removed(heading: str, titles: tuple[str, ...]) -> str:
    """A heading that prints the page's title (one of ``titles``, as the page gives them)
    with a label after a separator (a word or two after a dash: "– Nationwide",
    "- Infographic"; a few words after a pipe: "| Patient Education | UC Davis Health"),
    without it; and without a domain name before it ("example.com - ") or, in brackets, after
    it (the source of a link: "(example.com)").

    >>> tail_label_removed("Meditation rewires brains | Opinion", ("Meditation rewires brains | Opinion",))
    'Meditation rewires brains'
    >>> tail_label_removed("Transitioning to a plant-based diet – tips and tricks",
    ...                    ("Transitioning to a plant-based diet – tips and tricks | Blog",))
    'Transitioning to a plant-based diet – tips and tricks'
    >>> tail_label_removed("Absurd: – never again", ("Absurd: – never again",))
    'Absurd: – never again'
    >>> tail_label_removed("Grads find degrees no longer guarantee jobs (latimes.com) 87", ())
    'Grads find degrees no longer guarantee jobs'
    """
    heading = _SOURCE_DOMAIN.sub("", _DOMAIN_PREFIX.sub("", heading))
    while cuts := list(_ANY_SEPARATOR.finditer(heading)):
        head, tail, sign = heading[: cuts[-1].start()], heading[cuts[-1].end():], cuts[-1].group().strip()
        if word_count(tail) > _TAIL_WORDS.get(sign, 2) or word_count(head) < 2 or head.endswith(":") or not any(
                fold(heading) in fold(t) for t in titles if t):
            break  # after a colon a dash opens a quote ("Absurd: – never again")
        heading = head
    return heading


def with_kicker(kicker: str, headline: str, title: str) -> str | None:
    """The start of the page title that is ``kicker`` and ``headline`` (two lines of the page)
    with the title's separator between them, or None when the title does not start so.

    >>> with_kicker("Kenya", "Nairobi from below", "Kenya: Nairobi from below, Daily Planet, 18.05.2026")
    'Kenya: Nairobi from below'
    >>> with_kicker("Politics", "Nairobi from below", "Kenya: Nairobi from below") is None
    True
    """
    key = fold(f"{kicker} {headline}")
    if not key or word_count(kicker) > _SITE_NAME_WORDS or not fold(title).startswith(key):
        return None
    for end in range(len(kicker) + len(headline), len(title) + 1):
        if (end == len(title) or not title[end].isalnum()) and fold(title[:end]) == key:
            return squash(title[:end])
    return None


def is_label(text: str) -> bool:
    """A few words at most: a section's or widget's label rather than a headline.

    >>> is_label("Web Designs"), is_label("Ten towns shut by the storm")
    (True, False)
    """
    return word_count(text) <= _LABEL_WORDS


def site_name_twice(title: str) -> tuple[str, str] | None:
    """(the title with one copy, the title with none) when it ends with the same site name
    twice ("Rates rise – Daily Planet - Daily Planet": a CMS adding the name to a title that
    has it), else None.

    >>> site_name_twice("Rates rise – Daily Planet - Daily Planet")
    ('Rates rise – Daily Planet', 'Rates rise')
    >>> site_name_twice("Movers | Top 19 | Supermove") is None
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
    return relation_of(Folded(title), Folded(line))


_SEPARATOR_AFTER = re.compile(r"^\s*[|｜–—:·•»]|^\s+[/-]\s")  # not the hyphen in "2026-2030"
_SITE_SEPARATOR = re.compile(r"^\s+[|｜–—·•»-]\s")
_SEPARATOR_BEFORE = re.compile(r"(?:[|｜–—:·•»]|\s[/-])\s*$")  # not "Post-" of "Post-Brexit"


class Folded:
    """A line folded once for the many comparisons of the title search."""

    __slots__ = ("raw", "words", "folded")

    def __init__(self, text: str):
        self.raw = squash(text).casefold()
        self.words = word_count(text)
        self.folded = fold(text)


def relation_of(t: Folded, l: Folded) -> str | None:
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


def glued_junk(prefix: str) -> bool:
    """A prefix that is no part of a headline: a date, a breadcrumb, words glued on, a
    one-word section label that the page title does not have ("Blog: ").

    >>> glued_junk("Dec 18 2025 "), glued_junk("What’s the "), glued_junk("Blog: ")
    (True, False, True)
    """
    return bool(contains_date(prefix + " 2000") and re.search(r"\d", prefix)) or bool(
        _CRUMB.search(prefix)) or not prefix[-1:].isspace() or bool(_LABEL.fullmatch(prefix))


def date_suffix_removed(text: str, title: str) -> str:
    """The line without a date printed after it that the page title does not have (the
    page's date set beside its headline).

    >>> date_suffix_removed("Advent of Code, week 2 20 December 2025", "Blog: Advent of Code, week 2")
    'Advent of Code, week 2'
    >>> date_suffix_removed("Porting a parser / Dec 2025", "Porting a parser")
    'Porting a parser'
    >>> date_suffix_removed("The best typefaces for December 2025", "The best typefaces for December 2025")
    'The best typefaces for December 2025'
    """
    if not text[-1:].isdigit():
        return text
    found = DATE_AFTER.search(text)
    if not found or found.start() == 0 or found.group(1).casefold() in title.casefold():
        return text
    return text[: found.start()]


def title_similarity(line: str, title: str) -> float:
    """Share of the line's words (3+ letters) that the title has too.

    >>> title_similarity("Best GPS Running Watches of 2026", "GPS Watches | Gear Lab")
    0.4
    """
    words = content_words(line)
    if not words:
        return 0.0
    return len(words & content_words(title)) / len(words)


#: words too common to tell two titles apart (English; other languages have longer words)
_COMMON = frozenset("the and for with you your are was how what from that this its our not "
                    "but all can has have why who when will into out about".split())


def content_words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) >= 3 and w not in _COMMON}
