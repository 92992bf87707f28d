"""Publication date: the dateline's, a pinned hint (HTML metadata), or a date line near the top."""
from __future__ import annotations

import re

from ..dates import DATE_PATTERN, find_date
from ..pipeline import Context, Draft
from ..textutil import word_count

_LABEL = r"(?:(?:published|posted|updated|last updated|date|first published)(?:\s+on)?\s*:?\s*)"
_DATE_LINE = re.compile(rf"^(?:{_LABEL})?(?:\w+day,?\s+)?{DATE_PATTERN}"
                        r"(?:\s*(?:at\s+)?[\d:.]+\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,4})?)?"
                        r"(?:\s*[|·•,-]\s*.{0,40})?$", re.IGNORECASE)
_NEAR_HEADLINE = 6
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


def find_published(draft: Draft, ctx: Context) -> Draft:
    """Set ``published`` from metadata hints or the first date line around the headline."""
    if "published" in draft.fields:
        return draft
    hinted = ctx.hints.get("published")
    if hinted:
        return draft.with_fields(published=hinted)
    near = list(draft.header[-_NEAR_HEADLINE:]) + list(draft.blocks[:_NEAR_HEADLINE])
    for block in near:
        if looks_like_date_line(block.text):
            date = find_date(block.text)
            if date and not date.startswith("--"):
                return draft.with_fields(published=date)
    return draft
