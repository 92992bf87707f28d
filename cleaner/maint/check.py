"""Validate and lint every rule pack: the checks a maintainer (and CI) runs before a change.

Errors: a pack that ``load_pack`` refuses, with the very ``RulePackError`` the cleaner stops
on before any document (a file over the size limit, YAML anchors, aliases or deep nesting,
the schema, a bad pattern: RE2 compiles only linear-time patterns, so compiling proves no
pattern can backtrack catastrophically; patterns too large joined; a CSS or XPath selector
that cannot run), a duplicate pack id, two site packs claiming the same domain or signature,
a rule whose examples fail.
Warnings: a rule without examples, a rule that no seed and no example exercises, a
``cut_from`` marker that fires in the middle of running text in a seed (what it cuts is the
article), and, with ``pages``, a generic rule that removes paragraphs of running text on
those pages (the public dev pages: furniture rules must not take article text).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from collections import Counter

from ..core import Cleaner
from ..errors import RulePackError
from ..examples import check_examples
from ..io.sources import Feed, iter_docs
from ..record import Article
from ..rulepack import Pack, PackSet, Rule, load_pack
from ..settings import Settings
from ..textutil import ends_with_ellipsis, is_running_text


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


def check(rules_dir: Path, seeds_dir: Path | None = None, pages_dir: Path | None = None) -> list[Finding]:
    """Every finding for the packs in ``rules_dir``; seeds (if given) count as exercising
    rules and show cut markers inside running text; ``pages_dir``: pages on which generic rules
    must not remove running text."""
    findings, packs = [], []
    for path in pack_files(rules_dir):
        try:
            packs.append(load_pack(path))
        except RulePackError as exc:
            findings.append(refusal(exc))
    findings += _duplicates(packs) + _overlaps(packs)
    runs = _runs(packs, seeds_dir) if seeds_dir else []
    exercised = {r.rule for _, record in runs for r in record.removed or ()}
    rules = {rule.ref: (pack, rule) for pack in packs for rule in pack.rules}
    findings += _cuts_into_text(runs, rules)
    if pages_dir:
        findings += _generic_takes_text(_runs(packs, pages_dir), rules)
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


def _runs(packs: list[Pack], folder: Path) -> list[tuple[str, Article]]:
    """(source, record with its removals) of every document in a folder, cleaned with the packs."""
    cleaner = Cleaner(Settings(explain=True),
                      packs=PackSet(site=tuple(p for p in packs if not p.generic),
                                    generic=tuple(p for p in packs if p.generic)))
    return [(doc.source, cleaner.clean(doc.data, url=doc.url, doc_id=doc.doc_id or None, source=doc.source))
            for doc in iter_docs([str(folder)], Feed()) if doc.data is not None]


def _article_like(text: str) -> bool:
    """A paragraph of running text, not a teaser cut short with an ellipsis (the summaries
    of a list of other stories are such teasers).

    >>> _article_like("The council met on Monday and agreed on the plan for the harbour, the mayor said.")
    True
    >>> _article_like("The council met on Monday and agreed on the plan for the harbour, the mayor...")
    False
    """
    return is_running_text(text) and not ends_with_ellipsis(text)


def _where(rules: dict, ref: str) -> tuple[str, Rule | None]:
    pack, rule = rules.get(ref, (None, None))
    return (f"{pack.path}:{rule.line}" if pack else ref), rule


def _cuts_into_text(runs: list[tuple[str, Article]], rules: dict) -> list[Finding]:
    """A cut_from marker that fires in the middle of running text: it cut article paragraphs
    (running text) in a seed."""
    findings = []
    for source, record in runs:
        cut: dict[str, list[str]] = {}
        for removal in record.removed or ():
            if removal.step == "cut-rules" and _article_like(removal.text):
                cut.setdefault(removal.rule, []).append(removal.text)
        for ref, texts in cut.items():
            where, rule = _where(rules, ref)
            if rule is not None and rule.kind == "cut_from":
                findings.append(Finding("warning", where, ref, f"cuts {len(texts)} paragraph(s) of running text in "
                                        f"{Path(source).name}, from {texts[0][:80]!r}: the marker fires inside the article"))
    return findings


def _generic_takes_text(runs: list[tuple[str, Article]], rules: dict) -> list[Finding]:
    """Generic rules that remove paragraphs of running text on the given pages."""
    hits: Counter = Counter()
    example: dict[str, str] = {}
    for _source, record in runs:
        for ref in {r.rule for r in record.removed or () if r.step in ("line-rules", "cut-rules", "strip-rules")
                    and _article_like(r.text) and (pack := rules.get(r.rule, (None,))[0]) and pack.generic}:
            hits[ref] += 1
            example.setdefault(ref, next(r.text for r in record.removed if r.rule == ref and _article_like(r.text)))
    return [Finding("warning", _where(rules, ref)[0], ref, f"removes running text on {n} of {len(runs)} pages, "
                    f"e.g. {example[ref][:80]!r}") for ref, n in hits.most_common()]
