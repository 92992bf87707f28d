"""trafilatura's selection of the main content, fast or with its fallback extractors, stage by
stage, on the part of the page that the reader gives it.

``trafilatura.bare_extraction`` (fast, tables, no comments) runs these stages on what it is
given: (1) the raw tree pruned (infinite-scroll containers; comment sections, except on a
forum's page), (2) cleaned and its tags converted, (3) its main extractor, (4) its baseline
as a rescue when that found less than ``min_extracted_size`` characters, (5) an escalation: an
extraction under ``ESCALATION_MAX_LENGTH`` characters that covers less than
``ESCALATION_PAGE_SHARE`` of the page's text is tried again in recall mode, and taken when it
is ``ESCALATION_ACCEPT_RATIO`` times longer. ``select`` runs the same stages with trafilatura's
own functions and constants, with two differences that make it faster (on the parts of
scrapinghub's pages, 9.4 ms a page against 10.9-14 ms) without changing what it chooses (the
same records on 1,099 of the 1,100 pages of the three benchmark sets; on the last, a short
extraction of a long part is now tried again in recall mode, body F1 +0.24):

- the page's text for the escalation is measured by the lines the reader has already read
  (``page_chars``), where trafilatura converts the whole part to text once more (``html2txt``,
  an eighth of its time on the part, for every extraction under 3,000 characters);
- the part is copied once (twice for a rescue or an escalation), where ``bare_extraction``
  copies it three times.

``with_fallbacks`` runs the cascade of ``bare_extraction(fast=False)`` the same way: after the
main extractor, trafilatura's comparison with readability and jusText, the rescue, and an
escalation that also tries jusText. Given what ``select``'s main extractor found on the same
part (``Selection.main``: the reader's retry of a fast selection of mostly short lines), it
does not run the main extractor again: half the time of ``bare_extraction`` on the retried
pages (14 ms a page against 27 on scrapinghub's six), the same records on all 1,100 pages.

These functions are trafilatura's internals (``trafilatura.core.trafilatura_sequence`` calls
them; they are no stable API): pyproject.toml pins trafilatura's minor version, and
tests/test_html_trafilatura.py checks ``select`` and ``with_fallbacks`` against
``bare_extraction`` on pages that take each stage.
"""
from __future__ import annotations

from copy import copy
from typing import Any, NamedTuple


class Selection(NamedTuple):
    """trafilatura's choice (``body``: its output tree, None when it found no text) and what
    its main extractor found before the rescue and the escalation (``main``: that tree and
    its text), which ``with_fallbacks`` compares its fallback extractors with."""

    body: Any
    main: tuple | None = None


def select(tree, url: str | None, page_chars: int) -> Selection:
    """trafilatura's main content of ``tree`` (left as it is: trafilatura reads a copy) as its
    output tree (a ``<body>`` of ``<p>``, ``<head>``, ``<list>``, ``<table>``...), None when
    it finds no text; ``page_chars``: the length of the page's text in ``tree``.

    >>> import lxml.html
    >>> page = lxml.html.fromstring("<html><body><article><h1>Bridge to close</h1><p>The council voted "
    ...     "on Tuesday to close the old bridge for a year.</p></article></body></html>")
    >>> [(e.tag, e.text) for e in select(page, None, page_chars=80).body]
    [('head', 'Bridge to close'), ('p', 'The council voted on Tuesday to close the old bridge for a year.')]
    >>> select(lxml.html.fromstring("<html><body><nav></nav></body></html>"), None, page_chars=0).body is None
    True
    """
    options = _options(url)
    main = body, text = _main(_pruned(copy(tree)), options, url)
    raw = None  # the pruned copy that the rescue and the escalation read, made when they run
    if len(text) < options.min_extracted_size:
        raw = _pruned(copy(tree))
        body, text = _rescued(body, text, raw)
    if _escalates(text, page_chars):
        retried, retried_text = _main(raw if raw is not None else _pruned(copy(tree)), _recall(options), url)
        if _recall_wins(retried_text, text, options):
            body, text = retried, retried_text
    return Selection(body if len(text) >= options.min_output_size else None, main)


