"""Run a rule's own examples (``removes:`` / ``keeps:``), as sqlfluff runs its rule fixtures.

>>> from cleaner.rulepack import parse_pack
>>> pack = parse_pack('''
... id: demo
... description: demo
... generic: true
... rules:
...   - id: latest
...     kind: cut_from
...     why: trailer
...     text: Latest news
...     examples: {removes: ["Latest news"], keeps: ["Latest news was bad."]}
... ''', "demo.yaml")
>>> check_examples(pack.rules[0])
[]
"""
from __future__ import annotations

from .rulepack import LineMatcher, Rule, STRIP_KINDS, strip_source
from .patterns import compile_pattern
from .steps.site_rules import strip_block


def _acts_on(rule: Rule, line: str) -> tuple[bool, str]:
    """(does the rule act on this line, the line after it acted)."""
    if rule.kind in STRIP_KINDS:
        text, taken = strip_block(line, [(rule, compile_pattern(strip_source(rule)))])
        return bool(taken), text
    if rule.kind == "remove_html":
        return False, line
    return LineMatcher([rule]).find(line) is not None, ""


def check_examples(rule: Rule) -> list[str]:
    """Problems with a rule's examples: a ``removes`` line it leaves alone, a ``keeps`` line
    it acts on, a ``becomes`` that differs. An empty list means every example holds."""
    problems = []
    for example in rule.examples.get("removes", []):
        line, becomes = (example, None) if isinstance(example, str) else (example["line"], example.get("becomes"))
        acted, after = _acts_on(rule, line)
        if not acted:
            problems.append(f"{rule.ref}: should act on {line!r} but does not")
        elif becomes is not None and after != becomes:
            problems.append(f"{rule.ref}: {line!r} became {after!r}, expected {becomes!r}")
    for line in rule.examples.get("keeps", []):
        if _acts_on(rule, line)[0]:
            problems.append(f"{rule.ref}: should leave {line!r} alone but acts on it")
    return problems
