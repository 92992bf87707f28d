"""cleaner-rules commands, each through its command line, on real files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from cleaner import explain
from cleaner.maint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_f86104903fd60d1c.txt"
FTR_SAMPLES = Path(__file__).resolve().parent / "fixtures" / "ftr"


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_explain_names_rule_and_why():
    result = invoke("explain", SEED)
    assert result.exit_code == 0
    assert "generic/trailer-heading" in result.output and "the article has ended" in result.output
    assert "\x1b[" not in result.output  # plain when not a terminal
    data = json.loads(invoke("explain", SEED, "--json").output)
    statuses = {line["text"][:11]: line["status"] for line in data["lines"]}
    assert statuses["Latest news"] == "removed" and statuses["“There is n"] == "kept"
    assert data["record"]["headline"] == "US says Iran behind violence in Iraq"


def test_explain_from_the_library_html():
    result = explain((ROOT / "seeds" / "005_harbourtimes.html").read_bytes())
    assert {r.rule for r in result.pruned} >= {"harbourtimes/share-bar", "harbourtimes/standfirst"}
    assert any(line.status == "trimmed" and line.rule == "dateline" for line in result.lines)


def test_check_passes_on_the_project_rules():
    result = invoke("check", ROOT / "rules", "--seeds", ROOT / "seeds")
    assert result.exit_code == 0, result.output


def test_check_reports_each_problem_with_file_line_rule(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "id: a\ndescription: d\nmatch: {domains: [example.com]}\nrules:\n"
        "  - id: ok\n    kind: drop\n    why: furniture\n    text: Home\n"
        "  - id: wrong-example\n    kind: drop\n    why: furniture\n    text: Menu\n"
        "    examples: {removes: [Navigation]}\n")
    (tmp_path / "b.yaml").write_text("id: b\ndescription: d\nmatch: {domains: [example.com]}\nrules: []\n")
    (tmp_path / "c.yaml").write_text("id: c\ndescription: d\ngeneric: true\nrules:\n"
                                     "  - {id: slow, kind: drop, why: lookbehind, pattern: '(?<=a)b'}\n")
    result = invoke("check", tmp_path)
    assert result.exit_code == 1
    out = result.output
    assert "a.yaml:9: a/wrong-example: error: a/wrong-example: should act on 'Navigation'" in out
    assert "domain 'example.com' is also claimed by pack 'a'" in out
    assert "c.yaml:5" in out and "slow" in out and "RE2" in out
    assert "a.yaml:5: a/ok: warning: no examples" in out


def test_new_site_then_goldens_review_and_accept(tmp_path):
    root = tmp_path / "project"
    (root / "rules").mkdir(parents=True)
    shutil.copy(ROOT / "rules" / "generic.yaml", root / "rules")
    dumps = []
    for i, seed in enumerate(sorted(ROOT.glob("seeds/00[23]*.txt"))):
        dumps.append(tmp_path / f"dump{i}.txt")
        dumps[-1].write_text(seed.read_text().replace("News On Iran & Its Neighbours", "Example Site Menu Bar"))
    result = invoke("new-site", "example", *dumps, "--root", root)
    assert result.exit_code == 0, result.output
    pack = (root / "rules" / "example.yaml").read_text()
    assert "text: Latest news" in pack and "kind: cut_from" in pack and "signatures" in pack
    assert "the furniture that leaks" in pack
    assert invoke("check", root / "rules").exit_code == 0
    review = invoke("goldens", "--root", root)
    assert review.exit_code == 1 and "draft" in review.output
    ids = [p.stem for p in (root / "golden").glob("*.json")]
    accepted = invoke("goldens", "--root", root, *[x for i in ids for x in ("--accept", i)])
    assert accepted.exit_code == 0
    assert all("_review" not in json.loads(p.read_text()) for p in (root / "golden").glob("*.json"))
    assert invoke("goldens", "--root", root).exit_code == 0


def test_golden_review_shows_a_diff_after_a_rule_change(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "rules", root / "rules")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds")
    (root / "golden").mkdir()
    shutil.copy(ROOT / "golden" / (SEED.stem + ".json"), root / "golden")
    assert invoke("goldens", "--root", root).exit_code == 0
    (root / "rules" / "iranfocus.yaml").unlink()
    result = invoke("goldens", "--root", root)
    assert result.exit_code == 1 and '-  "site": "iranfocus"' in result.output


def test_import_ftr_written_configs(tmp_path):
    config = tmp_path / ".example-news.com.txt"
    config.write_text("title: //h1\nbody: //article\nstrip: //div[@class='ad']\nstrip_id_or_class: promo\n"
                      "strip_image_src: tracking.gif\nstrip: //div[\ntest_url: https://example-news.com/a\n")
    result = invoke("import-ftr", config, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    pack = (tmp_path / "out" / "example-news.com.yaml").read_text()
    assert "domains:\n  - example-news.com" in pack and "//div[@class='ad']" in pack and "tracking.gif" in pack
    assert "# test_url: https://example-news.com/a" in pack and "invalid XPath" in pack
    page = ("<html><head><link rel='canonical' href='https://www.example-news.com/a'></head><body><article>"
            "<div class='ad'>Buy our product now, it is the best product there is today.</div>"
            "<p>The council met on Monday and agreed on the new plan for the harbour, the mayor said.</p>"
            "<p class='promo'>Subscribe for more local news every single morning of the week.</p>"
            "<p>The vote was close, and the opposition asked for a recount on Tuesday evening.</p>"
            "</article></body></html>")
    from cleaner import Cleaner, Settings
    shutil.copy(ROOT / "rules" / "generic.yaml", tmp_path / "out")
    record = Cleaner(Settings(rules_dir=tmp_path / "out", detect_language=False)).clean(page)
    assert record.site == "example-news.com"
    assert "Buy our product" not in record.body and "Subscribe" not in record.body and "recount" in record.body


def test_import_ftr_refuses_a_file_that_is_no_config(tmp_path):
    other = tmp_path / "LICENSE.txt"
    other.write_text("This folder is in the public domain.\n")
    result = invoke("import-ftr", other, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "no ftr-site-config directive" in result.output


def test_import_ftr_all_samples(tmp_path):
    samples = sorted(p for p in FTR_SAMPLES.glob("*.txt") if p.name != "LICENSE.txt")
    assert any(p.name.startswith(".") for p in samples)  # leading dot: the site and its subdomains
    result = invoke("import-ftr", *samples, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.yaml"))) == len(samples) >= 30
    assert invoke("check", tmp_path).exit_code == 0
