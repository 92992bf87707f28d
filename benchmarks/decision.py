"""The HTML reader's decision (cleaner/readers/decision.yaml) checked on a fit and a held-back
part of each dev set: every value and each of its neighbours, body F1 per set and part.

Each set's pages are split by page id (CRC32 mod 3): two of three are the fit part, the third
is held back. A neighbour *beats* the chosen value where it has the higher body F1 on the fit
part of every set (a change counts when it helps on every set); the table says for each
neighbour how it does on both parts, and the verdict says whether the held-back part confirms
the chosen value (no neighbour higher there on every set).

    python benchmarks/decision.py            # print the table (about 25 minutes, two processes)
    python benchmarks/decision.py --write    # and write it into RESULTS.md
    python benchmarks/decision.py --only region_share,region_up
"""
from __future__ import annotations

import argparse
import sys
import time
import zlib
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from html_quality import load  # noqa: E402
from text_quality import metrics, write_section  # noqa: E402

from cleaner import Cleaner, Settings  # noqa: E402
from cleaner.readers.decision import Decision  # noqa: E402

SETS = ("scrapinghub", "wcxb-dev", "fundus-dev")
_CLEANER: Cleaner | None = None


def held_back(page_id: str) -> bool:
    """The third of the pages held back from fitting, by page id.

    >>> [held_back(i) for i in ("page-1", "page-2", "page-3")]
    [False, True, False]
    """
    return zlib.crc32(page_id.encode()) % 3 == 0


def _start() -> None:
    global _CLEANER
    _CLEANER = Cleaner(Settings())


def _f1(job: tuple[dict, Decision]) -> float:
    page, decision = job
    _CLEANER.tools["decision"] = decision
    return metrics.prf(_CLEANER.clean(page["html"], url=page["url"]).body, page["body"])[2]


def scores(pool, sets: dict[str, list[dict]], decision: Decision) -> dict[tuple[str, bool], float]:
    """Mean body F1 per (set, held back) for one decision."""
    out = {}
    for name, pages in sets.items():
        f1 = pool.map(_f1, [(p, decision) for p in pages], chunksize=8)
        for part in (False, True):
            values = [f for p, f in zip(pages, f1) if held_back(p["id"]) == part]
            out[(name, part)] = sum(values) / len(values)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the table into benchmarks/RESULTS.md")
    parser.add_argument("--only", help="names of the values to check, comma-separated (default: all)")
    args = parser.parse_args()
    chosen = Decision.load()
    neighbours = Decision.neighbours()
    names = args.only.split(",") if args.only else list(neighbours)
    sets = {name: load(name, None) for name in SETS}
    started = time.perf_counter()
    with Pool(2, initializer=_start) as pool:
        base = scores(pool, sets, chosen)
        rows = []
        for name in names:
            for value in neighbours[name]:
                got = scores(pool, sets, chosen.with_values(**{name: value}))
                delta = {key: got[key] - base[key] for key in got}
                fit_wins = all(delta[(s, False)] > 0 for s in SETS)
                held_wins = all(delta[(s, True)] > 0 for s in SETS)
                rows.append((name, getattr(chosen, name), value, delta, fit_wins, held_wins))
                print(f"{name} {value}: " + " ".join(f"{s[:6]} {delta[(s, False)]:+.4f}/{delta[(s, True)]:+.4f}"
                                                     for s in SETS), flush=True)
    sizes = {s: (sum(not held_back(p["id"]) for p in pages), sum(held_back(p["id"]) for p in pages))
             for s, pages in sets.items()}
    lines = ["### The HTML decision on a fit and a held-back part (benchmarks/decision.py)", "",
             "Body F1 of the chosen values (cleaner/readers/decision.yaml), fit / held-back part of each set ("
             + ", ".join(f"{s}: {a} / {b} pages" for s, (a, b) in sizes.items()) + "):", "",
             "| set | fit | held back |", "|---|---:|---:|"]
    lines += [f"| {s} | {base[(s, False)]:.4f} | {base[(s, True)]:.4f} |" for s in SETS]
    lines += ["", "Each neighbour against the chosen value: change in body F1, fit / held back. A neighbour "
              "that is higher on the fit part of every set would beat the chosen value; the held-back "
              "part says whether that would hold.", "",
              "| value | chosen | neighbour | " + " | ".join(SETS) + " | higher on every set |",
              "|---|---:|---:|" + "---:|" * len(SETS) + "---|"]
    for name, value, other, delta, fit_wins, held_wins in rows:
        verdict = ("fit and held back" if fit_wins and held_wins else "fit only" if fit_wins
                   else "held back only" if held_wins else "no")
        lines.append(f"| {name} | {value} | {other} | "
                     + " | ".join(f"{delta[(s, False)]:+.4f} / {delta[(s, True)]:+.4f}" for s in SETS)
                     + f" | {verdict} |")
    beaten = [f"{n} {o}" for n, _, o, _, fit_wins, held_wins in rows if fit_wins and held_wins]
    lines += ["", ("No neighbour is higher on every set, fit or held back: the chosen values hold."
                   if not any(r[4] or r[5] for r in rows) else
                   "Higher on every set on both parts: " + (", ".join(beaten) or "none") + "."),
              "", f"({len(rows) + 1} runs over {sum(len(p) for p in sets.values())} pages, "
              f"{(time.perf_counter() - started) / 60:.0f} min.)"]
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section("decision", text)


if __name__ == "__main__":
    main()
