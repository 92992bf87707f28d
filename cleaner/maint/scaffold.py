"""Start a site pack from a few dumps of one site: signatures from what every dump shares
above and below its text, a trailer marker where every dump ends alike, the lines that leak
into the cleaned bodies as draft drop rules (most common first), and the dumps as seeds with
draft goldens that the golden test refuses until a maintainer has reviewed them.

Nothing is written until every target is known: ``plan`` checks the name (a pack id, as the
schema says), that every target resolves inside the project and that none exists yet;
``write`` then reads the dumps, validates the starter pack and writes.
"""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..blocks import split_text
from ..core import Cleaner
from ..goldens import DRAFT_KEY, GOLDEN, RULES, SEED_SUFFIXES, SEEDS, golden_path, render, seed_id
from ..rulepack import parse_pack
from ..textutil import is_prose
from .check import pack_files

_SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "rulepack.schema.json"

_MIN_SIGNATURE = 12


def recurring_lines(dumps: list[list[str]]) -> Counter:
    """Lines and how many dumps they appear in (only those in at least two)."""
    counts = Counter(line for lines in dumps for line in set(lines))
    return Counter({line: n for line, n in counts.items() if n >= 2})


def _edges(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the lines above the first paragraph of running text, the lines below the last one):
    where a site's own name, menu and footer stand."""
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    if not prose:
        return lines, []
    return lines[: prose[0]], lines[prose[-1] + 1:]


def signature_lines(dumps: list[list[str]]) -> list[str]:
    """Strings every dump has above or below its text that name the site: the copyright line
    first, then other lines of at most four words (the site's name, its menu); never a line
    of five words or more (a day's "Most read" headlines are shared by pages of one day, not
    by the site's other pages).

    >>> dumps = [["Daily Planet Online", "Home", "A headline of the day for the list", "Text one. " * 3,
    ...           "© 2024 Daily Planet Ltd"]] * 2
    >>> signature_lines([[l.strip() for l in d] for d in dumps])
    ['© 2024 Daily Planet Ltd', 'Daily Planet Online']
    """
    shared = None
    for lines in dumps:
        top, bottom = _edges(lines)
        edge = set(top) | set(bottom)
        shared = edge if shared is None else shared & edge
    candidates = [line for line in shared or () if len(line) >= _MIN_SIGNATURE and not is_prose(line)]
    notices = [line for line in candidates if re.search(r"©|\bcopyright\b", line, re.IGNORECASE)]
    names = [line for line in candidates if line not in notices and len(line.split()) <= 4]
    return sorted(notices, key=len, reverse=True)[:1] + sorted(names, key=len, reverse=True)[:2 - bool(notices)]


def trailer_guess(dumps: list[list[str]]) -> str | None:
    """The line where every dump's ending runs the same: of the lines below the last
    paragraph of running text, the first one that every dump has there (a "Latest news" or
    "More from us" heading); None when the endings share nothing.

    >>> end = ["Latest news", "Other story one", "Footer"]
    >>> trailer_guess([["Title", "The council said so on Monday, the mayor told all the reporters today.", *end],
    ...                ["Title", "The council said more on Friday, the mayor told all the reporters today.", "Share", *end]])
    'Latest news'
    """
    endings = [_edges(lines)[1] for lines in dumps]
    common = set.intersection(*(set(e) for e in endings)) if endings else set()
    first = next((line for line in endings[0] if line in common and len(line.split()) <= 6), None) if endings else None
    return first


def leaking_lines(bodies: list[list[str]]) -> Counter:
    """The short lines that stay in the cleaned bodies of at least two dumps, with the number
    of dumps: what leaks past the generic rules and heuristics, the rules worth writing (lines
    the heuristics already remove need none)."""
    counts = Counter(line for paragraphs in bodies for line in set(paragraphs) if not is_prose(line))
    return Counter({line: n for line, n in counts.items() if n >= 2})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "line"


def starter_pack(name: str, dumps: list[list[str]], bodies: list[list[str]]) -> str:
    """The YAML text of a starter pack: signatures, a trailer guess, and, commented out until
    reviewed, a drop rule for each line that leaks into the bodies of several dumps, the most
    common first (``bodies``: each dump's cleaned paragraphs with the generic rules only)."""
    signatures = signature_lines(dumps)
    trailer = trailer_guess(dumps) if len(dumps) >= 2 else None
    head = {"id": name, "description": f"{name}: starter pack written by cleaner-rules new-site; review every rule.",
            "match": {"signatures": signatures or [f"TODO: a string every page of {name} has"]},
            "rules": []}
    if trailer:
        head["rules"].append({"id": "trailer", "kind": "cut_from", "text": trailer,
                              "why": "TODO: guessed trailer marker (every dump ends in the same run of lines from here)",
                              "examples": {"removes": [trailer]}})
    out = [yaml.safe_dump(head, sort_keys=False, allow_unicode=True, width=100).rstrip()]
    out.append("# Lines that stay in the cleaned bodies of several dumps (dumps / total), most common first:")
    out.append("# the furniture that leaks. Uncomment the ones that are furniture, write their `why`.")
    for line, n in leaking_lines(bodies).most_common(40):
        if line == trailer:
            continue
        rule = [{"id": _slug(line), "kind": "drop", "text": line, "why": "TODO", "examples": {"removes": [line]}}]
        block = yaml.safe_dump(rule, sort_keys=False, allow_unicode=True, width=100).rstrip().splitlines()
        out.append(f"# leaks in {n}/{len(dumps)}")
        out += [f"#  {l}" for l in block]
    return "\n".join(out) + "\n"


