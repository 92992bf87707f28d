"""Jobs that no input can kill: the real command on a generated hostile corpus. Every input
gives exactly one record, outputs never destroy what they point at, and mistakes on the
command line are one line and exit 2 (issue: fault-isolated ingestion)."""
from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import signal
import stat
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from conftest import command
from corpus import ARTICLE, SENTENCE, make_warc, page, request

COMMAND = command("clean-articles")
ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd: Path | None = None, stdin: bytes | None = None, timeout: int = 300):
    return subprocess.run([COMMAND, *map(str, args)], capture_output=True, cwd=cwd, input=stdin,
                          timeout=timeout)


def records(path: Path) -> list[dict]:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def one_line_error(result) -> str:
    """The command's complaint: exit 2, exactly one line, no traceback."""
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err


# -- per-input isolation --------------------------------------------------------------------

def corrupt_gzip(text: bytes) -> bytes:
    """A gzip file whose deflate data is damaged in the middle (zlib.error when read)."""
    data = bytearray(gzip.compress(text * 50))
    for i in range(40, 60):
        data[i] ^= 0xFF
    return bytes(data)


def hostile(folder: Path) -> dict[str, str]:
    """Bad inputs among good ones; name -> the error type (or 'ok') its record must have."""
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "corrupt.txt.gz").write_bytes(corrupt_gzip(ARTICLE.encode()))
    deep = "[" * 5000 + "]" * 5000
    (folder / "feed.jsonl").write_text(
        f'{{"id": "deep", "text": {deep}}}\n'
        '{"id": "sur\\udc80rogate", "url": "https://a.example/\\udc80", "text": ' + json.dumps(ARTICLE) + "}\n")
    (folder / b"bad\xff.txt".decode("utf-8", "surrogateescape")).write_text(ARTICLE)
    for name in ("story.php?id=5", "index.shtml", "20973355"):
        (folder / name).write_text(ARTICLE)
    return {"good.txt": "ok", "corrupt.txt.gz": "truncated", "feed.jsonl:1": "bad_json", "feed.jsonl:2": "ok",
            "bad\\xff.txt": "ok", "story.php?id=5": "ok", "index.shtml": "ok", "20973355": "ok"}


def outcome(record: dict) -> str:
    return record["error"]["type"] if "error" in record else "ok"


def test_bad_inputs_cost_one_record_each_and_resume_goes_past_them(tmp_path):
    expected = hostile(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    result = run(tmp_path / "in", "-o", out, "-j", "2")
    assert result.returncode == 1, result.stderr.decode()
    raw = out.read_bytes()
    raw.decode("utf-8")  # valid UTF-8 throughout
    got = {r["source"].rsplit("/", 1)[-1]: outcome(r) for r in records(out)}
    assert got == expected
    surrogate = next(r for r in records(out) if r["source"].endswith(":2"))
    assert surrogate["id"] == "sur\\x80rogate" and surrogate["url"] == "https://a.example/\\x80"
    # the same job again with --resume finishes too, and adds nothing
    again = run(tmp_path / "in", "-o", out, "-j", "2", "--resume")
    assert again.returncode == 1 and len(records(out)) == len(expected), again.stderr.decode()


def test_a_file_name_that_is_not_utf8_is_escaped_in_the_record(tmp_path):
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    (tmp_path / name).write_text(ARTICLE)
    result = run(tmp_path / name)
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout.decode("utf-8"))
    assert record["source"].endswith("caf\\xe9.txt") and record["id"] == "caf\\xe9"


def test_the_maintainers_coverage_command_survives_a_corrupt_gzip(tmp_path):
    (tmp_path / "corrupt.txt.gz").write_bytes(corrupt_gzip(ARTICLE.encode()))
    (tmp_path / "good.txt").write_text(ARTICLE)
    result = subprocess.run([command("cleaner-rules"), "coverage", str(tmp_path), "--json"], capture_output=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["documents"] == 2


# -- no vanishing inputs --------------------------------------------------------------------

def test_every_thing_in_a_folder_gets_a_record_and_nothing_blocks(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    os.mkfifo(folder / "fifo")
    os.symlink(folder / "missing.txt", folder / "dangling")
    os.symlink(folder / "loop", folder / "loop")
    os.symlink(folder, folder / "up")  # a link to the folder itself
    os.symlink(folder / "a.txt", folder / "z-link.txt")  # the same file again: read once
    result = run(folder, timeout=60)
    got = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.decode().splitlines())}
    assert set(got) == {"a.txt", "fifo", "dangling", "loop", "up"}, got
    assert "error" not in got["a.txt"]
    assert got["fifo"]["error"]["type"] == "not_a_file" and "FIFO" in got["fifo"]["error"]["message"]
    assert "broken symbolic link" in got["dangling"]["error"]["message"]
    assert "loop" in got["loop"]["error"]["message"] and "loop" in got["up"]["error"]["message"]


