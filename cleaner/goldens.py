"""Seeds and goldens: run every seed, compare with ``golden/<id>.json``, show a unified diff.

Used by the golden test and by maintainers' review commands; the diff is the same in both.
A project is a folder with ``rules/`` (packs), ``seeds/`` (sample inputs) and ``golden/``
(their reviewed records); ``find_project`` finds it from a folder inside it.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from .core import Cleaner

#: the project's folders: rule packs, sample inputs, reviewed expected records
RULES, SEEDS, GOLDEN = "rules", "seeds", "golden"
SEED_SUFFIXES = (".txt", ".html", ".htm")
#: a golden written by ``cleaner-rules new-site`` carries this key until a maintainer accepts it
DRAFT_KEY = "_review"


@dataclass(frozen=True)
class GoldenCase:
    seed: Path
    golden: Path

    @property
    def id(self) -> str:
        return seed_id(self.seed)


def find_project(start: Path) -> Path | None:
    """The project root: the nearest folder at or above ``start`` that has a ``rules/`` folder
    (``None`` when there is none)."""
    start = Path(start).resolve()
    return next((folder for folder in (start, *start.parents) if (folder / RULES).is_dir()), None)


def seed_id(seed: Path) -> str:
    """A seed's id, which names its golden: the file name without the seed suffix.

    >>> seed_id(Path("seeds/008_example.com_1.html")), seed_id(Path("000_b01d6ed120d16dae.txt"))
    ('008_example.com_1', '000_b01d6ed120d16dae')
    """
    return seed.stem


def golden_path(root: Path, seed: Path) -> Path:
    """Where the golden of a seed lives: ``root/golden/<seed id>.json``."""
    return root / GOLDEN / (seed_id(seed) + ".json")


def golden_cases(root: Path) -> list[GoldenCase]:
    """Every seed under ``root/seeds`` with its golden path (which may not exist yet)."""
    seeds = sorted(p for p in (root / SEEDS).iterdir() if p.suffix.lower() in SEED_SUFFIXES)
    return [GoldenCase(s, golden_path(root, s)) for s in seeds]


def render(record: dict) -> str:
    """The stable text form of a record, as stored in a golden file: the record's JSON with
    ``body`` as a list of paragraphs, one per line, so that a review reads (and a diff shows)
    paragraph by paragraph. ``json.loads`` plus ``"\\n\\n".join(body)`` gives the record back."""
    shown = dict(record)
    shown["body"] = [p for p in record.get("body", "").split("\n\n") if p]
    return json.dumps(shown, ensure_ascii=False, indent=2) + "\n"


def seed_record(cleaner: Cleaner, case: GoldenCase, root: Path) -> dict:
    """The record the current code makes for a seed (source given relative to the project)."""
    source = case.seed.relative_to(root).as_posix()
    record = cleaner.clean(case.seed.read_bytes(), doc_id=case.id, source=source)
    return record.to_dict()


def is_draft(path: Path) -> bool:
    """True for a golden nobody has reviewed yet."""
    if not path.exists():
        return False
    try:
        return DRAFT_KEY in json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return False


def golden_diff(case: GoldenCase, actual: str) -> str:
    """Unified diff from the golden to the actual output ('' when they agree)."""
    expected = case.golden.read_text(encoding="utf-8") if case.golden.exists() else ""
    return "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=str(case.golden), tofile=f"{case.seed} (current output)"))
