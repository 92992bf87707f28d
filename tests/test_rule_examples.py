"""Every rule in every pack under rules/ keeps its own examples (removes/keeps)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.examples import check_examples
from cleaner.rulepack import load_packs

PACKS = load_packs(Path(__file__).resolve().parent.parent / "rules")
RULES = [r for p in PACKS.all for r in p.rules]


@pytest.mark.parametrize("rule", RULES, ids=[r.ref for r in RULES])
def test_rule_examples_hold(rule):
    assert not check_examples(rule)


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind != "remove_html"],
                         ids=[r.ref for r in RULES if r.kind != "remove_html"])
def test_rule_has_a_removes_example(rule):
    assert rule.examples.get("removes"), f"{rule.ref} has no 'removes' example"
