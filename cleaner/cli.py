"""``clean-articles``: the command. Flags become a ``Settings`` here and nowhere else.

Exit status: 0 every input cleaned, 1 some inputs failed (their error records say why),
2 usage or configuration error (a bad rule pack, a missing input) before any input is read.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

import click

from .core import Cleaner
from .errors import RulePackError
from .record import Article
from .settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
INPUT_SUFFIXES = (".txt", ".html", ".htm")


def iter_inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, str | None]]:
    """(input name, file path or None for stdin) for every file named or found in folders."""
    for name in paths:
        if name == "-":
            yield "-", None
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in INPUT_SUFFIXES:
                    yield str(child), str(child)
        else:
            yield str(path), str(path)


def doc_id_for(name: str) -> str | None:
    """The record id of a file input: its name without extension.

    >>> doc_id_for("seeds/003_14e36000ea184500.txt")
    '003_14e36000ea184500'
    """
    return None if name == "-" else Path(name).name.split(".")[0]


def clean_one(cleaner: Cleaner, name: str, path: str | None, url: str | None) -> Article:
    """Read one input and clean it; an unreadable file becomes an error record."""
    try:
        data = sys.stdin.buffer.read() if path is None else Path(path).read_bytes()
    except OSError as exc:
        from .record import ErrorInfo
        return Article(id=doc_id_for(name) or name, source=name,
                       error=ErrorInfo("unreadable", f"{name}: {exc.strerror or exc}"))
    return cleaner.clean(data, url=url, doc_id=doc_id_for(name), source=name)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write JSON Lines here (default: stdout).")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Folder of rule packs (default: the bundled rules/).")
@click.option("--no-generic", is_flag=True, help="Do not apply the generic rule pack.")
@click.option("--no-heuristics", is_flag=True, help="Rules only: no headline, teaser, trailer or main-content heuristics.")
@click.option("--no-language", is_flag=True, help="Skip language detection (packs may still pin it).")
@click.option("--explain", is_flag=True, help="Add 'removed': what each rule and heuristic took out, and why.")
@click.option("--url", help="The URL of the (single) input, for site-pack matching by domain.")
def main(inputs, output, rules_dir, no_generic, no_heuristics, no_language, explain, url):
    """Clean whole-page text dumps of news articles into one JSON record per input.

    INPUTS are files, folders (searched recursively for .txt/.html/.htm) or '-' for stdin.
    """
    settings = Settings(rules_dir=Path(rules_dir) if rules_dir else None, generic_rules=not no_generic,
                        heuristics=not no_heuristics, detect_language=not no_language, explain=explain)
    try:
        cleaner = Cleaner(settings)
    except RulePackError as exc:
        click.echo(f"clean-articles: bad rule pack: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    missing = [p for p in inputs if p != "-" and not Path(p).exists()]
    if missing:
        click.echo(f"clean-articles: no such input: {', '.join(missing)}", err=True)
        sys.exit(EXIT_USAGE)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        for name, path in iter_inputs(inputs):
            record = clean_one(cleaner, name, path, url)
            failed += not record.ok
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    sys.exit(EXIT_FAILED if failed else EXIT_OK)
