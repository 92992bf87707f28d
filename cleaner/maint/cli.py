"""``cleaner-rules``: maintainers' commands. Options become arguments here; the work is done
in the sibling modules."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..core import Cleaner
from ..errors import RulePackError
from ..settings import Settings, default_rules_dir


def _root(root: str | None) -> Path:
    """The project folder (with rules/, seeds/, golden/): --root, else the current folder."""
    return Path(root) if root else Path.cwd()


def _cleaner(rules: str | None, **changes) -> Cleaner:
    try:
        return Cleaner(Settings(rules_dir=Path(rules) if rules else None, **changes))
    except RulePackError as exc:
        click.echo(f"cleaner-rules: bad rule pack: {exc}", err=True)
        sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """Maintain site rule packs: explain, check, new-site, goldens, coverage, import-ftr."""


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--url", help="The page's URL (for site-pack matching by domain).")
@click.option("--rules", type=click.Path(file_okay=False), help="Rules folder (default: bundled).")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
def explain(file, url, rules, as_json):
    """Show the record and, block by block, what was kept and what removed, by which rule and why."""
    from .explain import explain as run, render

    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    result = run(data, url=url, cleaner=_cleaner(rules, explain=True))
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render(result, click.style))


@main.command()
@click.argument("rules_dir", required=False, type=click.Path(file_okay=False))
@click.option("--seeds", type=click.Path(file_okay=False), help="Seeds that count as exercising rules (default: ./seeds if present).")
def check(rules_dir, seeds):
    """Validate and lint every pack; exit 1 on any error."""
    from .check import check as run

    rules_dir = Path(rules_dir) if rules_dir else default_rules_dir()
    seeds = Path(seeds) if seeds else (Path("seeds") if Path("seeds").is_dir() else None)
    findings = run(rules_dir, seeds)
    for finding in findings:
        click.echo(click.style(str(finding), fg="red" if finding.level == "error" else "yellow"))
    errors = sum(f.level == "error" for f in findings)
    click.echo(f"cleaner-rules check: {errors} errors, {len(findings) - errors} warnings", err=True)
    sys.exit(1 if errors else 0)


@main.command("new-site")
@click.argument("name")
@click.argument("dumps", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--root", type=click.Path(file_okay=False), help="Project folder (default: current folder).")
def new_site(name, dumps, root):
    """Write a starter pack rules/NAME.yaml from a few dumps of one site; add them as seeds with draft goldens."""
    from .scaffold import new_site as run

    root = _root(root)
    try:
        written = run(name, [Path(d) for d in dumps], root, _cleaner(str(root / "rules") if (root / "rules").is_dir() else None))
    except FileExistsError as exc:
        click.echo(f"cleaner-rules: {exc}", err=True)
        sys.exit(2)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo("next: edit the pack (uncomment furniture rules, write each `why`), run `cleaner-rules check`, "
               "then review the draft goldens with `cleaner-rules goldens`.")


@main.command()
@click.option("--root", type=click.Path(file_okay=False), help="Project folder (default: current folder).")
@click.option("--accept", "accept_ids", multiple=True, help="Accept the current output of this seed id as its golden.")
@click.option("--accept-all", is_flag=True, help="Accept every seed's current output (review the diffs first!).")
def goldens(root, accept_ids, accept_all):
    """Re-run every seed and show the diff against its golden; accept reviewed ones."""
    from .review import accept, review

    root = _root(root)
    rules = root / "rules"
    pending = review(root, _cleaner(str(rules) if rules.is_dir() else None))
    for case, actual, diff in pending:
        if accept_all or case.id in accept_ids:
            accept(case, actual)
            click.echo(f"accepted {case.golden}")
        else:
            click.echo(diff)
    left = [c.id for c, _, _ in pending if not (accept_all or c.id in accept_ids)]
    click.echo(f"cleaner-rules goldens: {len(left)} to review" + (f": {', '.join(left)}" if left else ""), err=True)
    sys.exit(1 if left else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--rules", type=click.Path(file_okay=False), help="Rules folder (default: bundled).")
@click.option("--top", default=20, show_default=True, help="How many surviving lines to list.")
@click.option("--json", "as_json", is_flag=True)
def coverage(paths, rules, top, as_json):
    """Which packs matched how many documents, which matched none, and the furniture that survives."""
    from .coverage import coverage as run

    result = run(tuple(paths), _cleaner(rules, detect_language=False)).to_dict(top)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['documents']} documents, {result['failed']} failed")
    for pack, n in result["packs"].items():
        click.echo(f"  pack {pack}: {n}")
    click.echo(f"  no site pack: {len(result['no_site_pack'])}")
    for source in result["no_site_pack"][:top]:
        click.echo(f"    {source}")
    click.echo("most frequent short lines left in bodies (rule candidates):")
    for item in result["surviving_lines"]:
        click.echo(f"  {item['documents']:5d}  {item['line']}")


@main.command("import-ftr")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out", "out_dir", default="rules", show_default=True, type=click.Path(file_okay=False))
def import_ftr(files, out_dir):
    """Convert FiveFilters ftr-site-config files into rule packs (see cleaner/maint/ftr.py)."""
    from .ftr import import_file

    failed = 0
    for name in files:
        try:
            target, skipped = import_file(Path(name), Path(out_dir))
        except (RulePackError, OSError) as exc:
            failed += 1
            click.echo(f"{name}: not imported: {exc}", err=True)
            continue
        note = f" (not applied: {', '.join(sorted(skipped))})" if skipped else ""
        click.echo(f"{name} -> {target}{note}")
    sys.exit(1 if failed else 0)
