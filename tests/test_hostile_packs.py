"""Hostile rule packs (real files) are refused before any document: ``Cleaner`` raises a
``RulePackError`` naming file, line, rule and reason, and ``cleaner-rules check`` reports the
same refusal as an error. Each load runs in a child process with a timeout and a memory cap,
so a regression (an alias bomb expanding, a pattern compiling for ever) fails instead of hanging.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cleaner import Cleaner, RulePackError, Settings
from cleaner.maint.check import check
from cleaner.patterns import PACK_PROGRAM_SIZE, compile_alternation, compile_pattern
from cleaner.rulepack import MAX_PACK_SIZE, parse_pack

ROOT = Path(__file__).resolve().parent.parent
HEAD = "id: {id}\ndescription: a hostile pack\ngeneric: true\nrules:\n"  # rules start on line 5
LEDE = "The U.S. military said on Sunday there had been a dramatic drop in weapons smuggled into Iraq."
HOME = "id: home, kind: drop, why: menu link, text: Home"
PARA2 = "Washington has accused Tehran of supplying militias with weapons, officials said on Monday."

#: in the child: load the folder as the cleaner does, then check it as ``cleaner-rules check`` does
CHILD = """
import dataclasses, json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a regression fails, not the machine
from cleaner import Cleaner, RulePackError, Settings
from cleaner.maint.check import check
rules = Path(sys.argv[1])
try:
    Cleaner(Settings(rules_dir=rules, detect_language=False))
    refused = None
except RulePackError as exc:
    refused = str(exc)
print(json.dumps({"refused": refused, "findings": [dataclasses.asdict(f) for f in check(rules)]}))
"""


def load_and_check(rules_dir: Path) -> tuple[str | None, list[dict]]:
    """(the cleaner's RulePackError message or None, check's findings) for ``rules_dir``."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(rules_dir)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    return out["refused"], out["findings"]


def flow_rules(pack_id: str, rules: list[str]) -> str:
    """A pack whose rules are one flow mapping a line: rule ``i`` is on line ``5 + i``."""
    return HEAD.format(id=pack_id) + "".join(f"  - {{{r}}}\n" for r in rules)


def assert_refused_and_reported(path: Path, line: int | None, rule: str | None, reason: str) -> str:
    """The cleaner refuses ``path`` at ``line`` (if known) naming ``rule`` and ``reason``, and
    check reports exactly that as its one error. Returns the refusal message."""
    message, findings = load_and_check(path.parent)
    assert message is not None, "the pack loaded"
    where = f"{path}:{line}" if line else str(path)
    assert message.startswith(where + ":"), message
    assert rule is None or f"rule {rule!r}" in message, message
    assert re.search(reason, message), message
    errors = [f for f in findings if f["level"] == "error"]
    assert [(f["where"], f["rule"]) for f in errors] == [(where, rule)], errors
    assert errors[0]["message"].split(" (field ")[0] in message
    return message


#: "billion laughs" in YAML, 9**9 strings from a few hundred bytes: once built, the schema's
#: error message alone (the repr of ``text``) takes minutes and gigabytes
ALIAS_BOMB = (HEAD.format(id="bomb") + "  - id: laughs\n    kind: drop\n    why: nine levels\n    text:\n"
              + "      - &a [x, x, x, x, x, x, x, x, x]\n"
              + "".join(f"      - &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi")))

