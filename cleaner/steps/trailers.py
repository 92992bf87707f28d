"""Link-list trailers: after the article, a run of short title-like lines and teaser lines
ending in "…" is a list of other articles ("Latest news", "Related"), not body."""
from __future__ import annotations

from ..pipeline import Context, Draft
from ..textutil import ends_with_ellipsis, ends_sentence, is_prose, word_count

_MIN_TEASERS = 2
_TITLE_MAX_WORDS = 18


def _in_link_list(text: str) -> bool:
    """A line that belongs to a list of links: a teaser cut with '…' or a short title."""
    return ends_with_ellipsis(text) or (word_count(text) <= _TITLE_MAX_WORDS and not ends_sentence(text)) \
        or word_count(text) <= 3


def drop_link_list_trailer(draft: Draft, ctx: Context) -> Draft:
    """Drop the longest run at the end made of link-list lines with at least two teasers."""
    blocks = draft.blocks
    start = len(blocks)
    while start > 0 and _in_link_list(blocks[start - 1].text):
        start -= 1
    run = blocks[start:]
    teasers = sum(1 for b in run if ends_with_ellipsis(b.text) and word_count(b.text) >= 6)
    if teasers < _MIN_TEASERS or not any(is_prose(b.text, 8) for b in blocks[:start]):
        return draft
    return draft.remove("trailers", [(b, "link-list-trailer", "a list of other articles after the body")
                                     for b in run])
