"""The page a reader hands to the pipeline, and the evidence for a record field.

Both front doors (``cleaner/readers/``) give a ``Page``: its blocks in reading order, its
``format``, and ``markup``, every field the markup names as a ``Found`` that says where it
came from. Steps add their own ``Found`` items (the text's evidence) to the draft; one final
step, ``cleaner/fields/resolve.py``, decides each field from all of them.

>>> Found("2024-03-12", "json-ld datePublished", "markup")
Found(value='2024-03-12', source='json-ld datePublished', kind='markup')
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .blocks import Block
from .record import Removal

#: what kinds of evidence there are, from the most to the least trusted in general (each
#: field's own order is ``cleaner.fields.resolve.PRECEDENCE``)
KINDS = ("pack", "markup", "text", "dateline", "site")


@dataclass(frozen=True, slots=True)
class Found:
    """One value for a record field, where it was found (shown by ``--explain``), and its kind:
    ``pack`` (pinned or extracted by a rule pack), ``markup`` (the HTML's metadata or
    headings), ``text`` (a line of the text), ``dateline`` (the lede's dateline), ``site``
    (the site's own name where the markup's author should stand: taken when nothing else is)."""

    value: Any
    source: str
    kind: str = "text"


@dataclass(frozen=True)
class Page:
    """One input, read: ``blocks`` for the pipeline, ``markup`` (field name -> ``Found``) for
    the fields, ``url`` (given, or the page's canonical one), what the reader took out
    before the pipeline (``trace``: HTML elements removed by the packs' selectors) and, for
    HTML, the page's own ``lines`` and where its blocks came from (``body_from``)."""

    format: str
    blocks: tuple[Block, ...]
    markup: Mapping[str, Found] = field(default_factory=dict)
    url: str | None = None
    trace: tuple[Removal, ...] = ()
    #: an HTML page's whole text as lines, where the markup names no author or only the site
    #: (searched for a byline outside the main content); empty for a text dump
    lines: tuple[Block, ...] = ()
    #: where an HTML page's blocks came from, when not from trafilatura's selection alone
    #: (``--explain`` shows it under ``body``)
    body_from: str | None = None
    #: the indexes of an HTML page's blocks that are link text on it (a list of other
    #: articles); None where that is not known (a text dump)
    links: frozenset[int] | None = None

    def said(self, name: str) -> Any:
        """The value the markup gives for a field, or None.

        >>> Page("html", (), {"headline": Found("Rates rise", "<h1>", "markup")}).said("headline")
        'Rates rise'
        """
        found = self.markup.get(name)
        return found.value if found is not None else None
