"""Wire-story grouping: pairwise precision and recall on generated copies, the time it adds.

    python benchmarks/stories.py                  # every article of wcxb-dev and fundus-dev
    python benchmarks/stories.py --limit 200 --sweep

Each public article (the answer texts of ../shared/benchmarks/wcxb-dev and fundus-dev with
four paragraphs and 150 words or more) becomes a whole-page text dump, and four edited copies
of it, as other sites print an agency story: trimmed to its first half, re-headlined with a
dateline and an agency credit added, a few words changed and a sentence dropped, a local
sentence put before it; each with other site furniture. Every dump is cleaned, then grouped by
``cleaner.stories.StoryIndex`` in input order. A pair of records is a true pair when both come
from one article; different articles are the negatives (the sets hold several stories on one
subject). Time: what grouping adds to cleaning. Memory: resident memory per indexed record.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from text_quality import SHARED, write_section  # noqa: E402

from cleaner import Cleaner, Settings, stories  # noqa: E402

PLACES = ["WASHINGTON", "LONDON", "BERLIN", "NAIROBI", "SYDNEY", "TORONTO", "MUMBAI", "LIMA"]
AGENCIES = ["AP", "Reuters", "AFP", "dpa"]
MENUS = [["Home", "News", "Sport", "Business", "Opinion"], ["Start", "Local", "World", "Weather"],
         ["Menu", "Latest", "Video", "Podcasts", "Subscribe"], ["Top stories", "Politics", "Tech", "Culture"]]


def articles(limit: int | None) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of the public articles long enough to be wire stories."""
    found = []
    for name in ("wcxb-dev", "fundus-dev"):
        truth = json.loads((SHARED / name / "ground-truth.json").read_text())
        for page_id in sorted(truth):
            answer = truth[page_id]
            text = answer.get("main_content") or ""
            paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= 5]
            if len(paragraphs) >= 4 and sum(len(p.split()) for p in paragraphs) >= 150 and answer.get("title"):
                found.append((answer["title"], paragraphs))
    return found[:limit]


def dump(title: str, paragraphs: list[str], chance: random.Random) -> str:
    """A whole-page text dump: a site's menu, the headline, the text, a footer."""
    menu = chance.choice(MENUS)
    site = chance.choice(["Daily Planet", "The Courier", "Harbour Times", "Valley News"])
    lines = [f"{title} | {site}", *menu, title, *paragraphs, "Share this", "Read more",
             f"© 2024 {site}. All rights reserved."]
    return "\n\n".join(lines)


