"""Dates in short text, read with the words of a language: the one user of the date vocabulary.

Month and weekday names, the labels of publication and update dates, the words around a time
of day and the order of numeric dates come from ``cleaner/vocabulary/dates.yaml`` as ``Words``
(the document's language and English); the patterns built from them are compiled once per
``Words`` (kept in ``Words.compiled``). Callers that know no language get every language of
the vocabulary (``every_language()``).

A date is read into a ``Stamp``: the calendar date, the time and the UTC offset when the text
gives them (a zone abbreviation gives the offset only when it has one meaning: "CET", "EST",
not "CST" or "IST"), and whether a label calls it the publication or the update date. Relative
dates ("vor 3 Stunden", "2 hours ago") are no dates: they need a reference date.

>>> find_date("Published: September 4, 2025 5:50 am")
'2025-09-04'
>>> find_date("July 2, 2007"), find_date("March 3"), find_date("no date here")
('2007-07-02', '--03-03', None)
>>> date_line("Fri 22 Dec 2023 15.30 CET").iso
'2023-12-22T15:30+01:00'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as calendar_date
from functools import cache
from types import MappingProxyType

import yaml

from ..textutil import word_count
from ..vocabulary import BASE, FOLDER, Vocabularies, Words

#: zone abbreviations with one meaning, and their offset in minutes east of UTC; the others
#: that news pages print ("CST": China or Central US, "IST": India, Ireland or Israel, "ET":
#: summer or winter) are read as part of a time but give no offset
ZONES = MappingProxyType({
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "BST": 60, "CET": 60, "CEST": 120, "MEZ": 60,
    "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "TRT": 180, "SAST": 120, "CAT": 120, "EAT": 180,
    "WAT": 60, "PKT": 300, "WIB": 420, "WITA": 480, "WIT": 540, "MYT": 480, "SGT": 480, "HKT": 480,
    "PHT": 480, "JST": 540, "KST": 540, "AWST": 480, "ACST": 570, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
})
_AMBIGUOUS_ZONES = ("CST", "IST", "AST", "ET", "CT", "MT", "PT")

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
#: "22nd", "1er", "1º", "05." after a day
_ORDINAL = r"(?:st|nd|rd|th|er|º|°|\.)?"
#: a short lower-case word between the parts of a date: "5 de mayo de 2025", "the 5th of May"
_GLUE = r"(?:(?-i:(?![ap]m\s)[a-zà-ÿ]{1,3})\s+)?"
#: where a word may start: after no letter, or glued to a lower-case letter ("GermanDec 22")
_WORD_START = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])))"
_WORD_END = r"(?![^\W\d_])"
_NOT_AFTER_NUMBER = r"(?<![\d:])(?<!\d[./-])"
#: a day may also follow a year glued to it: the same date printed twice ("30.01.202430. Januar 2024")
_DAY_START = rf"(?:{_NOT_AFTER_NUMBER}|(?<=(?<!\d)(?:19|20)\d\d))"
_NOT_BEFORE_NUMBER = r"(?!\d)(?![./-]\d)"
#: where a year ends: no digit follows, unless a time glued to it ("April 25, 20232:26 PM")
_YEAR_END = r"(?!\d(?!\d?:[0-5]\d))"
_ISO_MONTH = r"1[0-2]|0[1-9]"
_ISO_DAY = r"3[01]|[12]\d|0[1-9]"
#: a year, or its last two digits when a time follows ("15.10.24 23:35") or nothing does ("25.4.24")
_YEAR_OR_SHORT = _YEAR + r"|\d\d(?=[\s,;|·•/–—-]{1,3}(?:[^\W\d]{1,5}\.?\s*)?\d{1,2}[:.h]\d\d|\s*$)"
_TIME = (r"(?P<hour>2[0-3]|[01]?\d)\s?(?::|\.|\s?h\s?|時\s?|시\s?)(?P<minute>[0-5]\d)"
         r"(?:[:.](?P<second>[0-5]\d)(?:[.,]\d+)?)?(?:\s?[分분])?(?!\d)"
         r"(?:\s?(?P<half>[ap])\.?\s?m\.?(?![^\W\d_]))?")
_OFFSET = r"[+−-]\s?(?:[01]?\d)(?::?[0-5]\d)?"
_SEPARATORS = r"[\s,;|·•/–—-]"
#: a date line's other words: how many in all, how many in lower case (see ``date_line``)
_MAX_LINE = 300
_MAX_LABEL = 40
_MAX_OTHER_WORDS = 30
_MAX_LOWER = 4
_MAX_LOWER_STRICT = 2
_MAX_LOWER_IN_SENTENCE = 2
#: a metadata date's length, a date line's (``looks_like_date_line``) and what may follow its date
_MAX_MACHINE = 60
_MAX_DATE_LINE_WORDS = 12
#: how far before a date its time ("17:41 JST, October 13, 2024") or its label may stand
_REACH = 40
#: what every date with a year has: the year, or a short one after a day and a month ("25.4.24")
_YEARISH = re.compile(r"(?:1[89]|20)\d\d|\d[./]\d\d?[./]\d\d")
_TAIL = re.compile(r"\s*(?:[|·•,-]\s*.{0,40})?")


@dataclass(frozen=True)
class Stamp:
    """A date read in a text: where (``start``, ``end``, the time and zone included), the day
    (``year`` None when the text gives none), the time and UTC offset (minutes) when given, and
    ``label``: "published", "updated" or None."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    time: tuple[int, int, int | None] | None = None
    offset: int | None = None
    label: str | None = None

    @property
    def day_iso(self) -> str:
        """``YYYY-MM-DD``, or ``--MM-DD`` without a year.

        >>> Stamp(0, 5, None, 3, 3).day_iso
        '--03-03'
        """
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def iso(self) -> str:
        """ISO 8601: the day, then the time and the offset when they are known.

        >>> Stamp(0, 9, 2023, 12, 22, (10, 59, None), -300).iso, Stamp(0, 9, 2024, 1, 2, (8, 0, 5), 0).iso
        ('2023-12-22T10:59-05:00', '2024-01-02T08:00:05+00:00')
        """
        if self.time is None or self.year is None:
            return self.day_iso
        hour, minute, second = self.time
        text = f"{self.day_iso}T{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
        if self.offset is None:
            return text
        sign, minutes = ("-" if self.offset < 0 else "+"), abs(self.offset)
        return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class _Patterns:
    """What is compiled from one ``Words`` (kept in ``Words.compiled``)."""

    #: any date, no named groups (to be built into other patterns: ``DATE_PATTERN``)
    source: str
    month_year: str
    date: re.Pattern
    any_date: re.Pattern
    time_after: re.Pattern
    time_before: re.Pattern
    label: re.Pattern
    filler: re.Pattern
    months: dict


