"""Ingestion at scale: throughput on 1 and all cores, peak memory, the reading floor, and the
ratio to ``trafilatura --parallel`` (its own command) on the same HTML, in one run.

    python benchmarks/scale.py                 # 20,000 documents (text and HTML, files and a WARC)
    python benchmarks/scale.py --n 4000 --write

The corpus is made from seeds/ and ../shared/benchmarks pages (copied, never modified),
half as plain files and half inside one WARC. Peak memory is the largest summed RSS of the
job's process tree, sampled every 20 ms.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))


def sources() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every distinct page: text seeds, HTML seeds and public HTML, their dumps."""
    from text_quality import make_dumps

    items = [(p.suffix, p.read_bytes()) for p in sorted((ROOT / "seeds").iterdir()) if p.is_file()]
    for name in ("scrapinghub", "wcxb-dev"):
        for page in sorted((SHARED / name / "html").glob("*.html.gz"))[:150]:
            raw = gzip.decompress(page.read_bytes())
            items.append((".html", raw))
            items.append((".txt", make_dumps.html_to_text(raw.decode("utf-8", "replace")).encode()))
    return items


def make_corpus(folder: Path, n: int, warcs: int = 1) -> tuple[Path, Path, int]:
    """n documents: files in folder/in, the rest in ``warcs`` WARC.gz files there (as a crawl
    writes them); also folder/html with the HTML files alone (for trafilatura). Returns (input
    folder, html folder, bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    items = sources()
    files, html = folder / "in", folder / "html"
    files.mkdir(parents=True)
    html.mkdir()
    size = 0
    streams = [open(files / (f"crawl-{k:03d}.warc.gz" if warcs > 1 else "crawl.warc.gz"), "wb") for k in range(warcs)]
    try:
        writers = [WARCWriter(stream, gzip=True) for stream in streams]
        for i in range(n):
            suffix, data = items[i % len(items)]
            size += len(data)
            if suffix == ".html":
                (html / f"{i:06d}.html").write_bytes(data)
            if i % 2 == 0:
                (files / f"{i:06d}{suffix}").write_bytes(data)
                continue
            kind = "text/html" if suffix == ".html" else "text/plain"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
            writer = writers[(i // 2) % warcs]
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                          payload=io.BytesIO(data), http_headers=headers))
    finally:
        for stream in streams:
            stream.close()
    return files, html, size


def tree_rss(pid: int) -> int:
    """Summed resident memory (bytes) of a process and its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmRSS"))) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(command: list[str]) -> tuple[float, int]:
    """(seconds, peak RSS of the process tree) of one command."""
    started = time.perf_counter()
    job = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while job.poll() is None:
        peak = max(peak, tree_rss(job.pid))
        time.sleep(0.02)
    if job.returncode not in (0, 1):
        raise RuntimeError(f"{command} exited {job.returncode}")
    return time.perf_counter() - started, peak


def read_floor(folder: Path) -> float:
    """Seconds to read and decompress every document without cleaning it."""
    from cleaner.io.sources import Feed, iter_docs

    started = time.perf_counter()
    count = sum(1 for _ in iter_docs((str(folder),), Feed()))
    return time.perf_counter() - started, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=2_000, help="the smaller run for the memory comparison")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    command = shutil.which("clean-articles") or "clean-articles"
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files, html, size = make_corpus(tmp / "big", args.n)
        small_files, _, _ = make_corpus(tmp / "small", args.small)
        mb = size / 1e6
        floor, count = read_floor(files)
        rows = []
        for jobs in sorted({1, cores}):
            seconds, peak = measure([command, str(files), "-o", str(tmp / f"out{jobs}.jsonl"), "-j", str(jobs), "-q"])
            rows.append((jobs, seconds, peak))
        small_seconds, small_peak = measure([command, str(small_files), "-o", str(tmp / "small.jsonl"), "-j", str(cores), "-q"])
        n_html = len(list(html.iterdir()))
        html_out = tmp / "html_out.jsonl"
        ours_html, _ = measure([command, str(html), "-o", str(html_out), "-j", str(cores), "-q"])
        traf_out = tmp / "traf"
        traf, _ = measure(["trafilatura", "--input-dir", str(html), "--output-dir", str(traf_out),
                           "--parallel", str(cores)])
    lines = [f"### Scale: {count} documents ({mb:.0f} MB; text and HTML; half as files, half in one WARC.gz)", "",
             "| run | seconds | docs/s | MB/s | peak RSS (MB) |", "|---|---:|---:|---:|---:|",
             f"| reading alone (the floor) | {floor:.1f} | {count / floor:.0f} | {mb / floor:.1f} | - |"]
    for jobs, seconds, peak in rows:
        lines.append(f"| clean-articles -j {jobs} | {seconds:.1f} | {count / seconds:.0f} | {mb / seconds:.1f} | {peak / 1e6:.0f} |")
    lines.append(f"| clean-articles -j {cores}, {args.small} documents | {small_seconds:.1f} | "
                 f"{args.small / small_seconds:.0f} | - | {small_peak / 1e6:.0f} |")
    lines += ["", f"HTML only ({n_html} pages, {cores} cores): clean-articles {n_html / ours_html:.0f} pages/s, "
              f"`trafilatura --parallel {cores}` {n_html / traf:.0f} pages/s: ratio {traf / ours_html:.2f}x.",
              f"{cores} cores vs 1: {rows[0][1] / rows[-1][1]:.2f}x. Peak memory at {count} vs {args.small} "
              f"documents: {rows[-1][2] / small_peak:.2f}x."]
    text = "\n".join(lines)
    print(text)
    if args.write:
        from text_quality import write_section
        write_section("scale", text)


if __name__ == "__main__":
    main()