def test_a_fifo_named_on_the_command_line_that_nobody_writes_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    result = run(tmp_path / "fifo", timeout=60)
    assert json.loads(result.stdout)["error"]["type"] == "empty"


def test_a_folder_that_cannot_be_listed_gets_a_record(tmp_path, monkeypatch):
    # As root every folder can be listed, so the refusal is injected where the system gives it.
    from cleaner.io import inputs

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(ARTICLE)
    (tmp_path / "closed").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    found = list(inputs.expand([str(tmp_path)]))
    assert [Path(i.source).name for i in found] == ["closed", "a.txt"]
    assert "cannot list the folder: Permission denied" in found[0].error.message


def test_a_file_that_cannot_be_reached_or_opened_gets_a_record(tmp_path, monkeypatch):
    # As root every file can be read, so the system's refusals are injected where it gives them:
    # a file under a folder that cannot be searched (stat fails), one that cannot be opened.
    from cleaner.io import inputs, sources

    for name in ("hidden.txt", "locked.txt", "fine.txt"):
        (tmp_path / name).write_text(ARTICLE)
    real_stat, real_open = os.stat, os.open

    def stat_(path, *args, **kwargs):
        if str(path).endswith("hidden.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    def open_(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(inputs.os, "stat", stat_)
    monkeypatch.setattr(sources.os, "open", open_)
    names = [str(tmp_path / n) for n in ("hidden.txt", "locked.txt", "fine.txt")]
    docs = list(sources.iter_docs(names, sources.Feed()))
    assert [(Path(d.source).name, d.error and d.error.message.rsplit(": ", 1)[-1]) for d in docs] == [
        ("hidden.txt", "Permission denied"), ("locked.txt", "Permission denied"), ("fine.txt", None)]


def test_warc_pages_skipped_and_ids_unique(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    make_warc(warc, [page(1, record_id="<urn:uuid:same>"), page(2, record_id="<urn:uuid:same>"),
                     page(3, record_id=None), page(4, status="404 Not Found"),
                     page(5, status="301 Moved Permanently"), {**page(6), "type": "image/png", "body": b"\x89PNG"},
                     request(7)])
    out = tmp_path / "out.jsonl"
    result = run(warc, "-o", out)
    assert result.returncode == 0, result.stderr.decode()  # skipped pages are no failures
    assert b"read 6, cleaned 3, failed 0, skipped 3" in result.stderr
    got = records(out)
    assert len({r["id"] for r in got}) == len({r["source"] for r in got}) == 6
    assert got[0]["id"] == "urn:uuid:same" and got[1]["id"].startswith("crawl#")
    assert [r.get("skipped", {}).get("type") for r in got[3:]] == ["http_status", "http_status", "not_page"]
    assert "404" in got[3]["skipped"]["message"]


@pytest.mark.parametrize("compress", [bz2.compress, lzma.compress])
def test_warc_compressed_with_bzip2_or_xz(tmp_path, compress):
    plain = tmp_path / "crawl.warc"
    make_warc(plain, [page(1), page(2)])
    packed = tmp_path / "crawl.warc.x"
    packed.write_bytes(compress(plain.read_bytes()))
    plain.unlink()
    result = run(packed)
    got = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["headline"] for r in got] == ["Story 1", "Story 2"], result.stderr.decode()


def test_a_warc_without_pages_gets_one_record(tmp_path):
    make_warc(tmp_path / "requests.warc", [request(1), request(2)])
    result = run(tmp_path / "requests.warc")
    record = json.loads(result.stdout)
    assert record["error"]["type"] == "no_pages" and result.returncode == 1


def test_the_same_input_spelled_twice_is_read_once(tmp_path):
    (tmp_path / "corp").mkdir()
    (tmp_path / "corp" / "a.txt").write_text(ARTICLE)
    result = run("corp", tmp_path / "corp", "./corp/a.txt", cwd=tmp_path)
    assert len(result.stdout.decode().splitlines()) == 1


# -- outputs that never destroy -------------------------------------------------------------

def test_an_output_that_is_a_device_stays_a_device(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a null device of our own
    result = run(ROOT / "seeds", "-o", device)
    assert result.returncode == 0, result.stderr.decode()
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_an_output_through_a_symbolic_link_writes_the_file_it_points_at(tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    (tmp_path / "link.jsonl").symlink_to(target)
    assert run(ROOT / "seeds" / "000_b01d6ed120d16dae.txt", "-o", tmp_path / "link.jsonl").returncode == 0
    assert (tmp_path / "link.jsonl").is_symlink() and records(target)[0]["id"] == "000_b01d6ed120d16dae"


def test_dash_is_standard_output(tmp_path):
    result = run(ROOT / "seeds" / "000_b01d6ed120d16dae.txt", "-o", "-", cwd=tmp_path)
    assert json.loads(result.stdout)["id"] == "000_b01d6ed120d16dae"
    assert not (tmp_path / "-").exists()


def test_an_output_that_is_an_input_is_refused_and_left_alone(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    make_warc(warc, [page(1)])
    before = warc.read_bytes()
    assert "is also an input" in one_line_error(run(warc, "-o", warc))
    assert warc.read_bytes() == before


def test_an_output_inside_an_input_folder_is_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "earlier run"}\n')
    assert run(tmp_path, "-o", out).returncode == 0
    assert [r["id"] for r in records(out)] == ["a"]


def test_errors_equal_to_the_output_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    one_line_error(run(ROOT / "seeds", "-o", out, "--errors", tmp_path / "." / "out.jsonl"))
    assert not out.exists()


def test_an_output_another_job_writes_is_refused(tmp_path):
    import fcntl

    out = tmp_path / "out.jsonl"
    with open(tmp_path / "out.jsonl.lock", "w") as held:
        held.write("4242\n")
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX)
        err = one_line_error(run(ROOT / "seeds", "-o", out))
    assert "another running job" in err and "4242" in err
    assert not out.exists() and not (tmp_path / "out.jsonl.partial").exists()
    assert run(ROOT / "seeds", "-o", out).returncode == 0  # the lock is gone with its holder
    assert not (tmp_path / "out.jsonl.lock").exists()


@pytest.mark.parametrize("output, says", [
    ("missing/out.jsonl", "does not exist"),
    ("{tmp}", "is a folder"),
    ("/proc/cleaner-test.jsonl", "cannot create|not writable"),  # nobody may write there, even root
])
def test_unusable_outputs_are_one_line_and_exit_2(tmp_path, output, says):
    result = run(ROOT / "seeds", "-o", output.format(tmp=tmp_path), cwd=tmp_path)
    err = one_line_error(result)
    assert any(part in err for part in says.split("|")), err


@pytest.mark.parametrize("args, says", [
    (["nothing-here.txt"], "no such input"),
    (["{tmp}/empty"], "holds no file"),
    (["{tmp}/*.nothing"], "holds no file"),
    (["{seeds}", "--resume"], "--resume needs"),
    (["{seeds}", "-o", "/dev/null", "--resume"], "--resume needs an output that is a regular file"),
])
def test_command_line_mistakes_are_one_line_and_exit_2(tmp_path, args, says):
    (tmp_path / "empty").mkdir()
    result = run(*[a.format(tmp=tmp_path, seeds=ROOT / "seeds") for a in args], cwd=tmp_path)
    assert says in one_line_error(result)


def test_version():
    from cleaner import __version__

    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout.decode()


# -- bounded memory -------------------------------------------------------------------------

def _gzip_of_repeats(path: Path, head: bytes, chunk: bytes, times: int, tail: bytes) -> None:
    """A gzip file of ``head + chunk * times + tail``, written without compressing the chunk
    ``times`` times (each compressed copy starts a fresh deflate block)."""
    deflate = zlib.compressobj(1, zlib.DEFLATED, -15)
    packed_chunk = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc, size = zlib.crc32(head), len(head)
    with open(path, "wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
        first = zlib.compressobj(1, zlib.DEFLATED, -15)
        out.write(first.compress(head) + first.flush(zlib.Z_FULL_FLUSH))
        for _ in range(times):
            out.write(packed_chunk)
            crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        last = zlib.compressobj(1, zlib.DEFLATED, -15)
        out.write(last.compress(tail) + last.flush())
        crc, size = zlib.crc32(tail, crc), size + len(tail)
        out.write(crc.to_bytes(4, "little") + (size & 0xFFFFFFFF).to_bytes(4, "little"))


def peak_rss_of(args: list) -> tuple[subprocess.CompletedProcess, int]:
    """Run the command under /usr/bin/time-like accounting: (result, peak RSS in KB of the
    job and its workers)."""
    script = ("import resource, subprocess, sys\n"
              "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
              "sys.stdout.buffer.write(r.stdout); sys.stderr.buffer.write(r.stderr)\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
              "sys.exit(r.returncode)\n")
    import sys

    result = subprocess.run([sys.executable, "-c", script, COMMAND, *map(str, args)], capture_output=True,
                            timeout=600)
    return result, int(result.stderr.decode().strip().splitlines()[-1])


def test_a_two_gigabyte_feed_line_is_refused_in_bounded_memory(tmp_path):
    feed = tmp_path / "feed.jsonl.gz"
    _gzip_of_repeats(feed, b'{"id": "big", "text": "', b"a" * (1 << 20), 2048,
                     b'"}\n' + json.dumps({"id": "after", "text": ARTICLE}).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    result, peak_kb = peak_rss_of([feed, "-o", out, "-j", "1"])
    got = records(out)
    assert [(r["id"], outcome(r)) for r in got] == [("feed:1", "too_large"), ("after", "ok")], result.stderr.decode()
    assert peak_kb < 1_000_000, f"peak RSS {peak_kb} KB"


def test_a_huge_warc_http_header_is_refused_in_bounded_memory(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    make_warc(warc, [page(1)])
    header_line = b"X-Junk: " + b"j" * 300_000_000 + b"\r\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + header_line + b"\r\n<p>x</p>"
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:huge>\r\n"
              b"WARC-Target-URI: https://news.example/huge\r\nContent-Type: application/http; msgtype=response\r\n"
              b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
    with open(warc, "ab") as out:
        out.write(gzip.compress(record, compresslevel=1))
    result, peak_kb = peak_rss_of([warc, "-j", "1"])
    got = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert outcome(got[0]) == "ok" and got[1]["error"]["type"] == "malformed", got
    assert "header" in got[1]["error"]["message"]
    assert peak_kb < 1_000_000, f"peak RSS {peak_kb} KB"


# -- time limits that hold, signals ---------------------------------------------------------

QUADRATIC_PACK = """id: slow
description: a pack whose selector is quadratic in the size of the page
generic: true
rules:
  - id: quadratic
    kind: remove_html
    why: every element compared with every element before it (C code inside lxml)
    xpath: //*[count(preceding::*) = count(following::*) + 100000000]
"""


def test_the_time_limit_holds_with_one_worker_even_in_c_code(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(QUADRATIC_PACK)
    (tmp_path / "in").mkdir()
    cells = "".join(f"<i>{i}</i>" for i in range(60_000))
    (tmp_path / "in" / "a_big.html").write_text(f"<html><body><p>{SENTENCE}</p>{cells}</body></html>")
    (tmp_path / "in" / "b_small.html").write_text(f"<html><body><h1>Small</h1><p>{SENTENCE}</p></body></html>")
    # without the job's own timer the selector runs for many minutes: run() would time out
    result = run(tmp_path / "in", "--rules", tmp_path / "rules", "--max-seconds", "3", "-j", "1", timeout=120)
    got = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.decode().splitlines())}
    assert got["a_big.html"]["error"]["type"] == "timeout", result.stderr.decode()
    assert "error" not in got["b_small.html"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_job_writes_the_summary_and_exits_128_plus_signal(tmp_path, sig):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3000):
        (folder / f"{i:05d}.txt").write_text(ARTICLE.replace("Monday", f"day {i}"))
    out = tmp_path / "out.jsonl"
    job = subprocess.Popen([COMMAND, str(folder), "-o", str(out), "-j", "2"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not (tmp_path / "out.jsonl.partial").exists():
        time.sleep(0.05)
    time.sleep(0.5)
    job.send_signal(sig)
    _, err = job.communicate(timeout=60)
    assert job.returncode == 128 + sig, err.decode()
    assert f"interrupted by {signal.Signals(sig).name}" in err.decode() and "--resume" in err.decode()
    assert "clean-articles: read" in err.decode() and "Traceback" not in err.decode()
    assert not out.exists() and (tmp_path / "out.jsonl.partial").exists()
    assert not (tmp_path / "out.jsonl.lock").exists()
