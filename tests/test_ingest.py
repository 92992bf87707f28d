"""Ingestion jobs through the real command: every input format, all cores, and no lost
record under bad files, kills and crashed workers (real processes, real files)."""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from conftest import command

from cleaner.io.sinks import JsonlSink, plan

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file())
COMMAND = command("clean-articles")


def run(*args, stdin: bytes | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *map(str, args)], input=stdin, capture_output=True, timeout=timeout)


def records(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def make_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    """A real WARC (gzip per record) with one response record per (url, body, content type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=str(path).endswith(".gz"))
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_every_input_format_in_one_run(tmp_path):
    seed_text = SEEDS[3].read_bytes()
    seed_html = (ROOT / "seeds" / "005_harbourtimes.html").read_bytes()
    (tmp_path / "plain.txt").write_bytes(seed_text)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(seed_html))
    feed = [{"id": "feed-1", "url": "https://www.iranfocus.com/a", "text": seed_text.decode()},
            {"id": "feed-2", "html": seed_html.decode()}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in feed) + "\n")
    make_warc(tmp_path / "crawl.warc.gz", [("https://www.harbourtimes.example/x", seed_html, "text/html; charset=utf-8"),
                                           ("https://example.org/logo.png", b"\x89PNG....", "image/png")])
    out = tmp_path / "out.jsonl"
    result = run(tmp_path / "plain.txt", tmp_path / "page.html.gz", tmp_path / "feed.jsonl",
                 str(tmp_path / "*.warc.gz"), "-o", out, "-j", "2")
    got = records(out)
    assert len(got) == 6, result.stderr.decode()
    by_source = {r["source"].split("/")[-1]: r for r in got}
    assert by_source["plain.txt"]["headline"] == by_source["feed.jsonl:1"]["headline"]
    assert by_source["feed.jsonl:1"]["id"] == "feed-1" and by_source["feed.jsonl:1"]["site"] == "iranfocus"
    assert by_source["page.html.gz"]["headline"] == by_source["feed.jsonl:2"]["headline"] == "Ferry strike ends after pay deal"
    warc = [r for r in got if "#" in r["source"]]
    assert warc[0]["url"] == "https://www.harbourtimes.example/x" and warc[0]["id"].startswith("urn:uuid:")
    assert warc[1]["skipped"]["type"] == "not_page"
    assert result.returncode == 0  # the image is skipped (no page), not a failed input


def test_order_is_input_order_with_several_workers(tmp_path):
    for i in range(40):
        shutil.copy(SEEDS[i % len(SEEDS)], tmp_path / f"{i:03d}{SEEDS[i % len(SEEDS)].suffix}")
    out = tmp_path / "out.jsonl"
    assert run(tmp_path, "-o", out, "-j", "2").returncode == 0
    assert [r["id"] for r in records(out)] == [f"{i:03d}" for i in range(40)]


def hostile_corpus(folder: Path) -> int:
    """Bad files mixed among good ones; returns how many records the run must give."""
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(os.urandom(4096))
    (folder / "truncated.txt.gz").write_bytes(gzip.compress(SEEDS[0].read_bytes() * 20)[:300])
    (folder / "latin1.txt").write_bytes("Grève générale\n\nLes syndicats ont appelé à une grève générale "
                                        "mardi, et les écoles resteront fermées toute la journée.".encode("latin-1"))
    (folder / "huge.txt").write_bytes(b"word " * 4_200_000 + b"\n")  # 21 MB: over the 20 MB limit
    (folder / "nested.html").write_text("<html><body>" + "<div>" * 20000 + "<p>deep</p>" + "</div>" * 20000)
    (folder / "oneline.txt").write_text("x" * 3_000_000)
    make_warc(folder / "good.warc", [("https://example.org/a", SEEDS[1].read_bytes(), "text/plain")])
    warc = folder / "cut.warc.gz"
    make_warc(warc, [(f"https://example.org/{i}", SEEDS[i % 5].read_bytes(), "text/plain") for i in range(3)])
    warc.write_bytes(warc.read_bytes()[:-200])
    (folder / "feed.jsonl").write_text('{"id": "ok", "text": "Headline\\n\\nA full sentence of article text, long enough."}\n'
                                       "{not json\n" '{"id": "nofield"}\n')
    return len(SEEDS) + 7 + 1 + 3 + 3  # seeds, 7 single files, good.warc, cut.warc (2 + error), feed


def test_no_record_is_lost_on_bad_files(tmp_path):
    expected = hostile_corpus(tmp_path / "in")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = run(tmp_path / "in", "-o", out, "--errors", errors, "-j", "2")
    good, bad = records(out), records(errors)
    assert len(good) + len(bad) == expected, result.stderr.decode()
    assert all("error" in r for r in bad) and not any("error" in r for r in good)
    kinds = {Path(r["source"]).name.split("#")[0]: r["error"]["type"] for r in bad}
    assert kinds["empty.txt"] == "empty" and kinds["binary.txt"] == "binary"
    assert kinds["truncated.txt.gz"] == "truncated" and kinds["huge.txt"] == "too_large"
    assert kinds["cut.warc.gz"] == "truncated" and "feed.jsonl:2" in kinds
    assert result.returncode == 1
    alone = tmp_path / "alone.jsonl"
    run(*[tmp_path / "in" / s.name for s in SEEDS], "-o", alone)
    clean_run = {r["id"]: r for r in records(alone)}
    for record in good:
        if record["id"] in clean_run:
            assert record | {"source": None} == clean_run[record["id"]] | {"source": None}


def _workers_of(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (zombies excluded)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid) and not fields.get("State", "").startswith("Z"):
            found.append(int(status.parent.name))
    return found


def big_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        shutil.copy(SEEDS[i % 5], folder / f"{i:05d}.txt")


@pytest.mark.parametrize("sig, name", [(signal.SIGTERM, "out.jsonl.gz"), (signal.SIGKILL, "out.jsonl")])
def test_killed_job_leaves_no_output_and_resume_completes_it(tmp_path, sig, name):
    total = 4000
    big_corpus(tmp_path / "in", total)
    out = tmp_path / name
    partial = tmp_path / (name + ".partial")
    job = subprocess.Popen([COMMAND, str(tmp_path / "in"), "-o", str(out), "-j", "2", "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not partial.exists():
        time.sleep(0.02)
    time.sleep(1.0)
    job.send_signal(sig)
    job.wait(timeout=60)
    assert job.returncode != 0, "the job finished before it could be killed"
    assert not out.exists() and partial.exists()
    time.sleep(0.5)
    assert not _workers_of(job.pid), "worker processes outlived the job"
    result = run(tmp_path / "in", "-o", out, "-j", "2", "--resume")
    assert result.returncode == 0, result.stderr.decode()
    sources = [r["source"] for r in records(out)]
    assert len(sources) == len(set(sources)) == total
    assert not partial.exists()


def test_killed_worker_loses_no_record(tmp_path):
    big_corpus(tmp_path / "in", 800)
    out = tmp_path / "out.jsonl"
    job = subprocess.Popen([COMMAND, str(tmp_path / "in"), "-o", str(out), "-j", "2", "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed = False
    deadline = time.time() + 120
    while not killed and time.time() < deadline and job.poll() is None:
        children = Path(f"/proc/{job.pid}/task/{job.pid}/children")
        pids = children.read_text().split() if children.exists() else []
        if pids:
            time.sleep(0.5)
            os.kill(int(pids[0]), signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    job.wait(timeout=300)
    assert killed
    got = records(out)
    assert sorted(r["id"] for r in got) == [f"{i:05d}" for i in range(800)]
    assert sum("error" in r for r in got) <= 1


def test_time_limit_per_document_in_python_code():
    """A step that never ends is stopped by the document timer (SIGALRM, between bytecodes);
    stuck C code is stopped by the job: tests/test_job_safety.py."""
    from cleaner import Cleaner, Settings

    cleaner = Cleaner(Settings(max_seconds=1, detect_language=False))
    cleaner.steps = cleaner.steps + (("forever", lambda draft, ctx: time.sleep(3600)),)
    record = cleaner.clean(SEEDS[0].read_bytes())
    assert record.error.type == "timeout"


def test_stdin_feed_and_summary(tmp_path):
    feed = b'{"id": "x1", "text": "Storm hits coast\\n\\nA storm hit the coast on Monday, officials said, closing roads."}\n'
    result = run("-", stdin=feed)
    assert json.loads(result.stdout)["id"] == "x1"
    assert b"read 1, cleaned 1, failed 0" in result.stderr


def test_resume_needs_an_output_file():
    assert run("seeds/", "--resume").returncode == 2


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_resume_interrupted_while_resuming_keeps_every_record_once(tmp_path, name):
    # a first run killed (out.partial), then a resume killed while copying: it had moved the
    # partial file aside (.earlier.1) and copied part of it into a new partial
    out = tmp_path / name
    lines = [json.dumps({"id": f"d{i}", "source": f"in/d{i}.txt", "body": "x"}) + "\n" for i in range(6)]
    opener = gzip.open if name.endswith(".gz") else open
    with opener(tmp_path / (name + ".partial.earlier.1"), "wt") as stream:
        stream.write("".join(lines[:4]) + '{"id": "d4", "sou')  # cut off mid-record by the kill
    with opener(tmp_path / (name + ".partial"), "wt") as stream:
        stream.write("".join(lines[:2]) + lines[5])  # the copy, then one new record
    sink = JsonlSink(plan(str(out)), resume=True)
    assert sink.done == {"in/d0.txt", "in/d1.txt", "in/d2.txt", "in/d3.txt", "in/d5.txt"}
    sink.write({"id": "d4", "source": "in/d4.txt", "body": "x"})
    sink.commit()
    assert sorted(r["id"] for r in records(out)) == [f"d{i}" for i in range(6)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
