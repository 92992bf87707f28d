"""Import FiveFilters ftr-site-config files (public domain) as cleaner rule packs.

Supported: the file name (or a leading-dot name, for all subdomains) gives ``match.domains``;
``strip`` (XPath), ``strip_id_or_class`` and ``strip_image_src`` become ``remove_html`` rules
applied to HTML before extraction; ``test_url`` lines are kept as comments. Not applied,
and listed in the pack's header comment: ``title``, ``body``, ``author``, ``date`` (cleaner finds
these itself), ``strip_attr``, ``replace_string``/``find_string``, ``wrap_in``, ``prune``,
``tidy``, paging, login and HTTP header directives. An existing pack file is replaced only
when asked (``--force``); a pack whose id another pack file already has is never written.

>>> pack, skipped = convert("strip: //div[@class='ad']\\nstrip_id_or_class: promo\\ntitle: //h1\\n", "example.com.txt")
>>> [(r["kind"], r["xpath"]) for r in pack["rules"]][0], sorted(skipped)
(('remove_html', "//div[@class='ad']"), ['title'])
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.etree
import yaml

from ..errors import RulePackError
from ..rulepack import parse_pack
from .scaffold import id_taken, inside

_DIRECTIVE = re.compile(r"^([A-Za-z_]+(?:\([^)]*\))?)\s*:\s*(.*)$")


def domain_of(filename: str) -> str:
    """The site a config file is for.

    >>> domain_of(".wikipedia.org.txt"), domain_of("aeon.co.txt")
    ('wikipedia.org', 'aeon.co')
    """
    name = Path(filename).name
    name = name[:-4] if name.endswith(".txt") else name
    return name.lstrip(".").lower()


def _class_or_id(value: str) -> str:
    return (f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {value} ') or @id='{value}']")


def convert(text: str, filename: str) -> tuple[dict, Counter]:
    """(pack as data, directives not applied with their counts) for one config file."""
    domain = domain_of(filename)
    rules, skipped, tests = [], Counter(), []
    for raw in text.splitlines():
        line = raw.strip()
        found = _DIRECTIVE.match(line) if line and not line.startswith("#") else None
        if not found:
            continue
        directive, value = found.group(1), found.group(2).strip()
        xpath = {"strip": value, "strip_id_or_class": _class_or_id(value) if value else None,
                 "strip_image_src": f"//img[contains(@src, '{value}')]" if value else None}.get(directive)
        if directive == "test_url":
            tests.append(value)
        elif xpath is not None and directive in ("strip", "strip_id_or_class", "strip_image_src"):
            try:
                lxml.etree.XPath(xpath)
            except lxml.etree.XPathError:
                skipped[f"{directive} (invalid XPath: {value})"] += 1
                continue
            rules.append({"id": f"{directive.replace('_', '-')}-{len(rules) + 1}", "kind": "remove_html",
                          "why": f"ftr-site-config {directive}: {value}", "xpath": xpath})
        else:
            skipped[directive.split("(")[0]] += 1
    if not rules and not skipped and not tests:
        raise ValueError(f"{filename}: no ftr-site-config directive found")
    pack = {"id": domain, "description": f"{domain}, imported from FiveFilters ftr-site-config ({Path(filename).name})",
            "match": {"domains": [domain]}, "rules": rules}
    pack["_tests"] = tests
    return pack, skipped


def render_pack(pack: dict, skipped: Counter) -> str:
    """YAML text with a header comment (source, what was not applied, test URLs)."""
    tests = pack.pop("_tests", [])
    header = ["# Imported by cleaner-rules import-ftr from FiveFilters ftr-site-config (public domain, CC0).",
              "# Not applied: " + (", ".join(f"{k} x{n}" for k, n in sorted(skipped.items())) or "nothing")]
    header += [f"# test_url: {url}" for url in tests]
    return "\n".join(header) + "\n" + yaml.safe_dump(pack, sort_keys=False, allow_unicode=True, width=120)


def import_file(path: Path, out_dir: Path, force: bool = False) -> tuple[Path, Counter]:
    """Convert one config file into ``out_dir/<domain>.yaml``; nothing is written unless the
    pack validates, its id is not another pack file's in ``out_dir`` (``RulePackError``), and the
    target does not exist yet or ``force`` is given (``FileExistsError``)."""
    try:
        pack, skipped = convert(path.read_text(encoding="utf-8", errors="replace"), path.name)
    except ValueError as exc:
        raise RulePackError(str(path), str(exc)) from None
    text = render_pack(pack, skipped)
    target = out_dir / f"{domain_of(path.name)}.yaml"
    parse_pack(text, str(target))  # raises RulePackError with the reason
    try:
        inside(out_dir, target)
    except ValueError as exc:
        raise RulePackError(str(target), str(exc)) from None
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists (use --force to replace it)")
    taken = id_taken(pack["id"], target)
    if taken:
        raise RulePackError(str(target), taken, field="id")
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target, skipped
