"""Reader comments: a thread of "Name says" / time-stamp / "Reply" lines after the article.

A comment thread is recognised by its signature lines, not by its heading (headings such as
"109 Comments" are in the generic pack, but a thread can be longer than the article, and
then a heading alone cannot tell a trailer from a link under the byline). From the first
signature line that opens a dense run of them, everything goes.
"""
from __future__ import annotations

import re

from ..pipeline import Context, Draft
from ..textutil import is_prose, word_count
from ..fields.dates import contains_date

_WINDOW = 25
_MIN_SIGNATURES = 4
_MIN_PROSE_BEFORE = 30
_HEADING_REACH = 5

_COMMENTER = re.compile(
    r"(?i)^(?:by\s+)?[\w .'’@()-]{1,60}?\s(?:says|said|writes|wrote|commented|replied)\s*:?(?:\s+on\s.{0,120})?$")
_REPLY = re.compile(r"(?i)^(?:reply|répondre|antworten|responder|rispondi)\b.{0,25}$|^(?:report|flag)(?: comment| abuse)?$")
_TIME = re.compile(r"(?i)\b\d{1,2}:\d{2}\s*(?:am|pm)?\b")
_AGO = re.compile(r"(?i)\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago")


def signature_kind(text: str) -> str | None:
    """Which comment-thread signature a line is: who wrote, when, or "Reply"; else None.

    >>> [signature_kind(t) for t in ("Sharon says", "July 14, 2015 at 3:53 pm", "Reply",
    ...  "by Fons_de_spons ( 1311177 ) writes:", "The minister says the talks will go on.")]
    ['who', 'when', 'reply', 'who', None]
    """
    if word_count(text) > 20:
        return None
    if _COMMENTER.match(text):
        return "who"
    if _REPLY.match(text):
        return "reply"
    if contains_date(text, max_words=10) and _TIME.search(text) or _AGO.fullmatch(text.strip()):
        return "when"
    return None


def thread_start(texts: list[str], headings: frozenset[int] = frozenset()) -> int | None:
    """Index of the first signature line that opens a dense run of them (at least four in
    the next 25 lines, of two kinds or more or under one of the ``headings`` lines), after
    some running text; None when there is no thread.

    >>> lede = "The council voted on Tuesday to close the old bridge for repairs, and work starts soon."
    >>> thread_start([lede, lede.upper(), "Ann says", "May 2, 2024 at 3:10 pm", "Great news.", "Reply",
    ...               "Bob says", "May 3, 2024 at 9:00 am", "About time.", "Reply"])
    2
    """
    kinds = [signature_kind(t) for t in texts]
    prose = 0
    for i, text in enumerate(texts):
        if kinds[i] and prose >= _MIN_PROSE_BEFORE:
            run = [k for k in kinds[i:i + _WINDOW] if k]
            # time stamps alone are a live blog's entries; a thread also names who wrote or
            # "Reply", or sits right under a trailer heading ("59 Comments on ...")
            under_heading = any(j in headings for j in range(max(0, i - _HEADING_REACH), i))
            if len(run) >= _MIN_SIGNATURES and (len(set(run)) >= 2 or under_heading):
                return i
        if is_prose(text, 8):
            prose += word_count(text)
    return None


def drop_comment_thread(draft: Draft, ctx: Context) -> Draft:
    """Drop a reader-comment thread and everything after it."""
    headings = frozenset(i for i, b in enumerate(draft.blocks)
                         if getattr(draft.marks.get(b.index), "kind", None) == "cut_from")
    at = thread_start([b.text for b in draft.blocks], headings)
    if at is None:
        return draft
    return draft.remove("comments", [(b, "comment-thread", "reader comments after the article")
                                     for b in draft.blocks[at:]])
