"""Golden review: re-run every seed, show the unified diff against its golden, accept after review.

A golden that a maintainer accepted says which paragraphs are the article; a change that
drops one of them loses article text, which a diff among many removed furniture lines hides.
Each review says so first (``lost_text``), and ``accept`` refuses it unless asked.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..core import Cleaner
from ..goldens import GoldenCase, golden_cases, golden_diff, is_draft, render, seed_record


def lost_text(case: GoldenCase, actual: str) -> list[str]:
    """The article paragraphs of the accepted golden that the current output no longer has
    (none for a draft or a missing golden).

    >>> lost_text(GoldenCase(Path("s.txt"), Path("/no/such/golden.json")), "{}")
    []
    """
    if not case.golden.exists() or is_draft(case.golden):
        return []
    try:
        before = json.loads(case.golden.read_text(encoding="utf-8")).get("body") or []
    except ValueError:
        return []
    now = set(json.loads(actual).get("body") or [])
    return [p for p in before if p not in now and not any(p in q for q in now)]


def review(root: Path, cleaner: Cleaner) -> list[tuple[GoldenCase, str, str]]:
    """(case, current output, report) for every seed whose golden differs or is a draft; the
    report names the accepted article paragraphs the output lost, then gives the diff."""
    out = []
    for case in golden_cases(root):
        actual = render(seed_record(cleaner, case, root))
        diff = golden_diff(case, actual)
        if diff or is_draft(case.golden):
            lost = lost_text(case, actual)
            head = (f"{case.id}: LOSES {len(lost)} paragraph(s) of the accepted golden's article text:\n"
                    + "".join(f"  - {p[:160]}\n" for p in lost)) if lost else ""
            out.append((case, actual, head + (diff or "(draft golden: identical to the current output)\n")))
    return out


def accept(case: GoldenCase, actual: str) -> None:
    """Make the current output the golden (this also clears a draft marker)."""
    case.golden.parent.mkdir(parents=True, exist_ok=True)
    case.golden.write_text(actual, encoding="utf-8")


def seed_ids(root: Path) -> set[str]:
    """The ids of the project's seeds: what ``cleaner-rules goldens --accept`` takes."""
    return {case.id for case in golden_cases(root)}