def _alternatives(items) -> str:
    """One regex that matches any of the literal words, the longest first, a space as any white
    space; written as a trie (shared beginnings once), which Python's regex engine tries much
    faster than a long list of alternatives.

    >>> print(_alternatives(["mar", "march", "mai", "a.m."]))
    (?:a\\.m\\.|ma(?:i|r(?:ch)?))
    """
    trie: dict = {}
    for item in set(items):
        if item:
            node = trie
            for char in item:
                node = node.setdefault(char, {})
            node[""] = {}
    return f"(?:{'|'.join(_branches(trie))})" if trie else "(?!)"


def _branches(node: dict) -> list[str]:
    """The regex of each branch of a trie node."""
    return [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
            for char, child in sorted(node.items()) if char]


def _trie_pattern(node: dict) -> str:
    """The regex of one trie node: its branches, optional when a word ends there."""
    branches = _branches(node)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"{body}?" if len(branches) > 1 or len(body) == 1 else f"(?:{body})?"


def _date_source(months: str, named: bool) -> str:
    """The pattern of a date (month names from ``months``), with named groups or without.

    The forms: month day year ("Dec 22, 2023"), day month year ("22. Dezember 2023", "5 de mayo
    de 2025"), ISO ("2023-12-22"), numbers with the year last ("22.12.2023", "12/22/2023",
    "15.10.24" when a time follows) or first ("2023/12/22", "2023. 12. 22."), and the
    year-month-day of Chinese, Japanese and Korean ("2023年12月22日", "2023년 12월 22일").
    """
    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    forms = (
        rf"{_WORD_START}{g('m1', months)}\.?\s*{g('d1', _DAY)}(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?\s*{g('y1', _YEAR)}{_YEAR_END})?",
        rf"{_DAY_START}{g('d2', _DAY)}{_ORDINAL}\s*{_GLUE}{_WORD_START}{g('m2', months)}\.?{_WORD_END}"
        rf"(?:,?\s*{_GLUE}{g('y2', _YEAR)}{_YEAR_END})?",
        rf"{_NOT_AFTER_NUMBER}{g('y3', _YEAR)}-{g('m3', _ISO_MONTH)}-{g('d3', _ISO_DAY)}(?!\d)",
        rf"{_NOT_AFTER_NUMBER}{g('a4', _DAY)}(?:[/-]|\.\s?){g('b4', _DAY)}(?:[/-]|\.\s?){g('y4', _YEAR_OR_SHORT)}{_NOT_BEFORE_NUMBER}",
        rf"{_NOT_AFTER_NUMBER}{g('y5', _YEAR)}(?:/|\.\s?){g('m5', _MONTH_NUMBER)}(?:/|\.\s?){g('d5', _DAY)}\.?(?!\d)",
        rf"{g('y6', _YEAR)}\s?[年년]\s?{g('m6', _MONTH_NUMBER)}\s?[月월]\s?{g('d6', _DAY)}\s?[日일]?",
    )
    # the first character decides between the month-first form and the others: a cheap test
    # at every position of a line instead of each form's lookbehinds
    return rf"(?:(?=[^\W\d_])(?:{forms[0]})|(?=\d)(?:" + "|".join(f"(?:{form})" for form in forms[1:]) + "))"