CASES = {
    # name: (pack text, line, rule, reason)
    "alias-bomb": (ALIAS_BOMB, 9, None, r"YAML anchors and aliases are not allowed \(found &a\)"),
    "anchor-only": (flow_rules("anchor", [HOME]).replace("description: a", "description: &d a"),
                    2, None, r"YAML anchors and aliases are not allowed \(found &d\)"),
    "deep-nesting": (flow_rules("deep", ["id: home, kind: drop, why: menu, text: " + "[" * 40 + "Home" + "]" * 40]),
                     5, None, r"nested more than \d+ deep"),
    "invalid-css": (flow_rules("css", [HOME, "id: share, kind: remove_html, why: share bar, css: 'div >'"]),
                    6, "share", r"field 'css'.*not a valid CSS selector"),
    "unknown-pseudo-class": (flow_rules("pseudo", ["id: share, kind: remove_html, why: bar, css: 'div:shiny'"]),
                             5, "share", r"field 'css'.*not a valid CSS selector.*shiny"),
    "invalid-xpath": (flow_rules("xpath", [HOME, "id: related, kind: remove_html, why: links, xpath: '//p['"]),
                      6, "related", r"field 'xpath'.*not a valid XPath"),
    "xpath-not-nodes": (flow_rules("count", ["id: related, kind: remove_html, why: links, xpath: 'count(//p)'"]),
                        5, "related", r"field 'xpath'.*must select elements"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_pack_is_refused_and_reported_by_check(tmp_path, name):
    text, line, rule, reason = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    assert_refused_and_reported(path, line, rule, reason)


def test_oversized_file_is_refused_unread(tmp_path):
    path = tmp_path / "big.yaml"
    text = flow_rules("big", [HOME])
    path.write_text(text + "#" * (MAX_PACK_SIZE + 1 - len(text)) + "\n")  # valid but for its size
    assert path.stat().st_size > MAX_PACK_SIZE
    assert_refused_and_reported(path, None, None, rf"{path.stat().st_size} bytes, more than the {MAX_PACK_SIZE}")


def test_oversized_text_is_refused():
    text = flow_rules("big", [HOME])
    with pytest.raises(RulePackError, match=rf"big\.yaml: the pack has {MAX_PACK_SIZE + 1} characters"):
        parse_pack(text + "#" * (MAX_PACK_SIZE + 1 - len(text)), "big.yaml")


def big_patterns(count: int, tag: str) -> list[str]:
    """Patterns that RE2 compiles alone (each near its 8 MB) but not many of them joined."""
    return [rf"\pL{{1,400}}{tag}{i}" for i in range(count)]


def test_patterns_too_large_joined_name_the_first_rule_that_breaks(tmp_path):
    small = [HOME,
             "id: promo, kind: drop, why: promo line, pattern: '(?i)subscribe.*'",
             "id: crumb, kind: strip_prefix, why: breadcrumb, pattern: 'Home › '"]
    big = big_patterns(6, "q")
    line_patterns = ["(?i)subscribe.*"] + big
    sizes = [compile_pattern(p).programsize for p in big]  # each compiles alone ...
    assert sum(sizes) < PACK_PROGRAM_SIZE  # ... the pack-wide cap is not what refuses them ...
    with pytest.raises(ValueError):
        compile_alternation(line_patterns)  # ... but joined they are too large
    path = tmp_path / "joined.yaml"
    path.write_text(flow_rules("joined", small + [f"id: big-{i}, kind: drop, why: big pattern, pattern: '{p}'"
                                                  for i, p in enumerate(big)]))
    message, _ = load_and_check(tmp_path)
    named = int(re.search(r"rule 'big-(\d)'", message or "").group(1))
    assert_refused_and_reported(path, len(small) + named + 5, f"big-{named}", r"field 'pattern'.*too large")
    compile_alternation(line_patterns[:named + 1])  # the patterns before it fit together
    with pytest.raises(ValueError):
        compile_alternation(line_patterns[:named + 2])  # with it they do not


def test_patterns_too_large_together_are_refused(tmp_path):
    big = big_patterns(12, "s")
    path = tmp_path / "heavy.yaml"
    path.write_text(flow_rules("heavy", [f"id: s-{i}, kind: strip_prefix, why: heavy, pattern: '{p}'"
                                         for i, p in enumerate(big)]))
    message, _ = load_and_check(tmp_path)
    named = int(re.search(r"rule 's-(\d+)'", message or "").group(1))
    assert_refused_and_reported(path, named + 5, f"s-{named}", r"too large together")
    sizes = [compile_pattern(p).programsize for p in big[:named + 1]]
    assert sum(sizes[:-1]) <= PACK_PROGRAM_SIZE < sum(sizes)


GOOD = textwrap.dedent("""
    id: good
    description: a valid pack with several patterns
    match: {patterns: ["(?i)demo\\\\s+gazette"]}
    rules:
      - {id: crumb, kind: strip_prefix, why: breadcrumb, pattern: "Home › [A-Z][a-z]+ › "}
      - {id: share, kind: strip_suffix, why: share suffix, pattern: " [|] Share"}
      - {id: promo, kind: drop, why: promo, pattern: "(?i)subscribe (?P<r1>now|today)"}
      - {id: ad, kind: drop, why: ad label, text: Advertisement}
      - {id: more, kind: cut_from, why: trailer, pattern: "More (stories|news)"}
      - {id: rights, kind: extract, field: copyright, why: footer, pattern: "© \\\\d{4} .*"}
      - {id: share-bar, kind: remove_html, why: share widgets, css: "div.share-bar"}
      - {id: related, kind: remove_html, why: related links, xpath: "//p[contains(@class, 'related')]"}
""").lstrip()


def test_valid_pack_with_several_patterns_loads_and_matches(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD)
    cleaner = Cleaner(Settings(rules_dir=tmp_path, detect_language=False))
    record = cleaner.clean("\n\n".join([
        "Home › World › Storm closes schools", "Subscribe today", "Advertisement", f"{LEDE} | Share",
        PARA2, "© 2024 Demo Gazette", "More stories", "Other story headline"]))
    assert record.site == "good"
    assert record.headline == "Storm closes schools"
    assert record.paragraphs == [LEDE, PARA2]
    assert record.copyright == "© 2024 Demo Gazette"
    assert not [f for f in check(tmp_path) if f.level == "error"]


def test_valid_selectors_still_remove_elements(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD)
    cleaner = Cleaner(Settings(rules_dir=tmp_path, detect_language=False, explain=True))
    page = (f"<html><body><article><h1>Storm closes schools</h1><p>{LEDE}</p>"
            "<div class='share-bar'>Share this on every network</div>"
            "<p class='related inline'>Related: an older storm story</p>"
            f"<p>{PARA2}</p><p>© 2024 Demo Gazette</p></article></body></html>")
    removed = {r.rule for r in cleaner.clean(page).removed if r.step == "html-rules"}
    assert removed == {"good/share-bar", "good/related"}
