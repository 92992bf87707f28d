"""The output record: one frozen ``Article`` per input, good or failed.

>>> a = Article(id="x", body="Hello.")
>>> a.to_dict()["body"], a.to_dict()["byline"], a.ok
('Hello.', [], True)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing a step took out of the body: which rule or heuristic, why, and the text."""

    step: str
    rule: str
    reason: str
    text: str
    index: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "rule": self.rule, "reason": self.reason,
                "index": self.index, "text": self.text}


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opened the lede, e.g. ``BAGHDAD (Reuters) –``."""

    text: str
    location: str | None = None
    agency: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "location": self.location, "agency": self.agency,
                "date": self.date}


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """Why an input produced no article (``error``), or why it was not a page to clean
    (``skipped``): a short machine type and a human message."""

    type: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


@dataclass(frozen=True)
class Article:
    """The clean record. ``body`` paragraphs are separated by one blank line."""

    id: str
    headline: str | None = None
    dateline: Dateline | None = None
    byline: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    body: str = ""
    site: str | None = None
    url: str | None = None
    source: str | None = None
    agency: str | None = None
    credits: str | None = None
    copyright: str | None = None
    error: ErrorInfo | None = None
    #: set instead of ``error`` for an input that is no page (an HTTP 404, an image in a WARC)
    skipped: ErrorInfo | None = None
    #: the id of the first record of its group of copies of one story (``cleaner.stories``)
    story: str | None = None
    removed: tuple[Removal, ...] | None = field(default=None, compare=False)
    #: with ``explain``: where each field came from ("json-ld datePublished", "text line 4: ...")
    fields_from: Mapping[str, str] | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        """True when the input was cleaned (neither ``error`` nor ``skipped``)."""
        return self.error is None and self.skipped is None

    @property
    def status(self) -> str:
        """``cleaned``, ``skipped`` or ``failed``.

        >>> Article(id="x", skipped=ErrorInfo("http_status", "HTTP 404")).status
        'skipped'
        """
        return "failed" if self.error else "skipped" if self.skipped else "cleaned"

    @property
    def paragraphs(self) -> list[str]:
        """The body split back into paragraphs."""
        return [p for p in self.body.split("\n\n") if p]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``error``, ``skipped``, ``story``, ``fields_from`` and ``removed``
        appear only when set."""
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "site": self.site,
            "headline": self.headline,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "byline": list(self.byline),
            "published": self.published,
            "language": self.language,
            "agency": self.agency,
            "credits": self.credits,
            "copyright": self.copyright,
            "body": self.body,
        }
        if self.error is not None:
            out["error"] = self.error.to_dict()
        if self.skipped is not None:
            out["skipped"] = self.skipped.to_dict()
        if self.story is not None:
            out["story"] = self.story
        if self.fields_from is not None:
            out["fields_from"] = dict(self.fields_from)
        if self.removed is not None:
            out["removed"] = [r.to_dict() for r in self.removed]
        return out
