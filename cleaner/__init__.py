"""cleaner: whole-page text dumps and HTML of news pages in, one clean article record out.

    >>> from cleaner import clean
    >>> record = clean("Storm hits coast\\n\\nA storm hit the coast on Monday, officials said, "
    ...                "closing roads and schools across the region for two days.")
    >>> record.headline, record.to_dict()["byline"]
    ('Storm hits coast', [])
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

from .core import Cleaner
from .errors import InputError, RulePackError
from .record import Article, Dateline, ErrorInfo, Removal
from .settings import Settings

__version__ = "0.1.0"  # the one definition: pyproject.toml reads it (hatch dynamic version)

__all__ = ["clean", "explain", "Cleaner", "Settings", "Article", "Dateline", "ErrorInfo", "Removal",
           "InputError", "RulePackError"]


@lru_cache(maxsize=4)
def _cleaner_for(settings: Settings) -> Cleaner:
    # One Cleaner per distinct (frozen) settings value: packs and langdetect profiles load
    # once. The result of clean() never depends on earlier documents.
    return Cleaner(settings)


def explain(data: str | bytes, *, url: str | None = None, settings: Settings | None = None):
    """What ``clean`` kept and removed, block by block, with the rule or heuristic and its
    ``why`` (see ``cleaner.maint.explain``)."""
    from .maint.explain import explain as _explain

    return _explain(data, url=url, settings=settings)


def clean(data: str | bytes, *, url: str | None = None, doc_id: str | None = None,
          source: str | None = None, settings: Settings | None = None,
          hints: Mapping[str, Any] | None = None) -> Article:
    """Clean one text dump or page (str or bytes) into an ``Article``; never raises for bad
    input (the record's ``error`` says why), raises ``RulePackError`` for a bad rule pack."""
    return _cleaner_for(settings or Settings()).clean(data, url=url, doc_id=doc_id, source=source,
                                                      hints=hints)
