"""Parse the dateline that opens a news lede.

>>> parse_dateline("BAGHDAD (Reuters) – The U.S. military said on Sunday ...")[0]
Dateline(text='BAGHDAD (Reuters) –', location='BAGHDAD', agency='Reuters', date=None)
>>> parse_dateline("July 2, 2007 (RFE/RL) -- The U.S. military is accusing Iran")[0]
Dateline(text='July 2, 2007 (RFE/RL) --', location=None, agency='RFE/RL', date='2007-07-02')
>>> parse_dateline("LONDON, March 3 - Shares fell.")[0]
Dateline(text='LONDON, March 3 -', location='LONDON', agency=None, date='--03-03')
>>> parse_dateline("WASHINGTON (AP) — Lawmakers met.")[1]
'Lawmakers met.'
>>> parse_dateline("He said -- nothing.") is None
True
"""
from __future__ import annotations

import re

from .dates import DATE_PATTERN, normalise_date
from ..record import Dateline

_CAPS_PLACE = r"[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-zà-ÿ'’\-]+(?:\s+[A-Z][a-zà-ÿ'’\-]+){0,2}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
_AGENCY = r"\((?P<agency{n}>[A-Za-z][A-Za-z/&.\- ]{{1,30}}?)\)"
_DASH = r"(?P<dash>--|[–—-]|:)"
_DATELINE = re.compile(
    rf"^(?P<all>"
    rf"(?:(?P<caps>{_CAPS_PLACE}){_REGION}(?:,?\s+(?P<date1>{DATE_PATTERN}))?(?:\s*{_AGENCY.format(n=1)})?"
    rf"|(?P<place>{_TITLE_PLACE}){_REGION}(?:(?:,?\s+(?P<date2>{DATE_PATTERN}))(?:\s*{_AGENCY.format(n=2)})?|\s*{_AGENCY.format(n=3)})"
    rf"|(?P<date3>{DATE_PATTERN})\s*{_AGENCY.format(n=4)}"
    rf")\s*{_DASH})\s+(?=\S)"
)
_FIND_INSIDE = re.compile(
    rf"(?<=[.!?”\"’] )(?P<all>(?P<caps>{_CAPS_PLACE}){_REGION}\s*{_AGENCY.format(n=1)}\s*{_DASH})\s+(?=\S)")


def _first(found: re.Match, *names: str) -> str | None:
    groups = found.groupdict()
    return next((groups[n] for n in names if groups.get(n)), None)


def _build(found: re.Match) -> Dateline | None:
    caps = found.group("caps")
    if caps and len(re.sub(r"[^A-ZÀ-Þ]", "", caps)) < 3:
        return None
    agency = _first(found, "agency1", "agency2", "agency3", "agency4")
    if found.group("dash") == ":" and not agency:
        return None
    date = _first(found, "date1", "date2", "date3")
    location = caps or _first(found, "place")
    return Dateline(text=found.group("all").strip(), location=location.strip() if location else None,
                    agency=agency, date=normalise_date(date) if date else None)


def parse_dateline(text: str) -> tuple[Dateline, str] | None:
    """(dateline, rest of the paragraph) when the text opens with a dateline."""
    found = _DATELINE.match(text)
    if not found:
        return None
    dateline = _build(found)
    return (dateline, text[found.end():]) if dateline else None


def find_inner_dateline(text: str) -> int | None:
    """Where a ``PLACE (Agency) —`` dateline starts inside a paragraph (after a sentence).

    >>> find_inner_dateline("AFP: Iran is linked. BAGHDAD (AFP) — Iran is linked.")
    21
    """
    found = _FIND_INSIDE.search(text)
    return found.start() if found else None
