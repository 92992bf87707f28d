"""Every seed's record equals its reviewed golden; on failure the unified diff is shown.

``pytest --update-goldens`` rewrites the goldens: read every changed line against its seed
before committing (git diff golden/).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.goldens import golden_cases, golden_diff, is_draft, render, seed_record

ROOT = Path(__file__).resolve().parent.parent
CASES = golden_cases(ROOT)


def test_every_seed_has_a_golden():
    missing = [c.seed.name for c in CASES if not c.golden.exists()]
    assert not missing, f"seeds without golden/<id>.json: {missing}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_seed_matches_golden(case, cleaner_default, request):
    actual = render(seed_record(cleaner_default, case, ROOT))
    if request.config.getoption("--update-goldens"):
        case.golden.parent.mkdir(exist_ok=True)
        case.golden.write_text(actual, encoding="utf-8")
        return
    assert not is_draft(case.golden), (f"{case.golden} is a draft: read it against {case.seed}, then "
                                       f"accept it with: cleaner-rules goldens --accept {case.id}")
    diff = golden_diff(case, actual)
    assert not diff, (f"{case.seed.name} differs from its golden (review with: cleaner-rules goldens):\n{diff}")
