"""Quality and speed of the HTML path against trafilatura and readability, in one run.

    python benchmarks/html_quality.py [--limit N] [--write]

On ../shared/benchmarks/scrapinghub (body), wcxb-dev and fundus-dev (body, headline, byline,
date where the answer exists), for cleaner and its peers: trafilatura (default and fast),
readability-lxml, resiliparse's main-content text and jusText (with English stop words, since it
needs a language and the sets mix 15). Scores follow ../shared/benchmarks/metrics.py and its README: byline is the
set of author names split on commas, semicolons, "and", "&"; date is the same calendar day.
Speed: pages per second, one process on one core, parsing included; the systems take turns on
chunks of 20 pages, so that the machine speeding up or slowing down weighs on all alike.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from text_quality import SHARED, metrics, write_section  # noqa: E402
from cleaner import Cleaner, Settings  # noqa: E402

_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.IGNORECASE)


def names(value) -> set[str]:
    if not value:
        return set()
    if isinstance(value, (list, tuple)):
        value = ", ".join(value)
    return {metrics.norm(n).lower() for n in _SPLIT.split(value) if n.strip()}


def load(name: str, limit: int | None) -> list[dict]:
    truth = json.loads((SHARED / name / "ground-truth.json").read_text())
    pages = []
    for page_id in sorted(truth)[:limit]:
        answer = truth[page_id]
        pages.append({"id": page_id, "html": gzip.decompress((SHARED / name / "html" / f"{page_id}.html.gz").read_bytes()),
                      "url": answer.get("url"), "body": answer.get("main_content") or answer.get("articleBody") or "",
                      "title": answer.get("title"), "author": answer.get("author") or answer.get("authors"),
                      "date": answer.get("publish_date")})
    return pages


# Each system returns a dict with "body" and the fields it offers (headline, byline, date);
# a field it does not offer is left out and not scored for it.

def run_cleaner(cleaner):
    def run(page):
        r = cleaner.clean(page["html"], url=page["url"])
        return {"body": r.body, "headline": r.headline, "byline": list(r.byline), "date": r.published}
    return run


def run_trafilatura_meta(page):
    import trafilatura
    doc = trafilatura.bare_extraction(page["html"].decode("utf-8", "replace"), url=page["url"], with_metadata=True)
    if doc is None:
        return {"body": "", "headline": None, "byline": [], "date": None}
    return {"body": doc.text or "", "headline": doc.title, "date": doc.date,
            "byline": doc.author.split("; ") if doc.author else []}


def run_trafilatura_fast(page):
    import trafilatura
    return {"body": trafilatura.extract(page["html"].decode("utf-8", "replace"), url=page["url"], fast=True) or ""}


def run_resiliparse(page):
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree
    tree = HTMLTree.parse_from_bytes(page["html"], detect_encoding(page["html"]))
    return {"body": extract_plain_text(tree, main_content=True, alt_texts=False, links=False,
                                       list_bullets=False, noscript=False)}


def run_justext(page):
    import justext
    try:
        paragraphs = justext.justext(page["html"], justext.get_stoplist("English"))
    except Exception:  # noqa: BLE001 - a peer's failure on a page is an empty answer
        return {"body": ""}
    return {"body": "\n".join(p.text for p in paragraphs if not p.is_boilerplate)}


def run_readability(page):
    import lxml.html
    from readability import Document
    try:
        doc = Document(page["html"].decode("utf-8", "replace"))
        summary = doc.summary()
        return {"body": lxml.html.fromstring(summary).text_content() if summary else "", "headline": doc.short_title()}
    except Exception:  # noqa: BLE001 - a peer's failure on a page is an empty answer
        return {"body": "", "headline": None}


_CHUNK = 20


def run_interleaved(systems, pages) -> list[tuple[list[dict], float]]:
    """Each system's results and seconds, the systems taking turns on chunks of pages, so
    that a machine that slows down or speeds up during the run weighs on all of them alike;
    in one order on even chunks and the reverse on odd ones, so that no system always runs
    right after another on the same pages (what one leaves in shared caches helps the next:
    cleaner's trafilatura stage and trafilatura itself share trafilatura's caches)."""
    results = [[] for _ in systems]
    seconds = [0.0 for _ in systems]
    for n, start in enumerate(range(0, len(pages), _CHUNK)):
        chunk = pages[start:start + _CHUNK]
        order = list(enumerate(systems))
        for k, system in (order if n % 2 == 0 else order[::-1]):
            started = time.perf_counter()
            results[k] += [system(p) for p in chunk]
            seconds[k] += time.perf_counter() - started
    return list(zip(results, seconds))


def score(pages, results: list[dict], seconds: float) -> dict:
    out = {"P": 0.0, "R": 0.0, "F1": 0.0}
    fields = {"headline": [0, 0], "byline": [0, 0], "date": [0, 0]}
    for page, got in zip(pages, results):
        p, r, f = metrics.prf(got["body"], page["body"])
        out["P"] += p; out["R"] += r; out["F1"] += f
        checks = {"headline": ("title", lambda a, b: bool(a) and metrics.same(a, b)),
                  "byline": ("author", lambda a, b: names(a) == names(b)),
                  "date": ("date", lambda a, b: bool(a) and a[:10] == b[:10])}
        for field, (answer, equal) in checks.items():
            if page[answer] and field in got:
                fields[field][0] += equal(got[field], page[answer])
                fields[field][1] += 1
    n = len(pages)
    out = {k: v / n for k, v in out.items()}
    for k, (hit, total) in fields.items():
        out[k] = hit / total if total else None
    out["pages_per_s"] = n / seconds
    return out


def table(name: str, pages: list[dict], systems, speed_rounds: int = 0) -> list[str]:
    lines = [f"### HTML: {name} ({len(pages)} pages)", "",
             "| system | body P | body R | body F1 | headline | byline | date | pages/s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    fmt = lambda v: "-" if v is None else f"{v:.3f}"
    runs = run_interleaved([system for _, system in systems], pages)
    speed = {}
    for (label, _), (results, seconds) in zip(systems, runs):
        s = score(pages, results, seconds)
        speed[label] = s["pages_per_s"]
        lines.append(f"| {label} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {fmt(s['headline'])} | "
                     f"{fmt(s['byline'])} | {fmt(s['date'])} | {s['pages_per_s']:.0f} |")
        print(lines[-1], flush=True)
    ours, peer = speed[systems[0][0]], speed[PEER]
    lines += ["", f"{systems[0][0]}: {ours / peer:.2f}x the pages/s of {PEER} ({ours:.1f} against {peer:.1f}), "
                  "one core, every system taking turns on the same pages in this run" + (
                      f"; the two alone taking turns, {speed_rounds} more passes: {speed_ratios(pages, systems, speed_rounds)}."
                      if speed_rounds else ".")]
    return lines


def speed_ratios(pages: list[dict], systems, rounds: int) -> str:
    """cleaner's pages/s over the peer's, ``rounds`` passes of the two alone taking turns on
    20-page chunks (the speed target's measure, without the other systems' time between
    them: a full garbage collection of the process, 0.1-0.2 s, lands in one or the other)."""
    ours, peer = systems[0][1], dict(systems)[PEER]
    ratios = []
    for _ in range(rounds):
        (_, mine), (_, theirs) = run_interleaved([ours, peer], pages)
        ratios.append(theirs / mine)
    shown = ", ".join(f"{r:.2f}x" for r in ratios)
    return f"{shown} (median {statistics.median(ratios):.2f}x)"


#: the peer whose pages/s the speed target names
PEER = "trafilatura.bare_extraction (with metadata)"


def stage_shares(cleaner, pages) -> str:
    """Where cleaner's time goes on these pages: each stage of ``read_html`` run on its own,
    in its order on one parse (the container walk and its region, trafilatura on that
    region, the container check after it), and the rest of ``clean`` (decoding, the steps,
    the fields) as the remainder."""
    from cleaner.readers import html, html_container, html_meta
    furniture, decision = cleaner.tools["vocabulary"].furniture, cleaner.tools["decision"]
    spent = dict.fromkeys(("parse", "markup (fields)", "page walk and region", "trafilatura fast",
                           "container check", "whole clean"), 0.0)

    def timed(stage, work):
        started = time.perf_counter()
        out = work()
        spent[stage] += time.perf_counter() - started
        return out

    for page in pages:
        text = page["html"].decode("utf-8", "replace")
        tree = timed("parse", lambda: html.parse_html(text))
        timed("markup (fields)", lambda: html_meta.markup(tree, page["url"]))
        lines = timed("page walk and region", lambda: html_container.element_lines(tree, furniture, decision))
        where = timed("page walk and region", lambda: html_container.region(lines, decision))

        def extract():
            chars = html_container.text_chars(lines, where)
            return html._extract_from(tree, where, page["url"], fast=True, page_chars=chars).blocks

        blocks = timed("trafilatura fast", extract)
        timed("container check", lambda: html_container.link_blocks(
            lines, html_container.fill(lines, blocks, decision=decision)[0], decision))
        timed("whole clean", lambda: cleaner.clean(page["html"], url=page["url"]))
    whole = spent.pop("whole clean")
    spent["steps, fields, decoding (the rest)"] = max(whole - sum(spent.values()), 0.0)
    return "Time per stage: " + ", ".join(f"{name} {seconds / whole:.0%}" for name, seconds in spent.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--write", action="store_true", help="write the tables into RESULTS.md")
    parser.add_argument("--speed-rounds", type=int, default=3,
                        help="passes of cleaner and the peer alone, taking turns, for the speed ratio")
    args = parser.parse_args()
    cleaner = Cleaner(Settings())
    systems = [("cleaner", run_cleaner(cleaner)),
               ("cleaner --html-fallback", run_cleaner(Cleaner(Settings(html_fallback=True)))),
               (PEER, run_trafilatura_meta),
               ("trafilatura.extract (fast=True)", run_trafilatura_fast),
               ("readability-lxml", run_readability),
               ("resiliparse (main_content)", run_resiliparse),
               ("jusText (English stop words)", run_justext)]
    out = []
    for name in ("scrapinghub", "wcxb-dev", "fundus-dev"):
        pages = load(name, args.limit)
        out += table(name, pages, systems, args.speed_rounds) + ["", stage_shares(cleaner, pages), ""]
        print(out[-2], flush=True)
    text = "\n".join(out).rstrip()
    print(text)
    if args.write:
        write_section("html", text)


if __name__ == "__main__":
    main()