def _compile(words: Words) -> _Patterns:
    months = "(?i:" + _alternatives(m.rstrip(".") for m in words.months) + ")"
    source = _date_source(months, named=False)
    weekdays = _alternatives(words.weekdays)
    time_words = _alternatives(words.time)
    labels = _alternatives([*words.published, *words.updated])
    # a zone may be glued to the next word ("7:55 AM UTCUpdated"), not to a lower-case letter
    zone = rf"(?-i:(?P<zone>{_alternatives([*ZONES, *_AMBIGUOUS_ZONES])})(?![a-zà-ÿ]))"
    after_time = (rf"(?:\s?{time_words}{_WORD_END}\.?)?(?:\s*\(?{zone}\)?)?"
                  rf"(?:\s?(?P<offset>{_OFFSET})(?!\d))?")
    glue = rf"(?:{_SEPARATORS}*(?:(?:{time_words}|{weekdays}){_WORD_END}\.?{_SEPARATORS}*){{0,2}})"
    return _Patterns(
        source=source,
        month_year=rf"{_WORD_START}{months}\.?\s+{_YEAR}(?!\d)",
        date=re.compile(_date_source(months, named=True), re.IGNORECASE),
        any_date=re.compile(source, re.IGNORECASE),
        time_after=re.compile(rf"(?:T|{glue}){_TIME}{after_time}", re.IGNORECASE),
        time_before=re.compile(rf"(?=\d)(?<![\d:.]){_TIME}{after_time}[\s,|·•–—-]*(?:(?:{weekdays}|on){_WORD_END}\.?,?\s*)?$",
                               re.IGNORECASE),
        label=re.compile(rf"(?=[^\W\d_]){_WORD_START}(?:(?P<published>{_alternatives(words.published)})"
                         rf"|(?P<updated>{_alternatives(words.updated)})){_WORD_END}", re.IGNORECASE),
        filler=re.compile(rf"(?=[^\W\d_]){_WORD_START}(?:{labels}|{weekdays}){_WORD_END}\.?",
                          re.IGNORECASE),
        months={m.rstrip(".").casefold(): n for m, n in words.months.items()},
    )


def patterns(words: Words) -> _Patterns:
    """The patterns of ``words``, compiled once per ``Words`` (a frozen value)."""
    found = words.compiled.get("dates")
    if found is None:
        found = words.compiled["dates"] = _compile(words)
    return found


