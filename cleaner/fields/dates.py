"""Find and normalise dates in short text, with python-dateutil doing the parsing.

>>> find_date("Published: September 4, 2025 5:50 am")
'2025-09-04'
>>> find_date("July 2, 2007"), find_date("March 3"), find_date("no date here")
('2007-07-02', '--03-03', None)
"""
from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as date_parser

from ..textutil import word_count

#: month names of the languages most news comes in, mapped to their English names for dateutil
FOREIGN_MONTHS = {
    # French
    "janvier": "January", "février": "February", "fevrier": "February", "mars": "March", "avril": "April",
    "mai": "May", "juin": "June", "juillet": "July", "août": "August", "aout": "August",
    "septembre": "September", "octobre": "October", "novembre": "November", "décembre": "December",
    # German
    "januar": "January", "jänner": "January", "februar": "February", "märz": "March", "juni": "June",
    "juli": "July", "oktober": "October", "dezember": "December",
    # Spanish
    "enero": "January", "febrero": "February", "marzo": "March", "abril": "April", "mayo": "May",
    "junio": "June", "julio": "July", "agosto": "August", "septiembre": "September",
    "setiembre": "September", "octubre": "October", "noviembre": "November", "diciembre": "December",
    # Italian
    "gennaio": "January", "febbraio": "February", "aprile": "April", "maggio": "May", "giugno": "June",
    "luglio": "July", "settembre": "September", "ottobre": "October", "dicembre": "December",
    # Portuguese
    "janeiro": "January", "fevereiro": "February", "março": "March", "maio": "May", "junho": "June",
    "julho": "July", "setembro": "September", "outubro": "October", "dezembro": "December",
}
_MONTH = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
          + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
          + r")\.?")
#: a month and a year without a day ("Dec 2025"): the date of a monthly post, an archive label
MONTH_YEAR_PATTERN = rf"{_MONTH}\s+\d{{4}}"
_FOREIGN = re.compile(r"\b(" + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
DATE_PATTERN = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?{_MONTH}(?:,?\s+(?:de\s+)?\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_date(text: str) -> str | None:
    """One date expression to ISO: ``YYYY-MM-DD``, or ``--MM-DD`` when the year is missing.

    >>> normalise_date("2 July 2007"), normalise_date("Jan. 5"), normalise_date("2024-03-12T10:00:00Z")
    ('2007-07-02', '--01-05', '2024-03-12')
    >>> normalise_date("14 avril 2025"), normalise_date("3. März 2024"), normalise_date("5 de mayo")
    ('2025-04-14', '2024-03-03', '--05-05')
    """
    text = text.strip()
    if _ISO.match(text):
        return text[:10]
    text = _FOREIGN.sub(lambda m: FOREIGN_MONTHS[m.group(1).lower()], text)
    text = re.sub(r"\b(\d{1,2})\.(?=\s)", r"\1", text)  # "3. März" -> "3 März"
    try:
        parsed = date_parser.parse(text, default=datetime(1900, 1, 1), dayfirst="/" not in text,
                                   fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if _YEAR.search(text):
        return parsed.strftime("%Y-%m-%d")
    return parsed.strftime("--%m-%d")


def find_date(text: str) -> str | None:
    """The first date expression in a text, normalised (see ``normalise_date``)."""
    found = _DATE.search(text)
    return normalise_date(found.group(0)) if found else None


_LABEL = r"(?:(?:published|posted|updated|last updated|date|first published)(?:\s+on)?\s*:?\s*)"
_DATE_LINE = re.compile(rf"^(?:{_LABEL})?(?:\w+day,?\s+)?{DATE_PATTERN}"
                        r"(?:\s*(?:at\s+)?[\d:.]+\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,4})?)?"
                        r"(?:\s*[|·•,-]\s*.{0,40})?$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_ANY_DATE = re.compile(DATE_PATTERN.replace(r",?\s+\d{4}", r",?\s+\d{4}"), re.IGNORECASE)


def contains_date(text: str, max_words: int = 14) -> bool:
    """A short line with a calendar date in it (a dateline, "Updated ...", a date stamp).

    >>> contains_date("Dec 18 2025 Preparing a transition"), contains_date("Fitness Trends 2025")
    (True, False)
    """
    # every date has a digit: the cheap test first, the long pattern only where it can match
    return word_count(text) <= max_words and _DIGIT.search(text) is not None and _ANY_DATE.search(text) is not None


def looks_like_date_line(text: str) -> bool:
    """A line that is only a date (perhaps with a label and a time).

    >>> looks_like_date_line("September 4, 2025"), looks_like_date_line("Published: 12 March 2024 10:32")
    (True, True)
    >>> looks_like_date_line("In 2007 al Qaeda militants killed 3,870 civilians.")
    False
    """
    return word_count(text) <= 12 and bool(_DATE_LINE.match(text.strip()))
