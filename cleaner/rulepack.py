"""Load rule packs (``rules/*.yaml``), validate them, and pick the ones a document matches.

A pack is data: which documents it applies to, pinned fields, and rules with an ``id`` and a
``why``. Loading refuses what could hang or break a job later, before any document is cleaned:
a file over ``MAX_PACK_SIZE``, YAML anchors, aliases or deep nesting (checked on the parse events,
before anything is built from them), then runs the JSON Schema in ``cleaner/schema/``, compiles
every RE2 program the pack runs (each pattern alone, the strip rules' anchored forms, the line
rules joined into one) and tries every CSS/XPath selector on a page. Any problem raises
``RulePackError`` naming file, line, rule and field.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field as dc_field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import yaml
from jsonschema import Draft202012Validator
from lxml.cssselect import CSSSelector, SelectorError

from .blocks import squash
from .errors import RulePackError
from .patterns import (PACK_PROGRAM_SIZE, compile_alternation, compile_pattern, first_refused,
                       free_group_prefix)

LINE_KINDS = ("drop", "drop_block", "cut_from", "cut_before", "extract")
STRIP_KINDS = ("strip_prefix", "strip_suffix")
#: the largest pack file (bytes) or text (characters): the bundled packs are under 11 KB, and
#: YAML parsing, validation and compiling grow with the size, so a bigger one is refused unread
MAX_PACK_SIZE = 1 << 20
#: the deepest YAML nesting (mappings and lists) a pack may have; the schema needs 6 (rules >
#: rule > examples > removes > example), and deeper nesting makes PyYAML slow and recursive
MAX_YAML_DEPTH = 16


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
    #: drop_block: RE2 source of the line that ends the block (it stays)
    until: str | None = None
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
    #: the languages the pack's text rules are for (empty: every language)
    languages: tuple[str, ...] = ()

    def speaks(self, language: str | None) -> bool:
        """True when the pack's text rules apply to a document in ``language``.

        >>> Pack("de", "d", "de.yaml", True, (), (), (), {}, (), ("de",)).speaks("en")
        False
        """
        return not self.languages or language in self.languages

    @property
    def line_rules(self) -> "LineMatcher":
        """The matcher for drop, cut_from, cut_before and extract; built by ``parse_pack``."""
        return _kept(self, "_matcher", lambda pack: LineMatcher(pack.rules_of(*LINE_KINDS)))

    @property
    def strip_rules(self) -> list[tuple[Rule, Any]]:
        """(rule, RE2 program) for strip_prefix/strip_suffix, anchored; compiled by ``parse_pack``."""
        return _kept(self, "_strip_programs", lambda pack: [
            (r, compile_pattern(strip_source(r))) for r in pack.rules_of(*STRIP_KINDS)])

    @property
    def until_programs(self) -> dict[str, Any]:
        """rule id -> RE2 program of a drop_block rule's ``until`` (checked when the pack loads)."""
        return _kept(self, "_until_programs", lambda pack: {
            r.id: compile_pattern(r.until) for r in pack.rules if r.until is not None})

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
    """The pack's ``match.patterns`` compiled; ``parse_pack`` compiles them."""
    return _kept(pack, "_signature_patterns", lambda p: [compile_pattern(x) for x in p.patterns])


def _kept(pack: Pack, name: str, build):
    """``pack``'s compiled ``name``, built once by ``build(pack)`` and kept with the pack.
    ``parse_pack`` keeps them all while loading, so a pack that loads never fails later; a
    ``Pack`` made by hand builds them on first use."""
    value = pack.__dict__.get(name)
    if value is None:
        value = _keep(pack, name, build(pack))
    return value


def _keep(pack: Pack, name: str, value):
    """Keep ``value`` (compiled programs) with the frozen ``pack``, as immutable as the pack."""
    object.__setattr__(pack, name, value)
    return value


def strip_source(rule: Rule) -> str:
    """The RE2 source a strip rule runs: the pattern (used with ``match``, so anchored at the
    start) for strip_prefix, anchored at the end for strip_suffix.

    >>> strip_source(Rule("tail", "strip_suffix", "why", "demo", pattern=" [|] Share"))
    '(?: [|] Share)$'
    """
    return rule.pattern if rule.kind == "strip_prefix" else f"(?:{rule.pattern})$"


