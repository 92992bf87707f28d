"""Load rule packs (``rules/*.yaml``), validate them, and pick the ones a document matches.

A pack is data: which documents it applies to, pinned fields, and rules with an ``id`` and a
``why``. Validation runs the JSON Schema in ``cleaner/schema/`` and then compiles every pattern
with RE2; any problem raises ``RulePackError`` naming file, line, rule and field.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field as dc_field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jsonschema import Draft202012Validator

from .blocks import squash
from .errors import RulePackError
from .patterns import compile_alternation, compile_pattern

LINE_KINDS = ("drop", "cut_from", "cut_before", "extract")
STRIP_KINDS = ("strip_prefix", "strip_suffix")


@dataclass(frozen=True)
class Rule:
    """One validated rule. ``texts`` are casefolded exact lines; ``pattern`` is RE2 source."""

    id: str
    kind: str
    why: str
    pack: str
    texts: tuple[str, ...] = ()
    pattern: str | None = None
    field: str | None = None
    keep_marker: bool = False
    css: str | None = None
    xpath: str | None = None
    examples: dict = dc_field(default_factory=dict, compare=False, hash=False)
    line: int = 0

    @property
    def ref(self) -> str:
        """The name shown in traces: ``pack/rule``."""
        return f"{self.pack}/{self.id}"


@dataclass(frozen=True)
class Pack:
    """One rule pack with its rules compiled for fast matching."""

    id: str
    description: str
    path: str
    generic: bool
    domains: tuple[str, ...]
    signatures: tuple[str, ...]
    patterns: tuple[str, ...]
    fields: dict
    rules: tuple[Rule, ...]

    @property
    def line_rules(self) -> "LineMatcher":
        return _line_matcher(self)

    @property
    def strip_rules(self) -> list[tuple[Rule, Any]]:
        """(rule, RE2 program) for strip_prefix/strip_suffix, anchored; compiled once."""
        programs = self.__dict__.get("_strip_programs")
        if programs is None:
            programs = [(r, compile_pattern(r.pattern if r.kind == "strip_prefix"
                                            else f"(?:{r.pattern})$"))
                        for r in self.rules_of(*STRIP_KINDS)]
            object.__setattr__(self, "_strip_programs", programs)
        return programs

    def rules_of(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules if r.kind in kinds]

    def matches(self, text: str, host: str | None) -> bool:
        """True when the document's host is one of ``domains`` or a signature occurs in it."""
        if self.generic:
            return True
        if host and any(host == d or host.endswith("." + d) for d in self.domains):
            return True
        if any(sig in text for sig in self.signatures):
            return True
        head = text[:20_000]
        return any(p.search(head) for p in _signature_patterns(self))


def _signature_patterns(pack: "Pack") -> list:
    """The pack's ``match.patterns`` compiled once and kept with the (immutable) pack."""
    compiled = pack.__dict__.get("_signature_patterns")
    if compiled is None:
        compiled = [compile_pattern(p) for p in pack.patterns]
        object.__setattr__(pack, "_signature_patterns", compiled)
    return compiled


class LineMatcher:
    """Finds the first line rule (drop, cut_from, cut_before, extract) that a block matches.

    Exact texts are a dict lookup; all patterns are one RE2 alternation, one call per block.
    """

    def __init__(self, rules: list[Rule]):
        self.by_text: dict[str, Rule] = {}
        for rule in rules:
            for text in rule.texts:
                self.by_text.setdefault(text, rule)
        self.pattern_rules = [r for r in rules if r.pattern is not None]
        self.alternation = (compile_alternation([r.pattern for r in self.pattern_rules])
                            if self.pattern_rules else None)

    def find(self, text: str) -> Rule | None:
        rule = self.by_text.get(text.casefold())
        if rule is not None:
            return rule
        if self.alternation is not None:
            found = self.alternation.fullmatch(text)
            if found is not None:
                return self.pattern_rules[int(found.lastgroup[1:])]
        return None


def _line_matcher(pack: Pack) -> LineMatcher:
    # Built once per pack object and kept with it (packs are immutable, so is the matcher).
    matcher = pack.__dict__.get("_matcher")
    if matcher is None:
        matcher = LineMatcher(pack.rules_of(*LINE_KINDS))
        object.__setattr__(pack, "_matcher", matcher)
    return matcher


@dataclass(frozen=True)
class PackSet:
    """All loaded packs: site packs in file-name order, then the generic ones."""

    site: tuple[Pack, ...]
    generic: tuple[Pack, ...]

    def select(self, text: str, url: str | None, use_generic: bool = True) -> list[Pack]:
        """The packs that apply to one document: matching site packs first, then generic."""
        host = host_of(url)
        chosen = [p for p in self.site if p.matches(text, host)]
        return chosen + (list(self.generic) if use_generic else [])

    @property
    def all(self) -> tuple[Pack, ...]:
        return self.site + self.generic


