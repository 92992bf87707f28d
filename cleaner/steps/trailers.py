"""Link-list trailers: after the article, a run of short title-like lines and teaser lines
ending in "…" is a list of other articles ("Latest news", "Related"), not body."""
from __future__ import annotations

import re

from ..pipeline import Context, Draft
from ..textutil import ends_with_ellipsis, ends_sentence, is_prose, word_count

_MIN_TEASERS = 2
_TITLE_MAX_WORDS = 18
_MIN_HEADLINES = 8  # ... or this many headlines of other articles, with no teaser under them
_HEADLINE_WORDS = (6, 30)
_STATEMENT_END = re.compile(r"[.;,:]\W*$")
_MIN_LINKED = 0.5  # on an HTML page, this share of the run's lines are links


def _in_link_list(text: str) -> bool:
    """A line that belongs to a list of links: a teaser cut with '…', a short title or a
    headline (a question or an exclamation ends one too)."""
    return ends_with_ellipsis(text) or (word_count(text) <= _TITLE_MAX_WORDS and not ends_sentence(text)) \
        or word_count(text) <= 3 or is_list_headline(text)


def is_list_headline(text: str) -> bool:
    """A headline of another article in a list: some words, and no full stop at its end.

    >>> is_list_headline("Are YOU hiding receipts from your partner? Expert warns of 'money secrets'")
    True
    >>> is_list_headline("He said the talks would resume on Monday in Geneva after a pause.")
    False
    """
    return _HEADLINE_WORDS[0] <= word_count(text) <= _HEADLINE_WORDS[1] and not _STATEMENT_END.search(text)


def drop_link_list_trailer(draft: Draft, ctx: Context) -> Draft:
    """Drop the longest run at the end made of link-list lines with at least two teasers, or
    with many headlines of other articles. On an HTML page, whose links are known
    (``Page.links``), the run must also be link text for at least half of its lines: a list
    of tour dates or products written out as plain text is the article's."""
    blocks = draft.blocks
    start = len(blocks)
    while start > 0 and _in_link_list(blocks[start - 1].text):
        start -= 1
    run = blocks[start:]
    teasers = sum(1 for b in run if ends_with_ellipsis(b.text) and word_count(b.text) >= 6)
    headlines = sum(1 for b in run if is_list_headline(b.text))
    if (teasers < _MIN_TEASERS and headlines < _MIN_HEADLINES) or not any(is_prose(b.text, 8) for b in blocks[:start]):
        return draft
    links = ctx.page.links
    if links is not None and sum(b.index in links for b in run) < _MIN_LINKED * len(run):
        return draft
    return draft.remove("trailers", [(b, "link-list-trailer", "a list of other articles after the body")
                                     for b in run])
