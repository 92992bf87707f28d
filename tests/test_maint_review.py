"""cleaner-rules goldens says which accepted article paragraphs a change loses, and will not
accept such a golden without being told; coverage works with any project's packs."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from cleaner.maint.cli import main

ROOT = Path(__file__).resolve().parent.parent
TRAILER_PACK = """id: trailer
description: a site whose trailer marker also opens a paragraph of the article
match: {signatures: ["Harbour Gazette"]}
rules:
  - id: more
    kind: cut_from
    why: other stories follow
    pattern: "(?i)in other news.*"
    examples: {removes: ["In other news"], keeps: ["Other news"]}
"""
DUMP = ("Harbour plan agreed\n\nHarbour Gazette\n\n"
        "The council met on Monday and agreed on the new plan for the harbour, the mayor said.\n\n"
        "In other news, the ferry will run again from Tuesday, its operator said after the vote.\n\n"
        "Work on the quay starts in the spring and should end next year, the engineers said.")


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for folder in ("rules", "seeds", "golden"):
        (root / folder).mkdir(parents=True)
    shutil.copy(ROOT / "rules" / "generic.yaml", root / "rules")
    (root / "seeds" / "000_gazette.txt").write_text(DUMP)
    return root


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_a_golden_that_loses_article_text_is_named_and_not_accepted_without_a_flag(tmp_path):
    root = project(tmp_path)
    assert invoke("goldens", "--root", root, "--accept", "000_gazette").exit_code == 0
    accepted = json.loads((root / "golden" / "000_gazette.json").read_text())
    assert any(p.startswith("In other news") for p in accepted["body"])
    # a new pack cuts at a marker that opens an article paragraph: two paragraphs are lost
    (root / "rules" / "trailer.yaml").write_text(TRAILER_PACK)
    review = invoke("goldens", "--root", root)
    assert review.exit_code == 1 and "LOSES 2 paragraph(s)" in review.output
    refused = invoke("goldens", "--root", root, "--accept", "000_gazette")
    assert refused.exit_code == 1 and "not accepted" in refused.output
    assert json.loads((root / "golden" / "000_gazette.json").read_text()) == accepted
    forced = invoke("goldens", "--root", root, "--accept", "000_gazette", "--allow-lost-text")
    assert forced.exit_code == 0 and "accepted" in forced.output


def test_coverage_lists_packs_unmatched_and_survivors_with_the_projects_packs(tmp_path):
    root = project(tmp_path)
    (root / "rules" / "trailer.yaml").write_text(TRAILER_PACK)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "gazette.txt").write_text(DUMP)
    for i in range(3):
        (pages / f"x{i}.txt").write_text(f"Local story number {i} here\n\nThe council met on Monday and agreed on "
                                         f"item {i} of the plan, the mayor said.\n\nWeather today: sunny\n\n"
                                         "The vote was close, and the opposition asked for a recount on Tuesday.")
    data = json.loads(invoke("coverage", pages, "--rules", root / "rules", "--json").output)
    assert data["packs"] == {"trailer": 1} and data["documents"] == 4
    assert sorted(Path(s).name for s in data["no_site_pack"]) == ["x0.txt", "x1.txt", "x2.txt"]
    assert {"line": "Weather today: sunny", "documents": 3} in data["surviving_lines"]


def test_check_warns_about_a_cut_marker_inside_running_text_and_generic_rules_taking_text(tmp_path):
    root = project(tmp_path)
    (root / "rules" / "trailer.yaml").write_text(TRAILER_PACK)
    result = invoke("check", root / "rules", "--seeds", root / "seeds")
    assert result.exit_code == 0, result.output  # warnings only
    assert "trailer/more: warning: cuts 2 paragraph(s) of running text in 000_gazette.txt" in result.output
    (root / "rules" / "trailer.yaml").unlink()
    (root / "rules" / "greedy.yaml").write_text(
        "id: greedy\ndescription: a generic rule that takes article sentences\ngeneric: true\nrules:\n"
        "  - id: mayor\n    kind: drop\n    why: too greedy\n    pattern: '(?i).*the mayor said\\.'\n"
        "    examples: {removes: ['It rained, the mayor said.'], keeps: ['Mayor']}\n")
    result = invoke("check", root / "rules", "--pages", root / "seeds")
    assert "greedy/mayor: warning: removes running text on 1 of 1 pages" in result.output
    quiet = invoke("check", ROOT / "rules", "--seeds", ROOT / "seeds")
    assert "running text" not in quiet.output


def test_new_site_proposes_what_leaks_what_every_dump_shares_and_where_they_all_end(tmp_path):
    root = project(tmp_path)
    dumps = []
    for k, topic in enumerate(("harbour", "ferry", "bridge")):
        text = "\n\n".join([
            f"Story about the {topic} | Valley Sentinel", "Valley Sentinel Online", "Home", "Local",
            f"Story about the {topic}",
            f"The council met on Monday and agreed on the new plan for the {topic}, the mayor said after the vote.",
            "DON'T MISS", "Latest videos",
            f"Work on the {topic} starts in the spring and should end next year, the engineers said on Tuesday.",
            "Most read", f"A headline of the day number {k} for the list", "Another story of the day for the list",
            "© 2024 Valley Sentinel Media"])
        dumps.append(tmp_path / f"d{k}.txt")
        dumps[-1].write_text(text)
    result = invoke("new-site", "sentinel", *dumps, "--root", root)
    assert result.exit_code == 0, result.output
    pack = (root / "rules" / "sentinel.yaml").read_text()
    assert "- © 2024 Valley Sentinel Media" in pack and "- Valley Sentinel Online" in pack
    assert "headline of the day" not in pack.split("rules:")[0]  # no headline is a signature
    assert "text: Most read" in pack  # where every dump ends alike
    assert "# leaks in 3/3" in pack and "DON'T MISS" in pack and "Latest videos" in pack
