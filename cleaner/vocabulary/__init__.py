"""What the field finders know of each language, as data, not Python lists.

``dates.yaml`` (month and weekday names, published/updated labels, time words, the order of
numeric dates), ``bylines.yaml`` (byline prefixes, joiners, job titles, button and menu words,
prepositions, name particles, connectors, the small words of group names, contractions),
``agencies.yaml`` (news agencies and their short names) and ``markup.yaml`` (the class and id
words of site furniture, in any language) live beside this module. They are validated against
``cleaner/schema/vocabulary.schema.json`` when a ``Cleaner`` is built (a broken file is a
``RulePackError`` naming it), and chosen by the document's language: a finder asks for
``Words`` of the document's language and English. Name particles are the exception: a name comes
from any language, so every ``Words`` holds the particles of all of them.

>>> words = Vocabularies.load().words(("de",))
>>> words.months["märz"], "von" in words.byline_prefixes, "by" in words.byline_prefixes
(3, True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Mapping

from ..patterns import compile_pattern
from ..schema import validated_yaml

FOLDER = Path(__file__).resolve().parent
#: the language whose words every document is searched with too
BASE = "en"


@dataclass(frozen=True)
class Words:
    """The words of some languages (a document's own and English), merged. Finders compile
    their patterns from it once (``cached_property`` on the immutable value)."""

    languages: tuple[str, ...]
    months: Mapping[str, int] = field(default_factory=dict)
    weekdays: frozenset[str] = frozenset()
    published: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    time: tuple[str, ...] = ()
    #: how numeric dates are written in the first language that says ("DMY", "MDY", "YMD")
    order: str = "DMY"
    byline_prefixes: tuple[str, ...] = ()
    joiners: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    #: words of a page's controls and menus, never of a name ("share", "print", "facebook")
    buttons: frozenset[str] = frozenset()
    #: words that open no name ("in", "zur": "In Harbour News")
    prepositions: frozenset[str] = frozenset()
    #: the small words inside a person's name, of every language ("von", "van", "de", "bin")
    particles: frozenset[str] = frozenset()
    #: small words between a name and a date or a place ("on", "am")
    connectors: frozenset[str] = frozenset()
    #: words that open a group's name, never a person's ("the", "our")
    articles: frozenset[str] = frozenset()
    #: small words inside a team's or brand's name ("of", "and", "for")
    group_words: frozenset[str] = frozenset()
    #: endings after an apostrophe that make a word no name ("'m", "'re")
    contractions: tuple[str, ...] = ()
    #: casefolded agency name or short form -> the short form (else the name) used in records
    agencies: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def compiled(self) -> dict:
        """A place for finders to keep what they compile from these words (per ``Words``)."""
        return {}


def _read(path: Path) -> dict:
    return validated_yaml(path, "vocabulary.schema.json", "vocabulary")


def _folded(sections: list[dict], key: str) -> frozenset[str]:
    """The casefolded words of ``key`` in every section."""
    return frozenset(w.casefold() for section in sections for w in section.get(key, ()))


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class Vocabularies:
    """Every vocabulary file, validated; ``words(languages)`` merges the ones asked for."""

    def __init__(self, dates: dict, bylines: dict, agencies: list, markup: dict | None = None):
        self.dates, self.bylines, self.agencies = dates, bylines, agencies
        self.markup = markup or {"inside": [], "whole": []}
        self._merged: dict[tuple[str, ...], Words] = {}

    @classmethod
    def load(cls, folder: Path = FOLDER) -> "Vocabularies":
        """Read and validate ``dates.yaml``, ``bylines.yaml``, ``agencies.yaml`` and ``markup.yaml``."""
        return cls(_read(folder / "dates.yaml")["dates"], _read(folder / "bylines.yaml")["bylines"],
                   _read(folder / "agencies.yaml")["agencies"], _read(folder / "markup.yaml")["markup"])

    @cached_property
    def furniture(self):
        """The pattern (RE2) of a class or id that names site furniture (``markup.yaml``).

        >>> bool(Vocabularies.load().furniture.search("post-comments")), bool(Vocabularies.load().furniture.search("loader"))
        (True, False)
        """
        inside = "|".join(re.escape(w) for w in self.markup["inside"])
        whole = "|".join(re.escape(w) for w in self.markup["whole"])
        parts = [p for p in (inside, whole and rf"(?:^|[\s_-])(?:{whole})(?:$|[\s_-])") if p]
        return compile_pattern("(?i)" + ("|".join(parts) or r"[^\s\S]"))  # RE2: a page's class names run in linear time

    @property
    def languages(self) -> set[str]:
        return set(self.dates) | set(self.bylines)

    def words(self, languages: tuple[str | None, ...]) -> Words:
        """The words of ``languages`` and English, merged in that order (memoised per tuple:
        the vocabularies never change once loaded)."""
        key = _unique([code for code in languages if code] + [BASE])
        merged = self._merged.get(key)
        if merged is None:
            merged = self._merged[key] = self._merge(key)
        return merged

    def _merge(self, languages: tuple[str, ...]) -> Words:
        dates = [self.dates.get(code, {}) for code in languages]
        bylines = [self.bylines.get(code, {}) for code in languages]
        agencies: dict[str, str] = {}
        for agency in self.agencies:
            shown = (agency.get("short") or [agency["name"]])[0]
            for name in [agency["name"], *agency.get("short", [])]:
                agencies[name.casefold()] = shown
        return Words(
            languages=languages,
            months={word: number for d in reversed(dates) for word, number in d.get("months", {}).items()},
            weekdays=frozenset(w for d in dates for w in d.get("weekdays", ())),
            published=_unique(w for d in dates for w in d.get("published", ())),
            updated=_unique(w for d in dates for w in d.get("updated", ())),
            time=_unique(w for d in dates for w in d.get("time", ())),
            order=next((d["order"] for d in dates if "order" in d), "DMY"),
            byline_prefixes=_unique(w for b in bylines for w in b.get("prefixes", ())),
            joiners=_unique(w for b in bylines for w in b.get("joiners", ())),
            roles=_unique(w for b in bylines for w in b.get("roles", ())),
            buttons=_folded(bylines, "buttons"),
            prepositions=_folded(bylines, "prepositions"),
            particles=frozenset(w.casefold() for b in self.bylines.values() for w in b.get("particles", ())),
            connectors=_folded(bylines, "connectors"),
            articles=_folded(bylines, "articles"),
            group_words=_folded(bylines, "group_words"),
            contractions=_unique(w.replace("’", "'") for b in bylines for w in b.get("contractions", ())),
            agencies=agencies,
        )
