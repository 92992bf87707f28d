"""The installed ``clean-articles`` command on real files, in a real process."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import command

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([command("clean-articles"), *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=120)


def test_folder_to_jsonl_file(tmp_path):
    out = tmp_path / "articles.jsonl"
    result = run("seeds/", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    seeds = sorted(p.name.split(".")[0] for p in (ROOT / "seeds").iterdir())
    assert sorted(r["id"] for r in records) == seeds
    assert all(r["body"] and "error" not in r for r in records)


def test_one_file_to_stdout_and_stdin():
    seed = ROOT / "seeds" / "003_14e36000ea184500.txt"
    by_path = json.loads(run(str(seed)).stdout)
    by_stdin = json.loads(run("-", stdin=seed.read_bytes()).stdout)
    assert by_path["headline"] == by_stdin["headline"] == "U.S. says Iran still training Iraqi militias"
    assert by_path["id"] == "003_14e36000ea184500"


def test_bad_inputs_give_error_records_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 20)
    shutil.copy(ROOT / "seeds" / "000_b01d6ed120d16dae.txt", tmp_path / "c_good.txt")
    result = run(str(tmp_path))
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["a_empty", "b_binary", "c_good"]
    assert records[0]["error"]["type"] == "empty" and records[1]["error"]["type"] == "binary"
    assert "error" not in records[2]
    assert result.returncode == 1


def test_bad_rule_pack_stops_before_any_input(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: bad\ndescription: d\ngeneric: true\nrules:\n  - id: x\n    kind: drop\n")
    result = run("seeds/", "--rules", str(tmp_path))
    assert result.returncode == 2
    assert b"bad.yaml" in result.stderr and result.stdout == b""


def test_explain_flag_adds_removals():
    record = json.loads(run("seeds/002_f86104903fd60d1c.txt", "--explain").stdout)
    assert any(r["rule"] == "iranfocus/breadcrumb" for r in record["removed"])
