"""Quality and speed of the text-dump path, against named peers measured in the same run.

    python benchmarks/text_quality.py                 # wcxb-dev dumps, all pages
    python benchmarks/text_quality.py --set scrapinghub --limit 100

Dumps are made from the public pages with ../shared/benchmarks/make_dumps.py (whole-page text,
furniture kept). cleaner runs with its generic pack only: no site pack names these pages.
Peers: keeping every line; jusText on the lines; trafilatura with each line as a paragraph.
Scores use ../shared/benchmarks/metrics.py's definitions. Speed: documents per second on the
seed dumps (one core, language detection on), as a ratio to trafilatura on the same dumps.
"""
from __future__ import annotations

import argparse
import gzip
import html
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner, Settings  # noqa: E402


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


metrics = _load("metrics", SHARED / "metrics.py")
make_dumps = _load("make_dumps", SHARED / "make_dumps.py")


def load_set(name: str, limit: int | None) -> list[dict]:
    """[{id, dump, body, title}] for one benchmark set."""
    truth = json.loads((SHARED / name / "ground-truth.json").read_text())
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((SHARED / name / "html" / f"{page_id}.html.gz").read_bytes())
        answer = truth[page_id]
        pages.append({"id": page_id, "dump": make_dumps.html_to_text(raw.decode("utf-8", "replace")),
                      "body": answer.get("main_content") or answer.get("articleBody") or "",
                      "title": answer.get("title")})
    return pages


def lines_as_html(dump: str) -> str:
    return "<html><body>" + "".join(f"<p>{html.escape(l)}</p>" for l in dump.split("\n\n")) + "</body></html>"


def peer_trafilatura(dump: str) -> tuple[str, None]:
    import trafilatura
    return trafilatura.extract(lines_as_html(dump)) or "", None


def peer_justext(dump: str) -> tuple[str, None]:
    import justext
    paragraphs = justext.justext(lines_as_html(dump), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate), None


def peer_everything(dump: str) -> tuple[str, None]:
    return dump, None


def make_cleaner_system(cleaner: Cleaner):
    def run(dump: str) -> tuple[str, str | None]:
        record = cleaner.clean(dump)
        return record.body, record.headline
    return run


def score(system, pages: list[dict]) -> dict:
    p = r = f = 0.0
    headline_hits = headline_total = 0
    started = time.perf_counter()
    for page in pages:
        body, headline = system(page["dump"])
        pp, rr, ff = metrics.prf(body, page["body"])
        p, r, f = p + pp, r + rr, f + ff
        if page["title"]:
            headline_total += 1
            headline_hits += bool(headline) and metrics.same(headline, page["title"])
    seconds = time.perf_counter() - started
    n = len(pages)
    return {"P": p / n, "R": r / n, "F1": f / n,
            "headline": headline_hits / headline_total if headline_total else None,
            "docs_per_s": n / seconds}


def per_text_memos() -> list:
    """Every per-text memo of cleaner's modules: the functions with a bounded ``lru_cache`` of
    1,024 entries or more (the small or unbounded ones hold what is loaded once per process:
    vocabularies, schemas, the rule packs' compiled programs)."""
    memos = []
    for name, module in list(sys.modules.items()):
        if name == "cleaner" or name.startswith("cleaner."):
            for value in vars(module).values():
                info = getattr(value, "cache_info", None)
                if info is not None and (info().maxsize or 0) >= 1024 and value not in memos:
                    memos.append(value)
    return memos


def cold(system, cleaner: Cleaner | None = None):
    """The system with cleaner's per-text memos emptied before every document (and the
    language detector's memo of words, ``cleaner``'s), so that repeating the same few seeds
    does not make them look cheaper than new documents."""
    memos = per_text_memos()
    detector = cleaner.tools.get("language") if cleaner is not None else None
    forget = detector.clear_memo if detector is not None else None

    def run(dump):
        for memo in memos:
            memo.cache_clear()
        if forget is not None:
            forget()
        return system(dump)
    return run


def speed_on_seeds(cleaner: Cleaner, repeat: int) -> dict:
    """Documents per second on seed-sized dumps, cleaner (memos emptied for every document)
    vs trafilatura (one core), after one pass of each over the seeds (what is compiled once
    per process). The two take turns, one pass over the seeds each, so that a drift in the
    machine's speed during the run falls on both alike."""
    dumps = [p.read_text() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    systems = (("cleaner", cold(make_cleaner_system(cleaner), cleaner)), ("trafilatura", peer_trafilatura))
    for _, system in systems:  # what each loads or compiles once per process is no document's cost
        for dump in dumps:
            system(dump)
    spent = {name: 0.0 for name, _ in systems}
    for _ in range(repeat):
        for name, system in systems:
            started = time.perf_counter()
            for dump in dumps:
                system(dump)
            spent[name] += time.perf_counter() - started
    return {name: len(dumps) * repeat / seconds for name, seconds in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="wcxb-dev", choices=["wcxb-dev", "scrapinghub"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=200, help="seed repetitions for the speed run")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--write", action="store_true", help="also write the table into RESULTS.md")
    args = parser.parse_args()
    pages = load_set(args.set, args.limit)
    cleaner = Cleaner(Settings(rules_dir=None))
    systems = [("cleaner (generic rules + heuristics)", make_cleaner_system(cleaner))]
    if not args.no_peers:
        systems += [("keep every line", peer_everything), ("jusText (lines as <p>)", peer_justext),
                    ("trafilatura (lines as <p>)", peer_trafilatura)]
    lines = [f"### Text dumps of {args.set} ({len(pages)} pages), generic path (no site pack names them)", "",
             "| system | body P | body R | body F1 | headline | docs/s |", "|---|---:|---:|---:|---:|---:|"]
    for name, system in systems:
        s = score(system, pages)
        headline = f"{s['headline']:.3f}" if name.startswith("cleaner") and s["headline"] is not None else "-"
        lines.append(f"| {name} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {headline} | {s['docs_per_s']:.0f} |")
        print(lines[-1], flush=True)
    speed = speed_on_seeds(cleaner, args.repeat)
    lines += ["", f"Seed-sized dumps ({args.repeat} x the {len(list((ROOT / 'seeds').glob('*.txt')))} text seeds), "
              f"one core, language detection on, memos emptied per document, the two taking turns: cleaner {speed['cleaner']:.0f} docs/s, trafilatura "
              f"{speed['trafilatura']:.0f} docs/s: ratio {speed['cleaner'] / speed['trafilatura']:.2f}x."]
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section(f"text-{args.set}", text)


def write_section(name: str, text: str) -> None:
    """Replace (or append) the section between ``<!-- name -->`` markers in RESULTS.md."""
    path = ROOT / "benchmarks" / "RESULTS.md"
    current = path.read_text() if path.exists() else "# Benchmark results\n"
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text}\n{end}"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        current = before + block + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(current)


if __name__ == "__main__":
    main()
