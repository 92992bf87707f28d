"""Start a site pack from a few dumps of one site: signature strings, recurring lines as
draft drop rules (with counts), a trailer marker guess, and the dumps as seeds with draft
goldens that the golden test refuses until a maintainer has reviewed them."""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import yaml

from ..blocks import split_text
from ..core import Cleaner
from ..goldens import DRAFT_KEY, render
from ..textutil import is_prose

_MIN_SIGNATURE = 12


def _lines(path: Path) -> list[str]:
    return [b.text for b in split_text(path.read_text(encoding="utf-8", errors="replace"))]


def recurring_lines(dumps: list[list[str]]) -> Counter:
    """Lines and how many dumps they appear in (only those in at least two)."""
    counts = Counter(line for lines in dumps for line in set(lines))
    return Counter({line: n for line, n in counts.items() if n >= 2})


def trailer_guess(dumps: list[list[str]], recurring: Counter) -> str | None:
    """The first recurring short line after the last paragraph of running text, in most dumps."""
    votes = Counter()
    for lines in dumps:
        last_prose = max((i for i, line in enumerate(lines) if is_prose(line)), default=-1)
        after = [line for line in lines[last_prose + 1:] if line in recurring and len(line.split()) <= 5]
        if after:
            votes[after[0]] += 1
    return votes.most_common(1)[0][0] if votes else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "line"


def starter_pack(name: str, dumps: list[list[str]]) -> str:
    """The YAML text of a starter pack (rules commented out until reviewed)."""
    recurring = recurring_lines(dumps)
    every = [line for line, n in recurring.items() if n == len(dumps)]
    signatures = sorted((l for l in every if len(l) >= _MIN_SIGNATURE and not is_prose(l)), key=len, reverse=True)[:2]
    trailer = trailer_guess(dumps, recurring)
    head = {"id": name, "description": f"{name}: starter pack written by cleaner-rules new-site; review every rule.",
            "match": {"signatures": signatures or [f"TODO: a string every page of {name} has"]},
            "rules": []}
    if trailer:
        head["rules"].append({"id": "trailer", "kind": "cut_from", "text": trailer,
                              "why": "TODO: guessed trailer marker (first recurring line after the text)",
                              "examples": {"removes": [trailer]}})
    out = [yaml.safe_dump(head, sort_keys=False, allow_unicode=True, width=100).rstrip()]
    out.append("# Lines that recur across the dumps (dumps seen in / total): furniture candidates.")
    out.append("# Uncomment the ones that are furniture, write their `why`, keep the examples.")
    for line, n in recurring.most_common(40):
        if line == trailer or is_prose(line):
            continue
        rule = [{"id": _slug(line), "kind": "drop", "text": line, "why": "TODO", "examples": {"removes": [line]}}]
        block = yaml.safe_dump(rule, sort_keys=False, allow_unicode=True, width=100).rstrip().splitlines()
        out.append(f"# seen in {n}/{len(dumps)}")
        out += [f"#  {l}" for l in block]
    return "\n".join(out) + "\n"


def next_seed_number(seeds: Path) -> int:
    numbers = [int(m.group(1)) for p in seeds.iterdir() if (m := re.match(r"(\d+)_", p.name))]
    return max(numbers, default=-1) + 1


def new_site(name: str, dumps: list[Path], root: Path, cleaner: Cleaner) -> list[Path]:
    """Write rules/<name>.yaml, copy the dumps to seeds/, write draft goldens. Returns the files."""
    rules, seeds, golden = root / "rules", root / "seeds", root / "golden"
    for folder in (rules, seeds, golden):
        folder.mkdir(parents=True, exist_ok=True)
    pack = rules / f"{name}.yaml"
    if pack.exists():
        raise FileExistsError(f"{pack} exists already")
    written = [pack]
    pack.write_text(starter_pack(name, [_lines(d) for d in dumps]), encoding="utf-8")
    number = next_seed_number(seeds)
    for k, dump in enumerate(dumps):
        seed = seeds / f"{number + k:03d}_{name}_{k + 1}{dump.suffix or '.txt'}"
        shutil.copyfile(dump, seed)
        record = cleaner.clean(seed.read_bytes(), doc_id=seed.name.split(".")[0],
                               source=seed.relative_to(root).as_posix()).to_dict()
        draft = json.loads(render(record))
        draft[DRAFT_KEY] = "draft: read every line against the seed, then cleaner-rules goldens --accept"
        target = golden / (seed.name.split(".")[0] + ".json")
        target.write_text(json.dumps(draft, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [seed, target]
    return written
