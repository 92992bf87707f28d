"""Publication date in the text: a date line near the headline (the markup's date and the
dateline's are weighed against it by ``cleaner/fields/resolve.py``)."""
from __future__ import annotations

from ..fields.dates import find_date, looks_like_date_line
from ..pipeline import Context, Draft, text_line

_NEAR_HEADLINE = 6


def find_published(draft: Draft, ctx: Context) -> Draft:
    """The first date line around the headline is evidence for ``published``."""
    near = list(draft.header[-_NEAR_HEADLINE:]) + list(draft.blocks[:_NEAR_HEADLINE])
    for block in near:
        if looks_like_date_line(block.text):
            date = find_date(block.text)
            if date and not date.startswith("--"):
                return draft.found("published", date, text_line(block))
    return draft
