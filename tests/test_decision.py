"""The HTML reader's decision as data (cleaner/readers/decision.yaml): read and validated, a
broken file named, and each value doing what its name says."""
from __future__ import annotations

import re

import lxml.html
import pytest

from cleaner import Cleaner, Settings
from cleaner.errors import RulePackError
from cleaner.readers import html_container
from cleaner.readers.decision import FILE, Decision

PAGE = ("<html><body><ul><li><a>Home</a></li><li><a>Sport</a></li></ul><main><div class=story>"
        "<p>The council voted on Tuesday to close the old bridge after a long debate.</p>"
        "<p>Work starts in May and lasts a year, the mayor said in a statement on Tuesday.</p></div>"
        "<div class=box><p>Other news of the day, in a box beside the article on every page.</p></div></main>"
        "<div class=foot><p>All rights reserved by the publisher of this fine newspaper.</p></div></body></html>")


def test_every_value_has_a_reason_and_neighbours_unlike_itself():
    decision = Decision.load()
    for name, neighbours in Decision.neighbours().items():
        assert getattr(decision, name) not in neighbours, name


def test_a_broken_decision_file_is_named(tmp_path):
    broken = tmp_path / "decision.yaml"
    broken.write_text(FILE.read_text().replace("value: 0.95", "value: 1.95"))
    with pytest.raises(RulePackError, match=r"decision\.yaml.*region_share"):
        Decision.load(broken)
    broken.write_text("decision: [")
    with pytest.raises(RulePackError, match="cannot read the decision"):
        Decision.load(broken)


def test_the_region_follows_the_decision():
    lines = html_container.element_lines(lxml.html.fromstring(PAGE), re.compile("(?!)"))
    decision = Decision.load()
    # the story holds 30 of the page's 54 words of text (56%), its <main> 44 (81%)
    assert html_container.region(lines, decision.with_values(region_share=0.5, region_up=0)).get("class") == "story"
    assert html_container.region(lines, decision.with_values(region_share=0.5, region_up=1)).tag == "main"
    assert html_container.region(lines, decision.with_values(region_share=0.75, region_up=0)).tag == "main"
    assert html_container.region(lines, decision.with_values(region_share=0.95)) is None


def test_the_cleaner_reads_with_the_files_decision():
    assert Cleaner(Settings(detect_language=False)).tools["decision"] == Decision.load()