def next_seed_number(seeds: Path) -> int:
    """One more than the highest ``NNN_`` prefix in ``seeds`` (0 for a missing or empty folder)."""
    if not seeds.is_dir():
        return 0
    numbers = [int(m.group(1)) for p in seeds.iterdir() if (m := re.match(r"(\d+)_", p.name))]
    return max(numbers, default=-1) + 1


def pack_id_pattern() -> str:
    """The pattern a pack id must match, read from the rule-pack schema (its one definition).

    >>> bool(re.fullmatch(pack_id_pattern(), "example.com"))
    True
    """
    return json.loads(_SCHEMA.read_text(encoding="utf-8"))["properties"]["id"]["pattern"]


def pack_id_problem(name: str) -> str | None:
    """Why ``name`` cannot be a pack id, or ``None`` when it can (the whole name must match).

    >>> pack_id_problem("harbourtimes") is None
    True
    >>> pack_id_problem("../x")
    "'../x' is not a valid pack id: it must match ^[a-z0-9][a-z0-9._-]*$"
    """
    pattern = pack_id_pattern()
    return None if re.fullmatch(pattern, name) else f"{name!r} is not a valid pack id: it must match {pattern}"


def pack_ids(rules: Path) -> dict[str, Path]:
    """Pack id -> file, for every pack file under ``rules`` whose id can be read."""
    ids = {}
    for path in pack_files(rules) if rules.is_dir() else ():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.setdefault(data["id"], path)
    return ids


def id_taken(pack_id: str, target: Path) -> str | None:
    """Why a pack with ``pack_id`` cannot be written to ``target``: another pack file in the
    same folder has that id (two packs with one id break every run). ``None`` when free."""
    other = pack_ids(target.parent).get(pack_id)
    if other is None or other.resolve() == target.resolve():
        return None
    return f"pack id {pack_id!r} is already used by {other}"


def inside(root: Path, path: Path) -> Path:
    """``path`` itself, or ``ValueError`` when it does not resolve to a place inside ``root``.

    >>> inside(Path("/p"), Path("/p/rules/x.yaml")).as_posix()
    '/p/rules/x.yaml'
    >>> inside(Path("/p"), Path("/p/rules/../../x.yaml"))
    Traceback (most recent call last):
    ValueError: /p/rules/../../x.yaml resolves outside /p
    """
    if not path.resolve().is_relative_to(root.resolve()):
        raise ValueError(f"{path} resolves outside {root}")
    return path


def seed_suffix(dump: Path) -> str:
    """The suffix a dump's seed gets: its own when it is a seed suffix, else ``.txt`` (the
    cleaner tells HTML from text by the content, so the suffix is only for people).

    >>> seed_suffix(Path("a.HTML")), seed_suffix(Path("page.php")), seed_suffix(Path("dump"))
    ('.html', '.txt', '.txt')
    """
    suffix = dump.suffix.lower()
    return suffix if suffix in SEED_SUFFIXES else ".txt"


@dataclass(frozen=True)
class SitePlan:
    """What ``new-site`` writes: the pack, and per dump (dump, seed, draft golden)."""

    name: str
    root: Path
    pack: Path
    seeds: tuple[tuple[Path, Path, Path], ...]

    @property
    def targets(self) -> list[Path]:
        return [self.pack] + [p for _, seed, golden in self.seeds for p in (seed, golden)]


def plan(name: str, dumps: list[Path], root: Path) -> SitePlan:
    """Every file ``new-site`` would write; ``ValueError`` (nothing written) when ``name`` is no
    pack id, a target exists or would land outside ``root``, or the id is taken."""
    problem = pack_id_problem(name)
    if problem:
        raise ValueError(problem)
    pack = root / RULES / f"{name}.yaml"
    number = next_seed_number(root / SEEDS)
    seeds = []
    for k, dump in enumerate(dumps):
        seed = root / SEEDS / f"{number + k:03d}_{name}_{k + 1}{seed_suffix(dump)}"
        seeds.append((dump, seed, golden_path(root, seed)))
    result = SitePlan(name, root, pack, tuple(seeds))
    for target in result.targets:
        if inside(root, target).exists():
            raise ValueError(f"{target} exists already")
    problem = id_taken(name, pack)
    if problem:
        raise ValueError(problem)
    return result


def write(site: SitePlan, cleaner: Cleaner) -> list[Path]:
    """Write the planned files: the starter pack (validated first), the seeds, the draft goldens.
    ``OSError`` for a dump that cannot be read, ``RulePackError`` for a pack that would not load;
    in both cases before anything is written."""
    dumps = [dump.read_bytes() for dump, _, _ in site.seeds]
    lines = [[b.text for b in split_text(data.decode("utf-8", errors="replace"))] for data in dumps]
    bodies = [cleaner.clean(data).paragraphs for data in dumps]
    text = starter_pack(site.name, lines, bodies)
    parse_pack(text, str(site.pack))
    for folder in (RULES, SEEDS, GOLDEN):
        inside(site.root, site.root / folder).mkdir(parents=True, exist_ok=True)
    site.pack.write_text(text, encoding="utf-8")
    written = [site.pack]
    for dump, seed, golden in site.seeds:
        shutil.copyfile(dump, seed)
        record = cleaner.clean(seed.read_bytes(), doc_id=seed_id(seed),
                               source=seed.relative_to(site.root).as_posix()).to_dict()
        draft = json.loads(render(record))
        draft[DRAFT_KEY] = "draft: read every line against the seed, then cleaner-rules goldens --accept"
        golden.write_text(json.dumps(draft, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [seed, golden]
    return written


def new_site(name: str, dumps: list[Path], root: Path, cleaner: Cleaner) -> list[Path]:
    """Write rules/<name>.yaml, copy the dumps to seeds/, write draft goldens. Returns the files."""
    return write(plan(name, dumps, root), cleaner)