class LineMatcher:
    """Finds the first line rule (drop, cut_from, cut_before, extract) that a block matches.

    Exact texts are a dict lookup; all patterns are one RE2 alternation, one call per block.
    ``ValueError`` when RE2 refuses the alternation (``first_refused`` tells which pattern).
    """

    def __init__(self, rules: list[Rule]):
        self.by_text: dict[str, Rule] = {}
        for rule in rules:
            for text in rule.texts:
                self.by_text.setdefault(text, rule)
        self.pattern_rules = [r for r in rules if r.pattern is not None]
        patterns = [r.pattern for r in self.pattern_rules]
        self.group_prefix = free_group_prefix(patterns)
        self.alternation = compile_alternation(patterns, self.group_prefix) if patterns else None

    def find(self, text: str) -> Rule | None:
        rule = self.by_text.get(text.casefold())
        if rule is not None:
            return rule
        if self.alternation is not None:
            found = self.alternation.fullmatch(text)
            if found is not None:
                return self.pattern_rules[int(found.lastgroup[len(self.group_prefix):])]
        return None


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
    """Validate one pack's YAML source and build the ``Pack``; ``RulePackError`` on any fault.

    >>> parse_pack("id: a\\ndescription: d\\ngeneric: true\\nrules: &r []\\n", "a.yaml")
    Traceback (most recent call last):
    ...
    cleaner.errors.RulePackError: a.yaml:4: YAML anchors and aliases are not allowed (found &r)
    """
    _refuse_size(path, len(text), "characters")
    node, data = _read_yaml(text, path)
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


def _refuse_size(path: str, size: int, unit: str) -> None:
    """``RulePackError`` when a pack of ``size`` (bytes of a file, characters of a text) is
    over ``MAX_PACK_SIZE``."""
    if size > MAX_PACK_SIZE:
        raise RulePackError(path, f"the pack has {size} {unit}, more than the {MAX_PACK_SIZE} "
                                  "a rule pack may have")


def _read_yaml(text: str, path: str) -> tuple[yaml.Node | None, Any]:
    """(node tree, data) of a pack's YAML, read safely and once, after ``_refuse_yaml_hazards``."""
    try:
        _refuse_yaml_hazards(text, path)
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else None)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise RulePackError(path, f"not valid YAML: {exc}".replace("\n", " ")) from None