def with_fallbacks(tree, url: str | None, page_chars: int, main: tuple | None = None):
    """trafilatura's main content of ``tree`` with its fallback extractors (readability and
    jusText), as ``bare_extraction(fast=False)`` finds it: its output tree, None when it finds
    no text. ``main``: what its main extractor found in ``tree`` (``Selection.main`` of
    ``select`` on the same tree), not looked for again; ``page_chars`` as for ``select``.

    >>> import lxml.html
    >>> page = lxml.html.fromstring("<html><body><div><div>The council voted on Tuesday to close the old "
    ...     "bridge for a year while engineers repair it, the mayor said.</div></div></body></html>")
    >>> " ".join(with_fallbacks(page, None, page_chars=100).itertext())[:40]
    'The council voted on Tuesday to close th'
    """
    from trafilatura import core
    from trafilatura.external import compare_extraction, justext_rescue
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content

    options = _options(url, fast=False)
    raw = _pruned(copy(tree))
    cleaned = tree_cleaning(copy(raw), options)  # (readability reads the raw part, jusText this)
    body, text = main if main is not None else extract_content(convert_tags(copy(cleaned), options, url), options)
    body, text = compare_extraction(cleaned, copy(raw), body, text, options)
    if len(text) < options.min_extracted_size:
        body, text = _rescued(body, text, raw)
    if _escalates(text, page_chars):
        retried, retried_text = core._recall_retry(raw, _recall(options), url)  # (it reads a copy)
        justext, justext_text = justext_rescue(copy(raw), options)
        if len(justext_text) > len(retried_text) and len(justext_text) > core.ESCALATION_JUSTEXT_RATIO * len(text):
            body, text = justext, justext_text
        elif _recall_wins(retried_text, text, options):
            body, text = retried, retried_text
    return body if len(text) >= options.min_output_size else None


def _rescued(body, text: str, raw) -> tuple:
    """Stage 4: trafilatura's baseline on the pruned part ``raw`` (it reads a copy), taken
    when it finds more text than ``body``'s."""
    from trafilatura.baseline import baseline

    rescued, rescued_text, rescued_length = baseline(raw)
    return (rescued, rescued_text) if rescued_length > len(text) else (body, text)


def _escalates(text: str, page_chars: int) -> bool:
    """Stage 5's test: a short extraction that covers little of the page's text."""
    from trafilatura import core

    return 0 < len(text) < core.ESCALATION_MAX_LENGTH and len(text) < core.ESCALATION_PAGE_SHARE * page_chars


def _recall_wins(retried_text: str, text: str, options) -> bool:
    """Stage 5's choice: the recall-mode extraction is taken when it is long enough and
    ``ESCALATION_ACCEPT_RATIO`` times longer."""
    from trafilatura import core

    length = len(retried_text)
    return length >= options.min_extracted_size and length > core.ESCALATION_ACCEPT_RATIO * len(text)


def _recall(options):
    """A copy of ``options`` in recall mode (the escalation's)."""
    recall = copy(options)
    recall.focus = "recall"
    return recall


def _options(url: str | None, fast: bool = True):
    """The settings ``bare_extraction(fast=fast, include_comments=False, include_tables=True,
    output_format="txt")`` builds."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="txt", fast=fast, comments=False, tables=True, url=url)


def _pruned(tree):
    """Stage 1, on ``tree`` itself: infinite-scroll containers out, and comment sections
    unless the page is a forum's thread (its posts stand in them)."""
    from trafilatura import core, xpaths
    from trafilatura.htmlprocessing import prune_unwanted_nodes

    forum = core._forum_thread_page(tree)
    tree = prune_unwanted_nodes(tree, xpaths.RAW_TREE_PRUNE_XPATH)
    return tree if forum else prune_unwanted_nodes(tree, xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH)


def _main(raw, options, url: str | None) -> tuple:
    """Stages 2 and 3 on ``raw`` (used up): (body, its text)."""
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content

    return extract_content(convert_tags(tree_cleaning(raw, options), options, url), options)
