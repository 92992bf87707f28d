"""Validate and lint every rule pack: the checks a maintainer (and CI) runs before a change.

Errors: a pack that ``load_pack`` refuses, with the very ``RulePackError`` the cleaner stops
on before any document (a file over the size limit, YAML anchors, aliases or deep nesting,
the schema, a bad pattern: RE2 compiles only linear-time patterns, so compiling proves no
pattern can backtrack catastrophically; patterns too large joined; a CSS or XPath selector
that cannot run), a duplicate pack id, two site packs claiming the same domain or signature,
a rule whose examples fail.
Warnings: a rule without examples, a rule that no seed and no example exercises.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core import Cleaner
from ..errors import RulePackError
from ..examples import check_examples
from ..rulepack import Pack, PackSet, load_pack
from ..settings import Settings


@dataclass(frozen=True)
class Finding:
    level: str   # error | warning
    where: str   # file:line
    rule: str | None
    message: str

    def __str__(self) -> str:
        rule = f" {self.rule}:" if self.rule else ""
        return f"{self.where}:{rule} {self.level}: {self.message}"


def pack_files(rules_dir: Path) -> list[Path]:
    return sorted(p for p in Path(rules_dir).rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def check(rules_dir: Path, seeds_dir: Path | None = None) -> list[Finding]:
    """Every finding for the packs in ``rules_dir``; seeds (if given) count as exercising rules."""
    findings, packs = [], []
    for path in pack_files(rules_dir):
        try:
            packs.append(load_pack(path))
        except RulePackError as exc:
            findings.append(refusal(exc))
    findings += _duplicates(packs) + _overlaps(packs)
    exercised = _exercised_by_seeds(packs, seeds_dir) if seeds_dir else set()
    for pack in packs:
        for rule in pack.rules:
            where = f"{pack.path}:{rule.line}"
            findings += [Finding("error", where, rule.ref, problem) for problem in check_examples(rule)]
            if not rule.examples and rule.kind != "remove_html":
                findings.append(Finding("warning", where, rule.ref, "no examples (removes:/keeps:)"))
            if not rule.examples and seeds_dir and rule.ref not in exercised:
                findings.append(Finding("warning", where, rule.ref, "no seed and no example exercises it"))
    return findings


def refusal(exc: RulePackError) -> Finding:
    """The error for a pack that ``load_pack`` refused: its file:line, rule, reason and field.

    >>> print(refusal(RulePackError("p.yaml:5", "not a valid XPath: Invalid expression",
    ...                             rule="menu", field="xpath")))
    p.yaml:5: menu: error: not a valid XPath: Invalid expression (field xpath)
    """
    return Finding("error", exc.path, exc.rule, exc.reason + (f" (field {exc.field})" if exc.field else ""))


def _duplicates(packs: list[Pack]) -> list[Finding]:
    seen: dict[str, str] = {}
    out = []
    for pack in packs:
        if pack.id in seen:
            out.append(Finding("error", pack.path, None, f"pack id {pack.id!r} is also used by {seen[pack.id]}"))
        seen.setdefault(pack.id, pack.path)
    return out


def _overlaps(packs: list[Pack]) -> list[Finding]:
    """Two site packs that claim the same domain or signature: which one applies is unclear."""
    claims: dict[tuple[str, str], str] = {}
    out = []
    for pack in packs:
        for kind, values in (("domain", pack.domains), ("signature", pack.signatures)):
            for value in values:
                other = claims.setdefault((kind, value), pack.id)
                if other != pack.id:
                    out.append(Finding("error", pack.path, None, f"{kind} {value!r} is also claimed by pack {other!r}"))
    return out


def _exercised_by_seeds(packs: list[Pack], seeds_dir: Path) -> set[str]:
    """Rule refs that act on at least one seed."""
    cleaner = Cleaner(Settings(explain=True, detect_language=False),
                      packs=PackSet(site=tuple(p for p in packs if not p.generic),
                                    generic=tuple(p for p in packs if p.generic)))
    used = set()
    for seed in sorted(Path(seeds_dir).iterdir()):
        if seed.is_file():
            used |= {r.rule for r in cleaner.clean(seed.read_bytes()).removed or ()}
    return used