def _refuse_yaml_hazards(text: str, path: str) -> None:
    """Refuse, from the parse events alone, what would blow up once built: an anchor or alias
    (nine nested lists of nine aliases are a 700-byte "billion laughs" that schema validation
    walks for minutes; packs never need them) and nesting deeper than ``MAX_YAML_DEPTH``.

    >>> _refuse_yaml_hazards("a: [[[1]]]", "p.yaml")
    >>> _refuse_yaml_hazards("a: 1\\nb: *x", "p.yaml")
    Traceback (most recent call last):
    ...
    cleaner.errors.RulePackError: p.yaml:2: YAML anchors and aliases are not allowed (found *x)
    """
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        where = f"{path}:{event.start_mark.line + 1}"
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise RulePackError(where, f"YAML anchors and aliases are not allowed (found {sign}{event.anchor})")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise RulePackError(where, f"YAML nested more than {MAX_YAML_DEPTH} deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _rule_id_at(data: dict, where: list) -> str | None:
    if len(where) >= 2 and where[0] == "rules" and isinstance(where[1], int):
        rule = data["rules"][where[1]]
        return rule.get("id") if isinstance(rule, dict) else None
    return None


def _build_pack(data: dict, node: yaml.Node, path: str) -> Pack:
    """The ``Pack`` for schema-valid ``data``, with every RE2 program it runs compiled and kept."""
    rules, strip_programs, spent = _build_rules(data, node, path)
    match = data.get("match", {})
    signature_programs = []
    for i, pattern in enumerate(match.get("patterns", [])):
        where = f"{path}:{_line_of(node, ['match', 'patterns', i])}"
        program = _compiled(pattern, where, None, "match.patterns")
        spent = _charge(spent, program, where, None, "match.patterns")
        signature_programs.append(program)
    generic = bool(data.get("generic", False))
    if not generic and not any(match.get(k) for k in ("domains", "signatures", "patterns")):
        raise RulePackError(path, "a site pack needs match.domains, match.signatures or "
                                  "match.patterns (or generic: true)", field="match")
    pack = Pack(
        id=data["id"], description=data["description"], path=path, generic=generic,
        domains=tuple(d.lower().removeprefix("www.") for d in match.get("domains", [])),
        signatures=tuple(match.get("signatures", [])), patterns=tuple(match.get("patterns", [])),
        fields=dict(data.get("fields", {})), rules=tuple(rules), languages=tuple(data.get("languages", ())),
    )
    _keep(pack, "_strip_programs", strip_programs)
    _keep(pack, "_signature_patterns", signature_programs)
    _keep(pack, "_matcher", _line_matcher(pack, path))
    return pack


def _build_rules(data: dict, node: yaml.Node, path: str) -> tuple[list[Rule], list, int]:
    """(rules, (rule, program) for the strip rules, RE2 instructions spent) for a pack's rules,
    each checked in order: unique id, patterns that compile, selectors that run."""
    seen: set[str] = set()
    rules, strip_programs, spent = [], [], 0
    for i, raw in enumerate(data.get("rules", [])):
        line = _line_of(node, ["rules", i])
        where = f"{path}:{line}"
        if raw["id"] in seen:
            raise RulePackError(where, "duplicate rule id", rule=raw["id"], field="id")
        seen.add(raw["id"])
        texts = raw.get("text", ())
        texts = (texts,) if isinstance(texts, str) else tuple(texts)
        rule = Rule(
            id=raw["id"], kind=raw["kind"], why=raw["why"], pack=data["id"],
            texts=tuple(squash(t).casefold() for t in texts), pattern=raw.get("pattern"),
            field=raw.get("field"), keep_marker=raw.get("keep_marker", False), until=raw.get("until"),
            css=raw.get("css"), xpath=raw.get("xpath"), examples=raw.get("examples", {}),
            line=line,
        )
        if rule.kind == "remove_html" and (problem := selector_problem(rule.css, rule.xpath)):
            raise RulePackError(where, problem, rule=rule.id, field="css" if rule.css else "xpath")
        if rule.pattern is not None:
            program = _compiled(rule.pattern, where, rule.id, "pattern")
            if rule.kind in STRIP_KINDS:
                program = _compiled(strip_source(rule), where, rule.id, "pattern")
                strip_programs.append((rule, program))
            spent = _charge(spent, program, where, rule.id, "pattern")
        if rule.until is not None:
            spent = _charge(spent, _compiled(rule.until, where, rule.id, "until"), where, rule.id, "until")
        rules.append(rule)
    return rules, strip_programs, spent


def _compiled(pattern: str, where: str, rule: str | None, fld: str):
    """``compile_pattern(pattern)``, or ``RulePackError`` at ``where`` with RE2's reason."""
    try:
        return compile_pattern(pattern)
    except ValueError as exc:
        raise RulePackError(where, str(exc), rule=rule, field=fld) from None


def _charge(spent: int, program, where: str, rule: str | None, fld: str) -> int:
    """RE2 instructions spent with ``program`` added; ``RulePackError`` past ``PACK_PROGRAM_SIZE``."""
    spent += program.programsize
    if spent > PACK_PROGRAM_SIZE:
        raise RulePackError(where, f"the pack's patterns up to this one are too large together "
                                   f"({spent} RE2 instructions, at most {PACK_PROGRAM_SIZE})",
                            rule=rule, field=fld)
    return spent


def _line_matcher(pack: Pack, path: str) -> LineMatcher:
    """The pack's ``LineMatcher``, or ``RulePackError`` naming the first rule whose pattern
    makes the joined line-rule patterns too much for RE2 (each compiled alone already)."""
    rules = pack.rules_of(*LINE_KINDS)
    try:
        return LineMatcher(rules)
    except ValueError as exc:
        with_pattern = [r for r in rules if r.pattern is not None]
        index, reason = first_refused([r.pattern for r in with_pattern]) or (len(with_pattern) - 1, str(exc))
        rule = with_pattern[index]
        raise RulePackError(f"{path}:{rule.line}", f"the pack's line-rule patterns up to this one are {reason}",
                            rule=rule.id, field="pattern") from None


def selector_problem(css: str | None, xpath: str | None = None) -> str | None:
    """Why a ``remove_html`` selector (``css`` if given, else ``xpath``) cannot run, or None.
    It is compiled and run as ``readers/html.py`` runs it (``tree.cssselect(css)``, which is
    ``CSSSelector(css, translator="html")``, or ``tree.xpath(xpath)``), on a one-element page
    (which keeps a hostile expression cheap):
    that finds syntax errors, unknown CSS pseudo-classes, undeclared namespace prefixes and
    an XPath that gives a number, string or boolean instead of nodes.

    >>> selector_problem("div.share-bar"), selector_problem(None, "//p[@class='x']")
    (None, None)
    >>> selector_problem("div >")
    'not a valid CSS selector: Expected selector, got <EOF at 5>'
    >>> selector_problem(None, "//div[")
    'not a valid XPath: Invalid expression'
    >>> selector_problem(None, "count(//p)")
    'the XPath must select elements, but it gives a float'
    """
    kind = "CSS selector" if css else "XPath"
    try:
        selector = CSSSelector(css, translator="html") if css else lxml.etree.XPath(xpath)
        found = selector(lxml.html.fromstring("<html></html>"))
    except (SelectorError, lxml.etree.LxmlError, ValueError) as exc:
        return f"not a valid {kind}: {exc}"
    if not isinstance(found, list):
        return f"the {kind} must select elements, but it gives a {type(found).__name__}"
    return None


def load_pack(path: Path) -> Pack:
    """Read and validate one pack file; one over ``MAX_PACK_SIZE`` is refused unread."""
    try:
        _refuse_size(str(path), Path(path).stat().st_size, "bytes")
        with open(path, encoding="utf-8") as file:
            text = file.read(MAX_PACK_SIZE + 1)  # parse_pack refuses it if it grew meanwhile
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
