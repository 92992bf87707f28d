"""The HTML reader's decision as data: the shares and counts with which it weighs
trafilatura's selection and the page's own lines, from ``decision.yaml`` beside this module
(validated against ``cleaner/schema/decision.schema.json``; each value with why, and the
neighbours ``benchmarks/decision.py`` measures it against on a fit and a held-back part of the
dev sets).

>>> d = Decision.load()
>>> d.region_share, d.region_up, d.with_values(region_up=0).region_up
(0.95, 1, 0)
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Mapping

from ..schema import validated_yaml

FILE = Path(__file__).resolve().parent / "decision.yaml"


@dataclass(frozen=True)
class Decision:
    """One value per name of ``decision.yaml`` (see its ``why`` there)."""

    region_share: float
    region_up: int
    chosen_share: float
    container_share: float
    max_linked: float
    near_levels: int
    near_share: float
    max_extra: float
    widen: float
    page_prose: float
    part_levels: int
    min_words: int
    cleared: float
    min_prose_share: float

    @classmethod
    def load(cls, path: Path | None = None) -> "Decision":
        """The decision of ``path`` (``decision.yaml`` by default: read once); a file that
        cannot be read or breaks the schema raises ``RulePackError`` naming it."""
        return _load(path or FILE)

    def with_values(self, **values: Any) -> "Decision":
        """The same decision with some values changed (a benchmark's neighbour)."""
        return dataclasses.replace(self, **values)

    @staticmethod
    def neighbours(path: Path | None = None) -> Mapping[str, tuple]:
        """Each value's neighbours, as the file lists them."""
        return {name: tuple(entry["neighbours"]) for name, entry in _read(path or FILE).items()}


@cache
def _load(path: Path) -> Decision:
    return Decision(**{name: entry["value"] for name, entry in _read(path).items()})


def _read(path: Path) -> dict:
    return validated_yaml(path, "decision.schema.json", "decision")["decision"]