def copies(title: str, paragraphs: list[str], pool: list[str], chance: random.Random) -> list[str]:
    """The article's dump and four edited copies of it (see the module docstring)."""
    half = paragraphs[: max(2, (len(paragraphs) + 1) // 2)]
    place, agency = chance.choice(PLACES), chance.choice(AGENCIES)
    retitled = [f"{place} ({agency}) — {paragraphs[0]}", *paragraphs[1:],
                f"The {agency} news agency contributed to this report."]
    words = " ".join(paragraphs).split()
    edited_words = [chance.choice(pool) if chance.random() < 0.03 else w for w in words]
    edited, k = [], 0
    for p in paragraphs:  # the same paragraphs, a few words changed
        n = len(p.split())
        edited.append(" ".join(edited_words[k:k + n]))
        k += n
    if len(edited) > 3:
        del edited[chance.randrange(2, len(edited))]  # a paragraph dropped
    local = [f"Residents of {chance.choice(PLACES).title()} followed the news closely on {chance.choice(['Monday', 'Friday'])}, "
             "officials there said in a short statement.", *paragraphs[: max(2, 2 * len(paragraphs) // 3)]]
    return [dump(title, paragraphs, chance), dump(title, half, chance),
            dump(f"{title.split(':')[0]}: what we know", retitled, chance),
            dump(title, edited, chance), dump(title, local, chance)]


def pairs(groups: list[str]) -> set[tuple[int, int]]:
    by_group: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        by_group.setdefault(group, []).append(i)
    return {pair for members in by_group.values() for pair in itertools.combinations(members, 2)}


def evaluate(records: list[dict], truth: list[str], window: int | None = None) -> dict:
    index = stories.StoryIndex(window)
    started = time.perf_counter()
    got = [index.add(r) for r in records]
    seconds = time.perf_counter() - started
    predicted, true = pairs(got), pairs(truth)
    hits = len(predicted & true)
    return {"precision": hits / len(predicted) if predicted else 1.0, "recall": hits / len(true) if true else 1.0,
            "seconds": seconds, "false": sorted(predicted - true)[:5]}


def memory_per_record(n: int) -> float:
    """Resident bytes per indexed record, on n records of distinct text."""
    chance = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    index = stories.StoryIndex()
    bodies = [" ".join(chance.choice(vocabulary) for _ in range(160)) for _ in range(2000)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for i in range(n):
        index.add({"id": str(i), "body": bodies[i % len(bodies)] + f" w{i}"})
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024 / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles (each gives five records)")
    parser.add_argument("--sweep", action="store_true", help="also try other thresholds and bands")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    chance = random.Random(2024)
    bases = articles(args.limit)
    pool = [w for _, ps in bases for p in ps[:1] for w in p.split()]
    dumps, truth = [], []
    for k, (title, paragraphs) in enumerate(bases):
        for copy in copies(title, paragraphs, pool, chance):
            dumps.append(copy)
            truth.append(str(k))
    order = list(range(len(dumps)))
    chance.shuffle(order)  # copies arrive mixed among other stories, as in a crawl
    dumps, truth = [dumps[i] for i in order], [truth[i] for i in order]
    cleaner = Cleaner(Settings())
    started = time.perf_counter()
    records = [cleaner.clean(d, doc_id=f"r{i}").to_dict() for i, d in enumerate(dumps)]
    cleaning = time.perf_counter() - started
    seeds = [cleaner.clean(p.read_bytes(), doc_id=p.name[:3]).to_dict() for p in sorted((ROOT / "seeds").glob("00[0-4]*.txt"))]
    index = stories.StoryIndex()
    seed_stories = [index.add(r) for r in seeds]
    result = evaluate(records, truth)
    lines = [f"### Wire-story copies: {len(bases)} articles x 5 dumps = {len(records)} records, shuffled", "",
             f"Fingerprint: the first {stories.LEDE_WORDS} words, {stories.SHINGLE}-word shingles; MinHash "
             f"{stories.PERMUTATIONS} permutations, LSH {stories.BANDS} bands; copies at Jaccard >= {stories.THRESHOLD}.", "",
             "| pairwise precision | pairwise recall | cleaning | grouping | grouping adds | memory per record |",
             "|---:|---:|---:|---:|---:|---:|",
             f"| {result['precision']:.4f} | {result['recall']:.4f} | {cleaning:.1f} s | {result['seconds']:.2f} s | "
             f"{100 * result['seconds'] / cleaning:.1f}% | {(per := memory_per_record(200_000)):.0f} bytes "
             f"({per * 1e6 / 2**20:.0f} MB per million records, measured on 200,000) |", "",
             f"Seeds 000-004: stories {seed_stories} (000 and 001 are one agency story on two sites)."]
    if args.sweep:
        lines += ["", "| threshold | bands | precision | recall |", "|---:|---:|---:|---:|"]
        for threshold, bands in itertools.product((0.2, 0.25, 0.3, 0.35, 0.4), (12, 15, 20, 30)):
            stories.THRESHOLD, stories.BANDS = threshold, bands
            r = evaluate(records, truth)
            lines.append(f"| {threshold} | {bands} | {r['precision']:.4f} | {r['recall']:.4f} |")
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section("stories", text)


if __name__ == "__main__":
    main()
