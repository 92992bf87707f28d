"""cleaner-rules explain on every kind of input, the element each HTML block came from, and
the self-contained HTML report."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from corpus import ARTICLE, make_warc, page
from cleaner.maint.cli import main

ROOT = Path(__file__).resolve().parent.parent
HTML_SEED = ROOT / "seeds" / "005_harbourtimes.html"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def lines_of(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["lines"]


def test_a_compressed_page(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(HTML_SEED.read_bytes()))
    lines = lines_of(invoke("explain", tmp_path / "page.html.gz", "--json"))
    assert lines[0]["text"] == "Ferry strike ends after pay deal"


def test_one_record_of_a_warc_by_id_or_url_and_the_first_by_default(tmp_path):
    make_warc(tmp_path / "crawl.warc.gz", [page(1), page(2, record_id="<urn:uuid:two>"), page(3)])
    first = json.loads(invoke("explain", tmp_path / "crawl.warc.gz", "--json").output)
    assert first["record"]["headline"] == "Story 1"
    by_id = json.loads(invoke("explain", tmp_path / "crawl.warc.gz", "--id", "urn:uuid:two", "--json").output)
    by_url = json.loads(invoke("explain", tmp_path / "crawl.warc.gz", "--id", "https://news.example/3", "--json").output)
    assert (by_id["record"]["headline"], by_url["record"]["headline"]) == ("Story 2", "Story 3")
    missing = invoke("explain", tmp_path / "crawl.warc.gz", "--id", "nothing")
    assert missing.exit_code == 2 and "no document" in missing.output


def test_one_line_of_a_feed(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "a", "text": "Other\n\nShort."}) + "\n"
                                         + json.dumps({"id": "b", "text": ARTICLE}) + "\n")
    result = json.loads(invoke("explain", tmp_path / "feed.jsonl", "--id", "b", "--json").output)
    assert result["record"]["id"] == "b" and result["record"]["headline"] == "Harbour plan agreed"


def test_html_blocks_name_their_element_and_a_selector():
    lines = lines_of(invoke("explain", HTML_SEED, "--json"))
    credits = next(line for line in lines if line["text"].startswith("(Reporting by"))
    assert credits["element"] == "main > article.story > div.story-body > p"
    assert credits["selector"] == "div.story-body" and credits["status"] == "removed"
    text_dump = lines_of(invoke("explain", ROOT / "seeds" / "003_14e36000ea184500.txt", "--json"))
    assert all(line["element"] is None for line in text_dump)


def test_the_html_report_is_self_contained_and_shows_what_was_removed(tmp_path):
    page_with_markup = HTML_SEED.read_text().replace("Ferry crews", "Ferry <script>alert(1)</script>crews")
    (tmp_path / "in.html").write_text(page_with_markup)
    result = invoke("explain", tmp_path / "in.html", "--html", tmp_path / "report.html")
    assert result.exit_code == 0, result.output
    report = (tmp_path / "report.html").read_text()
    assert "<script" not in report and "http://" not in report and "https://fonts" not in report
    assert "harbourtimes/share-bar" in report  # an element a pack pruned
    assert "generic/credits-line" in report and "rule generic/credits-line" in report  # a block, a field's source
    assert "main &gt; article.story &gt; div.story-body &gt; p" in report
    same = invoke("explain", tmp_path / "in.html", "--html", tmp_path / "in.html")
    assert same.exit_code == 2 and (tmp_path / "in.html").read_text() == page_with_markup
