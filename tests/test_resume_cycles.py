"""Kill and resume, twenty times over: a corpus with repeated and missing WARC record ids,
named by two spellings of its paths, loses and duplicates nothing."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from pathlib import Path

from conftest import command
from corpus import ARTICLE, make_warc, page

COMMAND = command("clean-articles")


def corpus(root: Path) -> int:
    """The inputs under ``root/corp``; returns how many records a complete run gives."""
    folder = root / "corp"
    folder.mkdir()
    pages = [page(i, record_id="<urn:uuid:repeated>" if i % 3 == 0 else None if i % 3 == 1 else f"<urn:uuid:{i}>")
             for i in range(60)]
    make_warc(folder / "crawl.warc.gz", pages)
    for i in range(400):
        (folder / f"{i:04d}.txt").write_text(ARTICLE.replace("Monday", f"day {i}"))
    (folder / "feed.jsonl").write_text("".join(json.dumps({"text": ARTICLE + f" Line {i}."}) + "\n" for i in range(60)))
    return 60 + 400 + 60


def test_twenty_kills_and_resumes_lose_and_duplicate_nothing(tmp_path):
    expected = corpus(tmp_path)
    out = tmp_path / "out.jsonl.gz"
    spellings = (["corp"], [str(tmp_path / "corp")], ["corp/crawl.warc.gz", "./corp"])
    chance = random.Random(12)
    kills = 0
    for cycle in range(20):
        args = [COMMAND, *spellings[cycle % len(spellings)], "-o", str(out), "-j", "2", "-q", "--resume"]
        job = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(chance.uniform(0.3, 1.5))
        job.send_signal(signal.SIGKILL if cycle % 2 else signal.SIGTERM)
        job.wait(timeout=60)
        kills += job.returncode in (-signal.SIGKILL, -signal.SIGTERM, 128 + signal.SIGTERM)
        assert job.returncode in (-signal.SIGKILL, -signal.SIGTERM, 128 + signal.SIGTERM, 0), job.stderr.read().decode()
    final = subprocess.run([COMMAND, "corp", "-o", str(out), "-j", "2", "--resume"], cwd=tmp_path,
                           capture_output=True, timeout=300)
    assert final.returncode == 0, final.stderr.decode()
    import gzip

    got = [json.loads(line) for line in gzip.decompress(out.read_bytes()).decode().splitlines()]
    sources = [r["source"] for r in got]
    assert len(sources) == len(set(sources)) == expected
    assert len({r["id"] for r in got}) == expected  # WARC ids made unique
    assert kills >= 10, "most cycles must have been cut short to test anything"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corp", "out.jsonl.gz"]
