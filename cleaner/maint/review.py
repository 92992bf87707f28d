"""Golden review: re-run every seed, show the unified diff against its golden, accept after review."""
from __future__ import annotations

from pathlib import Path

from ..core import Cleaner
from ..goldens import GoldenCase, golden_cases, golden_diff, is_draft, render, seed_record


def review(root: Path, cleaner: Cleaner) -> list[tuple[GoldenCase, str, str]]:
    """(case, current output, diff) for every seed whose golden differs or is a draft."""
    out = []
    for case in golden_cases(root):
        actual = render(seed_record(cleaner, case, root))
        diff = golden_diff(case, actual)
        if diff or is_draft(case.golden):
            out.append((case, actual, diff or "(draft golden: identical to the current output)\n"))
    return out


def accept(case: GoldenCase, actual: str) -> None:
    """Make the current output the golden (this also clears a draft marker)."""
    case.golden.parent.mkdir(parents=True, exist_ok=True)
    case.golden.write_text(actual, encoding="utf-8")


def seed_ids(root: Path) -> set[str]:
    """The ids of the project's seeds: what ``cleaner-rules goldens --accept`` takes."""
    return {case.id for case in golden_cases(root)}
