"""A hostile corpus, generated here (never downloaded): every case gives a record or an error
record within the limits, nothing is resolved or fetched, and memory stays bounded."""
from __future__ import annotations

import gzip
import json
import resource
import subprocess
from pathlib import Path

from conftest import command

import pytest

from cleaner import Cleaner, RulePackError, Settings

ROOT = Path(__file__).resolve().parent.parent
COMMAND = command("clean-articles")
SENTENCE = "The council met on Monday and agreed on the new plan for the harbour, the mayor said."
CLEANER = Cleaner(Settings(detect_language=False))


def ok_or_error(record, *allowed: str):
    data = json.loads(json.dumps(record.to_dict()))
    assert record.ok or record.error.type in allowed, data.get("error")
    return record


def test_deeply_nested_tags():
    page = "<html><body>" + "<div><span>" * 50_000 + f"<p>{SENTENCE}</p>" + "</span></div>" * 50_000
    ok_or_error(CLEANER.clean(page), "no_article", "html")


def test_fifty_megabyte_single_line_is_refused_quickly():
    record = CLEANER.clean(b"x" * 50_000_000)
    assert record.error.type == "too_large" and "20000000" in record.error.message


def test_long_line_under_the_limit_is_cut_to_the_paragraph_limit():
    text = "Headline of the story\n\n" + (SENTENCE + " ") * 40_000
    record = Cleaner(Settings(detect_language=False, explain=True)).clean(text)
    assert len(record.body) <= Settings().max_block_chars
    assert any(r.rule == "max-block-chars" for r in record.removed)


def test_many_blocks_are_cut_to_the_block_limit():
    text = "\n\n".join(f"Line {i} of a very long list" for i in range(30_000))
    record = Cleaner(Settings(detect_language=False, explain=True, max_blocks=1000)).clean(text)
    assert any(r.rule == "max-blocks" for r in record.removed)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><article><p>&lol9;</p><p>%s</p><p>%s</p></article></body></html>""" % (SENTENCE, SENTENCE)


def test_billion_laughs_is_not_expanded():
    record = ok_or_error(CLEANER.clean(BILLION_LAUGHS), "no_article")
    assert "lollollol" not in record.body and len(record.body) < 10_000


def test_page_that_is_all_script():
    page = "<html><head>" + "<script>var a = '<p>not text</p>';</script>" * 5000 + "</head><body><script>x()</script></body></html>"
    record = CLEANER.clean(page)
    assert record.error.type == "no_article"


def test_controls_nul_and_bidi_overrides_are_removed():
    text = f"Head\x00line here\n\n{SENTENCE[:20]}\u202e\u200b{SENTENCE[20:]}\x07 It went on.\x1b"
    record = CLEANER.clean(text.encode("utf-8"))
    assert record.headline == "Headline here"
    for bad in ("\x00", "\u202e", "\u200b", "\x07", "\x1b"):
        assert bad not in record.body


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_boms(encoding):
    text = f"Grève à Paris\n\n{SENTENCE} Les écoles resteront fermées."
    record = CLEANER.clean(text.encode(encoding))
    assert record.headline == "Grève à Paris" and "écoles" in record.body


def test_mojibake_is_repaired():
    text = f"Storm closes schools\n\n{SENTENCE} The school wasnâ€™t open and the cafÃ© closed too."
    record = CLEANER.clean(text)
    assert "wasn’t" in record.body and "café" in record.body


def test_mixed_encodings_in_one_file_give_a_record():
    data = f"Storm closes schools\n\n{SENTENCE} ".encode() + "Grève générale à Paris.".encode("latin-1")
    ok_or_error(CLEANER.clean(data), "encoding")


def test_catastrophic_pattern_in_a_pack_runs_in_linear_time(tmp_path):
    (tmp_path / "p.yaml").write_text("id: p\ndescription: d\ngeneric: true\nrules:\n"
                                     "  - {id: nested, kind: drop, why: nested quantifiers, pattern: '(a+)+$'}\n"
                                     "  - {id: nested2, kind: drop, why: nested, pattern: '(x+x+)+y'}\n")
    cleaner = Cleaner(Settings(rules_dir=tmp_path, detect_language=False))
    record = cleaner.clean("Headline here\n\n" + "a" * 100_000 + "!\n\n" + "x" * 100_000 + "\n\n" + SENTENCE)
    assert SENTENCE in record.body


def test_pattern_that_cannot_run_in_linear_time_is_refused(tmp_path):
    (tmp_path / "p.yaml").write_text("id: p\ndescription: d\ngeneric: true\nrules:\n"
                                     "  - {id: look, kind: drop, why: lookahead, pattern: '(?=a)a+'}\n")
    with pytest.raises(RulePackError, match=r"p\.yaml:5.*look.*pattern.*RE2"):
        Cleaner(Settings(rules_dir=tmp_path))


def test_unsafe_yaml_is_refused(tmp_path):
    (tmp_path / "p.yaml").write_text("!!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(RulePackError, match="not valid YAML"):
        Cleaner(Settings(rules_dir=tmp_path))


def test_hostile_files_through_the_command_with_bounded_memory(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    with gzip.open(corpus / "bomb.txt.gz", "wb", compresslevel=9) as bomb:
        for _ in range(300):
            bomb.write(b"\0" * 1_000_000)  # 300 MB of zeros in ~300 KB
    (corpus / "bad.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nxx")
    (corpus / "garbage.warc.gz").write_bytes(gzip.compress(b"not a warc at all\r\n" * 100))
    (corpus / "laughs.html").write_text(BILLION_LAUGHS)
    (corpus / "nested.html").write_text("<div>" * 100_000)
    (corpus / "good.txt").write_text(f"Storm closes schools\n\n{SENTENCE}")
    out = tmp_path / "out.jsonl"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([COMMAND, str(corpus), "-o", str(out), "-j", "2"], capture_output=True, timeout=300)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    records = {Path(r["source"]).name.split("#")[0]: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) >= {"bomb.txt.gz", "bad.warc", "garbage.warc.gz", "laughs.html", "nested.html", "good.txt"}
    assert records["bomb.txt.gz"]["error"]["type"] == "too_large"
    assert records["bad.warc"]["error"]["type"] == "malformed"
    assert records["garbage.warc.gz"]["error"]["type"] == "truncated"
    assert "error" not in records["good.txt"]
    assert result.returncode == 1
    assert max(peak_kb, before) < 1_500_000, f"peak RSS {peak_kb} KB"


def test_regression_control_characters_inside_html():
    """Found by fuzz/fuzz_clean.py: lxml refuses strings with control characters."""
    page = (ROOT / "seeds" / "005_harbourtimes.html").read_text().replace("Ferry crews", "Ferry\x02 crews\x0b")
    record = CLEANER.clean(page)
    assert record.ok and "Ferry crews" in record.body
