"""Wire-story copies: the seeds' two copies of one agency story share a story, different
stories on one subject do not; the command gives the same stories with any --jobs and after
--resume."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import command

from cleaner import Cleaner, Settings
from cleaner.stories import StoryIndex, shingles

ROOT = Path(__file__).resolve().parent.parent
TEXT_SEEDS = sorted((ROOT / "seeds").glob("00[0-4]_*.txt"))
CLEANER = Cleaner(Settings())


def seed_records() -> list[dict]:
    return [CLEANER.clean(p.read_bytes(), doc_id=p.name[:3]).to_dict() for p in TEXT_SEEDS]


def test_the_seeds_two_copies_share_a_story_and_the_same_subject_does_not():
    index = StoryIndex()
    # 000 and 001: one agency story on two sites; 002-004: other stories on Iran and Iraq
    assert [index.add(r) for r in seed_records()] == ["000", "000", "002", "003", "004"]


def test_edited_copies_are_grouped_and_others_are_not():
    original = seed_records()[2]
    paragraphs = original["body"].split("\n\n")
    trimmed = {"id": "trimmed", "body": "\n\n".join(paragraphs[: len(paragraphs) // 2])}
    credited = {"id": "credited", "body": "LONDON (AP) — " + original["body"] + "\n\nThe AP contributed to this report."}
    words = original["body"].split()
    edited = {"id": "edited", "body": " ".join("said" if i % 30 == 7 else w for i, w in enumerate(words))}
    other = seed_records()[3]
    index = StoryIndex()
    stories = [index.add(r) for r in (original, other, trimmed, credited, edited)]
    assert stories == ["002", "003", "002", "002", "002"]


def test_records_without_text_are_their_own_story():
    index = StoryIndex()
    assert index.add({"id": "e", "error": {"type": "empty"}, "body": ""}) == "e"
    assert index.add({"id": "short", "body": "Too short to tell."}) == "short"
    assert len(shingles("Too short to tell.")) < 8


def test_a_window_forgets_older_records():
    a, _, c, d, _ = seed_records()
    index = StoryIndex(window=2)
    assert [index.add(r) for r in (a, c, d, {**seed_records()[1], "id": "001"})] == ["000", "002", "003", "001"]


def stories_of(out: Path) -> dict[str, str]:
    return {Path(r["source"]).name: r["story"] for r in map(json.loads, out.read_text().splitlines())}


def test_the_command_gives_the_same_stories_with_any_jobs_and_after_resume(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(3):
        for seed in TEXT_SEEDS:
            shutil.copy(seed, folder / f"{k}-{seed.name}")
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.jsonl"
        result = subprocess.run([command("clean-articles"), str(folder), "-o", str(out), "-j", jobs, "--stories"],
                                capture_output=True, timeout=300)
        assert result.returncode == 0, result.stderr.decode()
        runs[jobs] = stories_of(out)
    assert runs["1"] == runs["2"]
    # every copy of a seed (the same text) and both wire copies join the first record's story
    first = {seed.name[:3]: runs["1"][f"0-{seed.name}"] for seed in TEXT_SEEDS}
    assert first["000"] == first["001"] and len(set(first.values())) == 4
    assert all(runs["1"][f"{k}-{seed.name}"] == first[seed.name[:3]] for k in range(3) for seed in TEXT_SEEDS)
    # a run killed after some records, then resumed: the same stories
    out = tmp_path / "out-resumed.jsonl"
    lines = (tmp_path / "out-1.jsonl").read_text().splitlines(keepends=True)
    (tmp_path / "out-resumed.jsonl.partial").write_text("".join(lines[:6]))
    result = subprocess.run([command("clean-articles"), str(folder), "-o", str(out), "--resume", "--stories"],
                            capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert stories_of(out) == runs["1"]
