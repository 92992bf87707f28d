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

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_PATTERN = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
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
    """
    text = text.strip()
    if _ISO.match(text):
        return text[:10]
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