@cache
def _vocabularies() -> Vocabularies:
    """The date vocabulary, read once (it never changes in a run) and cheaply: ``DATE_PATTERN``
    is built from it when this module is imported, so only ``dates.yaml`` is read, with the C
    parser when there is one. It is validated when a ``Cleaner`` is built (a broken file is a
    ``RulePackError`` then); a file that cannot be read here gives no words."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        dates = yaml.load((FOLDER / "dates.yaml").read_text(encoding="utf-8"), Loader=loader)["dates"]
    except (OSError, yaml.YAMLError, TypeError, KeyError):
        dates = {}
    return Vocabularies(dates if isinstance(dates, dict) else {}, {}, [])


@cache
def every_language() -> Words:
    """The words of every language of the date vocabulary, for callers that know no document
    language; numeric dates are read as English writes them (month first), but for dotted ones
    (see ``_month_day``)."""
    vocabularies = _vocabularies()
    return vocabularies.words((BASE, *sorted(vocabularies.dates)))


def words_of(language: str | None) -> Words:
    """The words of one language (and English), for callers outside the pipeline (the HTML
    reader, with ``<html lang>``); every language's when it is not known.

    >>> words_of("de").order, words_of(None) is every_language()
    ('DMY', True)
    """
    return _vocabularies().words((language,)) if language else every_language()


def _words(words: Words | None) -> Words:
    return words if words is not None else every_language()


#: any date of any language of the vocabulary (no named groups: to be built into other patterns)
DATE_PATTERN = patterns(every_language()).source
#: a month and a year without a day ("Dec 2025"): the date of a monthly post, an archive label
MONTH_YEAR_PATTERN = patterns(every_language()).month_year


# --- reading dates --------------------------------------------------------------------------

def _day(found: re.Match, months: dict, order: str) -> tuple[int | None, int, int] | None:
    """(year, month, day) of a date match, or None when it is no calendar date."""
    parts = found.groupdict()
    if parts["m1"] or parts["m2"]:
        name = (parts["m1"] or parts["m2"]).casefold()
        month, day, year = months.get(name), parts["d1"] or parts["d2"], parts["y1"] or parts["y2"]
        if month is None:
            return None
    elif parts["y3"]:
        year, month, day = parts["y3"], parts["m3"], parts["d3"]
    elif parts["a4"] and len(parts["y4"]) == 2:  # "15.10.24": day, month, short year, with dots
        if "." not in found.group(0) or int(parts["b4"]) > 12:
            return None
        year, month, day = str(2000 + int(parts["y4"])), parts["b4"], parts["a4"]
    elif parts["a4"]:
        dotted = "." in found.group(0)
        year, (month, day) = parts["y4"], _month_day(int(parts["a4"]), int(parts["b4"]), "DMY" if dotted else order)
    elif parts["y5"]:
        year, month, day = parts["y5"], parts["m5"], parts["d5"]
    else:
        year, month, day = parts["y6"], parts["m6"], parts["d6"]
    year, month, day = (int(year) if year else None), int(month), int(day)
    try:
        calendar_date(year or 2000, month, day)  # 2000: a leap year, "Feb 29" stays
    except ValueError:
        return None
    return year, month, day


def _month_day(a: int, b: int, order: str) -> tuple[int, int]:
    """(month, day) of a numeric date's first two numbers: a number over 12 is the day,
    else the language's order says (a dotted date is always day first: "06.01.2026").

    >>> _month_day(28, 4, "MDY"), _month_day(4, 28, "DMY"), _month_day(6, 1, "DMY"), _month_day(6, 1, "MDY")
    ((4, 28), (4, 28), (1, 6), (6, 1))
    """
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    return (a, b) if order == "MDY" else (b, a)


def _time(found: re.Match | None) -> tuple[tuple[int, int, int | None] | None, int | None]:
    """The time of day and the UTC offset (minutes) of a time match."""
    if found is None:
        return None, None
    hour, minute = int(found["hour"]), int(found["minute"])
    second = int(found["second"]) if found["second"] else None
    half = (found["half"] or "").lower()
    if half and 1 <= hour <= 12:
        hour = hour % 12 + (12 if half == "p" else 0)
    zone, shift = found["zone"], found["offset"]
    offset = ZONES.get(zone) if zone else None
    # "GMT+1", "UTC+02:00", "+0100": an offset beside UTC or alone in full; not "CET -1"
    if shift and (zone in ("UTC", "GMT") or not zone and len(re.sub(r"\D", "", shift)) == 4):
        offset = (offset or 0) + _offset_minutes(shift)
    return (hour, minute, second), offset


def _offset_minutes(text: str) -> int:
    """Minutes of an offset: "+1", "+01:00", "-0500", "−3".

    >>> _offset_minutes("+1"), _offset_minutes("-0500"), _offset_minutes("+05:30")
    (60, -300, 330)
    """
    sign = -1 if text[0] in "-−" else 1
    digits = re.sub(r"\D", "", text)
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return sign * (int(hours) * 60 + int(minutes))


def _label(before: str, pats: _Patterns) -> str | None:
    """"published" or "updated" when the text before a date ends with such a label (weekdays,
    punctuation and one other word, "le", "on", may stand between)."""
    found = None
    for found in pats.label.finditer(before):
        pass
    if found is None:
        return None
    between = before[found.end():]
    if len(pats.filler.sub(" ", between).split()) > 1 or re.search(r"\d", between):
        return None
    return "published" if found["published"] else "updated"


def read_dates(text: str, words: Words | None = None) -> tuple[Stamp, ...]:
    """Every date of a short text, with its time, offset and label.

    >>> [s.iso for s in read_dates("Aktualizacja: 02.02.2025 23:49 Publikacja: 02.02.2025 21:52",
    ...                             Vocabularies.load().words(("pl",)))]
    ['2025-02-02T23:49', '2025-02-02T21:52']
    >>> read_dates("Published 3:14 PM GMT, April 5, 2024")[0].label
    'published'
    """
    words = _words(words)
    pats = patterns(words)
    stamps: list[Stamp] = []
    done = 0
    for found in pats.date.finditer(text):
        if found.start() < done:
            continue
        day = _day(found, pats.months, words.order)
        if day is None:
            continue
        start, end = found.start(), found.end()
        after = pats.time_after.match(text, end)
        before = None if after else pats.time_before.search(text, max(done, start - _REACH), start)
        time, offset = _time(after or before)
        if after:
            end = after.end()
        elif before:
            start = before.start()
        stamps.append(Stamp(start, end, *day, time, offset, _label(text[max(done, start - _REACH):start], pats)))
        done = end
    return tuple(stamps)


def date_line(text: str, words: Words | None = None, strict: bool = False) -> Stamp | None:
    """The date a line gives when it is a date line: its dates (with their labels, weekdays
    and times) and only the words of a byline, a section or a reading time around them, not
    a sentence or a photo caption. The published date first, then the first with a year,
    then an updated one.

    Other words than the dates' are counted in lower case (names, sections and categories
    are capitalised, sentences and captions are not): at most four, two when ``strict``
    (where captions stand), and no sentence end after three; a line that opens with a
    publication label and its date ("Posted on May 2, 2024 by ...") is a date line anyway.

    >>> date_line("by Lana Vrzic December 18, 2023").iso, date_line("Courtney CarrPublished: December 20, 2023").iso
    ('2023-12-18', '2023-12-20')
    >>> date_line("by Daniel Gibson | Mar 11, 2023 | All About Brakes, Learn About Brakes | 0 comments").iso
    '2023-03-11'
    >>> date_line("On December 18, 2023 the council voted to close the old bridge for repairs.") is None
    True
    >>> date_line("Troops near the front line in Bakhmut, April 24, 2023", strict=True) is None
    True
    """
    if len(text) > _MAX_LINE or not _YEARISH.search(text):
        return None
    stamps = [s for s in read_dates(text, words) if s.year is not None]
    if not stamps:
        return None
    pats = patterns(_words(words))
    before, others = _other_words(text, stamps, pats)
    lower = sum(1 for w in others if w[0].islower())
    opens_labelled = stamps[0].label == "published" and not before
    sentence = text.rstrip()[-1:] in ".!?。" and lower > _MAX_LOWER_IN_SENTENCE
    limit = _MAX_LOWER_STRICT if strict else _MAX_LOWER
    if not opens_labelled and (sentence or lower > limit or len(others) > _MAX_OTHER_WORDS):
        return None
    return min(stamps, key=lambda s: {"published": 0, None: 1, "updated": 2}[s.label])


def label_line(text: str, words: Words | None = None) -> str | None:
    """"published" or "updated" for a line that is only such a label (its date on the next
    line), else None.

    >>> label_line("Posted on"), label_line("Last updated:"), label_line("Published by Ann")
    ('published', 'updated', None)
    """
    if len(text) > _MAX_LABEL:
        return None
    found = patterns(_words(words)).label.match(text.strip())
    if found is None or text.strip()[found.end():].strip(" :：-–—|•·") != "":
        return None
    return "published" if found["published"] else "updated"


def _other_words(text: str, stamps: list[Stamp], pats: _Patterns) -> tuple[list[str], list[str]]:
    """The words of a line besides its dates, labels, weekdays and time words (numbers do not
    count): those before the first date, and all of them."""
    parts, last = [], 0
    for stamp in stamps:
        parts.append(text[last:stamp.start])
        last = stamp.end
    parts.append(text[last:])
    found = [_words_in(part, pats) for part in parts]
    return found[0], [w for part in found for w in part]


def _words_in(text: str, pats: _Patterns) -> list[str]:
    """The words of a text that are no label or weekday (numbers do not count)."""
    return re.findall(r"[^\W\d_]+", pats.filler.sub(" ", text))


def machine_date(text: str) -> str | None:
    """A date as a page's metadata writes it (ISO 8601, RFC 822, or as printed), in ISO 8601:
    the time and the offset kept when given, fractions of a second dropped.

    >>> machine_date("2024-05-03T15:47:42.389Z"), machine_date("2025-06-05 12:36:40+02:00")
    ('2024-05-03T15:47:42+00:00', '2025-06-05T12:36:40+02:00')
    >>> machine_date("2024-03-12"), machine_date("Tue, 12 Mar 2024 08:00:00 GMT"), machine_date("soon")
    ('2024-03-12', '2024-03-12T08:00:00+00:00', None)
    """
    stamps = read_dates(text.strip()[:_MAX_MACHINE]) if text else ()
    return stamps[0].iso if stamps and stamps[0].year else None


# --- the older, simpler questions -------------------------------------------------------------

def normalise_date(text: str, words: Words | None = None) -> str | None:
    """One date expression to ISO: ``YYYY-MM-DD``, or ``--MM-DD`` when the year is missing.

    >>> normalise_date("2 July 2007"), normalise_date("Jan. 5"), normalise_date("2024-03-12T10:00:00Z")
    ('2007-07-02', '--01-05', '2024-03-12')
    >>> normalise_date("14 avril 2025"), normalise_date("3. März 2024"), normalise_date("5 de mayo")
    ('2025-04-14', '2024-03-03', '--05-05')
    """
    return find_date(text, words)


def find_date(text: str, words: Words | None = None) -> str | None:
    """The first date expression in a text, as its day (see ``normalise_date``)."""
    stamps = read_dates(text, words)
    return stamps[0].day_iso if stamps else None


def contains_date(text: str, max_words: int = 14, words: Words | None = None) -> bool:
    """A short line with a calendar date in it (a dateline, "Updated ...", a date stamp).

    >>> contains_date("Dec 18 2025 Preparing a transition"), contains_date("Fitness Trends 2025")
    (True, False)
    """
    # every date has a digit: the cheap test first, the long pattern only where it can match
    return (word_count(text) <= max_words and re.search(r"\d", text) is not None
            and patterns(_words(words)).any_date.search(text) is not None)


def looks_like_date_line(text: str, words: Words | None = None) -> bool:
    """A line that is only a date (perhaps with a label, a weekday and a time, and a short
    tail after a separator: "September 4, 2025 | News").

    >>> looks_like_date_line("September 4, 2025"), looks_like_date_line("Published: 12 March 2024 10:32")
    (True, True)
    >>> looks_like_date_line("In 2007 al Qaeda militants killed 3,870 civilians.")
    False
    """
    text = text.strip()
    if word_count(text) > _MAX_DATE_LINE_WORDS or not re.search(r"\d", text):
        return False
    stamps = read_dates(text, words)
    if not stamps:
        return False
    head, tail = text[:stamps[0].start], text[stamps[0].end:]
    return not _words_in(head, patterns(_words(words))) and bool(_TAIL.fullmatch(tail))