def host_of(url: str | None) -> str | None:
    """Lower-case host of a URL without ``www.``.

    >>> host_of("https://WWW.Example.com:8080/a"), host_of(None)
    ('example.com', None)
    """
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else host or None


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads((Path(__file__).parent / "schema" / "rulepack.schema.json").read_text())
    return Draft202012Validator(schema)


def _line_of(node: yaml.Node | None, path: list) -> int:
    """1-based line of the YAML node at ``path`` (keys and indexes), best effort."""
    line = node.start_mark.line + 1 if node is not None else 0
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def parse_pack(text: str, path: str) -> Pack:
    """Validate one pack's YAML source and build the ``Pack``; ``RulePackError`` on any fault."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RulePackError(path, f"not valid YAML: {exc}".replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise RulePackError(path, "a rule pack must be a YAML mapping with id, description and rules")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = list(err.absolute_path)
        rule = _rule_id_at(data, where)
        fld = next((str(k) for k in reversed(where) if isinstance(k, str)), None)
        raise RulePackError(f"{path}:{_line_of(node, where)}", err.message, rule=rule, field=fld)
    return _build_pack(data, node, path)


def _rule_id_at(data: dict, where: list) -> str | None:
    if len(where) >= 2 and where[0] == "rules" and isinstance(where[1], int):
        rule = data["rules"][where[1]]
        return rule.get("id") if isinstance(rule, dict) else None
    return None


def _build_pack(data: dict, node: yaml.Node, path: str) -> Pack:
    pack_id = data["id"]
    seen: set[str] = set()
    rules = []
    for i, raw in enumerate(data.get("rules", [])):
        where = f"{path}:{_line_of(node, ['rules', i])}"
        if raw["id"] in seen:
            raise RulePackError(where, "duplicate rule id", rule=raw["id"], field="id")
        seen.add(raw["id"])
        if "pattern" in raw:
            try:
                compile_pattern(raw["pattern"])
            except ValueError as exc:
                raise RulePackError(where, str(exc), rule=raw["id"], field="pattern") from None
        texts = raw.get("text", ())
        texts = (texts,) if isinstance(texts, str) else tuple(texts)
        rules.append(Rule(
            id=raw["id"], kind=raw["kind"], why=raw["why"], pack=pack_id,
            texts=tuple(squash(t).casefold() for t in texts), pattern=raw.get("pattern"),
            field=raw.get("field"), keep_marker=raw.get("keep_marker", False),
            css=raw.get("css"), xpath=raw.get("xpath"), examples=raw.get("examples", {}),
            line=_line_of(node, ["rules", i]),
        ))
    match = data.get("match", {})
    for i, pattern in enumerate(match.get("patterns", [])):
        try:
            compile_pattern(pattern)
        except ValueError as exc:
            raise RulePackError(f"{path}:{_line_of(node, ['match', 'patterns', i])}", str(exc),
                                field="match.patterns") from None
    generic = bool(data.get("generic", False))
    if not generic and not any(match.get(k) for k in ("domains", "signatures", "patterns")):
        raise RulePackError(path, "a site pack needs match.domains, match.signatures or "
                                  "match.patterns (or generic: true)", field="match")
    return Pack(
        id=pack_id, description=data["description"], path=path, generic=generic,
        domains=tuple(d.lower().removeprefix("www.") for d in match.get("domains", [])),
        signatures=tuple(match.get("signatures", [])), patterns=tuple(match.get("patterns", [])),
        fields=dict(data.get("fields", {})), rules=tuple(rules),
    )


def load_pack(path: Path) -> Pack:
    """Read and validate one pack file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(str(path), f"cannot read: {exc}") from None
    return parse_pack(text, str(path))


def load_packs(rules_dir: Path) -> PackSet:
    """Every ``*.yaml``/``*.yml`` pack below ``rules_dir``, validated; ids must be unique."""
    rules_dir = Path(rules_dir)
    if not rules_dir.is_dir():
        raise RulePackError(str(rules_dir), "rules folder not found")
    files = sorted(p for p in rules_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    packs = [load_pack(p) for p in files]
    ids: dict[str, str] = {}
    for pack in packs:
        if pack.id in ids:
            raise RulePackError(pack.path, f"pack id {pack.id!r} is also used by {ids[pack.id]}",
                                field="id")
        ids[pack.id] = pack.path
    return PackSet(site=tuple(p for p in packs if not p.generic),
                   generic=tuple(p for p in packs if p.generic))
