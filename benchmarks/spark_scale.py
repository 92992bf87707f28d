"""Spark's overhead: clean-articles-spark --master local[2] against clean-articles -j 2, same run.

    python benchmarks/spark_scale.py                 # 8,000 documents
    python benchmarks/spark_scale.py --n 2000 --write

Both commands clean the same corpus (half plain files, half in 16 WARC.gz files as a crawl
writes them: Spark's unit of work is a file; text dumps and HTML pages made from the seeds and,
when ../shared/benchmarks is there, public pages), one after the other, twice each, taking turns; documents per second count the whole command
(Spark's JVM and session start included). Peak memory per executor: the largest summed RSS
of one Python worker process of Spark (pyspark's daemon and its forks), sampled every 20 ms;
for clean-articles, of one worker process.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import make_corpus  # noqa: E402
from text_quality import write_section  # noqa: E402


def _command(name: str) -> str:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid -> (parent pid, command line, RSS bytes) of every process."""
    found = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
            cmdline = (status.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            rss = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
            found[int(status.parent.name)] = (int(fields["PPid"]), cmdline, rss)
        except (OSError, KeyError, ValueError):
            continue
    return found


def _descendants(pid: int, table: dict) -> list[int]:
    children, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, (parent, _, _) in table.items() if parent == p]
        children += kids
        todo += kids
    return children


def run(command: list[str], worker_marker: str) -> tuple[float, int]:
    """(seconds, peak RSS of one worker process) of a command; workers are the descendants
    whose command line has ``worker_marker``."""
    started = time.perf_counter()
    job = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while job.poll() is None:
        table = _processes()
        workers = [table[p][2] for p in _descendants(job.pid, table) if worker_marker in table[p][1]]
        peak = max([peak] + workers)
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if job.returncode not in (0, 1):
        raise RuntimeError(f"{command} exited {job.returncode}")
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=8000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="also write the table into RESULTS.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="spark-scale-"))
    try:
        corpus, _, size = make_corpus(work / "corpus", args.n, warcs=16)
        spent = {"clean-articles -j 2": [], "clean-articles-spark --master local[2]": []}
        peaks = {name: 0 for name in spent}
        for k in range(args.rounds):
            out = work / f"out-{k}"
            commands = {
                "clean-articles -j 2": ([_command("clean-articles"), str(corpus), "-o", str(out) + ".jsonl", "-j", "2", "-q"],
                                        "clean-articles"),
                "clean-articles-spark --master local[2]": ([_command("clean-articles-spark"), str(corpus), "-o", str(out),
                                                            "--master", "local[2]", "-q"], "pyspark"),
            }
            for name, (command, marker) in commands.items():
                seconds, peak = run(command, marker)
                spent[name].append(seconds)
                peaks[name] = max(peaks[name], peak)
                print(f"{name}: {seconds:.1f} s", file=sys.stderr, flush=True)
        base = args.n / min(spent["clean-articles -j 2"])
        lines = [f"### Spark's overhead: {args.n} documents ({size / 1e6:.0f} MB), best of {args.rounds}, "
                 "the two taking turns", "",
                 "| command | seconds | docs/s | ratio | peak RSS per worker |", "|---|---:|---:|---:|---:|"]
        for name, times in spent.items():
            best = min(times)
            lines.append(f"| {name} | {best:.1f} | {args.n / best:.0f} | {args.n / best / base:.2f}x | "
                         f"{peaks[name] / 1e6:.0f} MB |")
        text = "\n".join(lines)
        print(text)
        if args.write:
            write_section("spark", text)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
