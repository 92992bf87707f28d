"""``cleaner-rules``: maintainers' commands. Options become arguments here; the work is done
in the sibling modules.

Every command-line mistake (a missing or unreadable file, a bad ``--root``, a bad name) is one
line on stderr, ``<command>: <why>``, and exit 2. Commands that work on a project (``new-site``,
``goldens``, ``import-ftr`` without ``-o``) take ``--root`` or find the project from the current
folder: the nearest folder at or above it that has a ``rules/`` folder.
"""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from ..core import Cleaner
from ..errors import RulePackError
from ..goldens import RULES, SEEDS, find_project
from ..settings import Settings, default_rules_dir

#: click's "no arguments: show the help" error, left as it is (missing before click 8.2)
_HELP_ERROR = getattr(click.exceptions, "NoArgsIsHelpError", ())


class Mistake(click.UsageError):
    """A command-line mistake: one line on stderr, ``<command>: <why>``, and exit 2."""

    def __init__(self, message: str, ctx: click.Context | None = None):
        super().__init__(message, ctx or click.get_current_context(silent=True))

    def show(self, file=None) -> None:
        where = self.ctx.command_path if self.ctx else "cleaner-rules"
        click.echo(f"{where}: " + " ".join(self.format_message().splitlines()), err=True)


@contextmanager
def _one_line():
    """Show click's own usage errors (usage, hint, blank line, error) as one-line ``Mistake``s."""
    try:
        yield
    except click.UsageError as exc:
        if isinstance(exc, (Mistake, _HELP_ERROR)):
            raise
        raise Mistake(exc.format_message(), exc.ctx) from None


class _Commands(click.Group):
    """The command group: parsing and running every command under ``_one_line``."""

    def make_context(self, *args, **kwargs):
        with _one_line():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _one_line():
            return super().invoke(ctx)


def _project(root: str | None, option: str = "--root") -> Path:
    """``root`` as given (click has checked that it is a folder), else the project found from the
    current folder; a ``Mistake`` naming ``option`` when there is none."""
    if root:
        return Path(root)
    found = find_project(Path.cwd())
    if found is None:
        raise Mistake(f"not inside a cleaner project (no {RULES}/ folder here or above); use {option}")
    return found


def _pack_name(ctx, param, name: str) -> str:
    """click callback: NAME must be a valid pack id."""
    from .scaffold import pack_id_problem

    problem = pack_id_problem(name)
    if problem:
        raise click.BadParameter(problem, ctx, param)
    return name


def _rules_here() -> Path | None:
    """The rules of the project the current folder is in (None: the bundled rules)."""
    found = find_project(Path.cwd())
    return found / RULES if found is not None else None


def _cleaner(rules: str | Path | None, **changes) -> Cleaner:
    """A cleaner with ``rules``, else the current project's rules, else the bundled ones."""
    rules = rules or _rules_here()
    try:
        return Cleaner(Settings(rules_dir=Path(rules) if rules else None, **changes))
    except RulePackError as exc:
        raise Mistake(f"bad rule pack: {exc}") from None


def _project_cleaner(root: Path) -> Cleaner:
    """The cleaner with the project's packs (the bundled ones when it has no rules/ folder)."""
    rules = root / RULES
    return _cleaner(rules if rules.is_dir() else None)


_root_option = click.option("--root", type=click.Path(exists=True, file_okay=False),
                            help="Project folder (default: the nearest folder at or above the current one "
                                 "with a rules/ folder).")
_rules_option = click.option("--rules", type=click.Path(exists=True, file_okay=False),
                             help="Rules folder (default: the project's, found from the current folder, else the bundled ones).")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """Maintain site rule packs: explain, check, new-site, goldens, coverage, import-ftr."""


@main.command()
@click.argument("file", type=click.Path(exists=True, allow_dash=True))
@click.option("--id", "wanted", help="The document to explain in a WARC or feed: its id, URL or place (#offset, :line); default the first.")
@click.option("--url", help="The page's URL (for site-pack matching by domain).")
@_rules_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
@click.option("--html", "report", type=click.Path(dir_okay=False), help="Also write a self-contained HTML report here.")
def explain(file, wanted, url, rules, as_json, report):
    """Show the record and, block by block, what was kept and what removed, by which rule and why.

    FILE is any input clean-articles reads: a text dump, an HTML page, compressed or not, a
    JSON Lines feed or a WARC archive (one document of it: --id, else the first)."""
    from .explain import explain as run, pick, render
    from .report import render_html

    try:
        doc = pick(file, wanted)
    except LookupError as exc:
        raise Mistake(str(exc)) from None
    if doc.error is not None or doc.skipped is not None:
        why = doc.error or doc.skipped
        raise Mistake(f"{doc.source}: {why.type}: {why.message}")
    if report and Path(report).resolve() == Path(file).resolve():
        raise Mistake(f"--html {report} is the input: the report would replace it")
    result = run(doc.data, url=url or doc.url, cleaner=_cleaner(rules, explain=True), doc_id=doc.doc_id or None,
                 source=doc.source)
    if report:
        try:
            Path(report).write_text(render_html(result, doc.source), encoding="utf-8")
        except OSError as exc:
            raise Mistake(f"cannot write {report}: {exc.strerror or exc}") from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif not report:
        click.echo(render(result, click.style))
    else:
        click.echo(f"wrote {report}")


@main.command()
@click.argument("rules_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--seeds", type=click.Path(exists=True, file_okay=False),
              help="Seeds that count as exercising rules (default: the project's seeds/, found from the current folder).")
@click.option("--pages", type=click.Path(exists=True, file_okay=False),
              help="Pages (dumps or HTML) on which generic rules must not remove running text, e.g. public dev pages.")
def check(rules_dir, seeds, pages):
    """Validate and lint every pack (RULES_DIR, default: the project's rules/, found from the
    current folder, else the bundled ones); exit 1 on any error."""
    from .check import check as run

    project = find_project(Path.cwd())
    rules_dir = Path(rules_dir) if rules_dir else (project / RULES if project else default_rules_dir())
    seeds = Path(seeds) if seeds else (project / SEEDS if project and (project / SEEDS).is_dir() else None)
    try:
        findings = run(rules_dir, seeds, Path(pages) if pages else None)
    except OSError as exc:
        raise Mistake(f"cannot read {exc.filename or rules_dir}: {exc.strerror or exc}") from None
    for finding in findings:
        click.echo(click.style(str(finding), fg="red" if finding.level == "error" else "yellow"))
    errors = sum(f.level == "error" for f in findings)
    click.echo(f"cleaner-rules check: {errors} errors, {len(findings) - errors} warnings", err=True)
    sys.exit(1 if errors else 0)


@main.command("new-site")
@click.argument("name", callback=_pack_name)
@click.argument("dumps", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@_root_option
def new_site(name, dumps, root):
    """Write a starter pack rules/NAME.yaml from a few dumps of one site; add them as seeds with draft goldens.

    NAME is the pack id: lower-case letters, digits, '.', '_' and '-'. Nothing is written outside
    the project, and nothing at all when any target exists already."""
    from .scaffold import plan, write

    root = _project(root)
    try:
        site = plan(name, [Path(d) for d in dumps], root)
        written = write(site, _project_cleaner(root))
    except (ValueError, OSError, RulePackError) as exc:
        raise Mistake(str(exc)) from None
    for path in written:
        click.echo(f"wrote {path}")
    click.echo("next: edit the pack (uncomment furniture rules, write each `why`), run `cleaner-rules check`, "
               "then review the draft goldens with `cleaner-rules goldens`.")


@main.command()
@_root_option
@click.option("--accept", "accept_ids", multiple=True, help="Accept the current output of this seed id as its golden.")
@click.option("--accept-all", is_flag=True, help="Accept every seed's current output (review the diffs first!).")
@click.option("--allow-lost-text", is_flag=True,
              help="Accept even a golden whose output lost paragraphs of the accepted golden's article text.")
def goldens(root, accept_ids, accept_all, allow_lost_text):
    """Re-run every seed and show the diff against its golden; accept reviewed ones."""
    from .review import accept, lost_text, review, seed_ids

    root = _project(root)
    if not (root / SEEDS).is_dir():
        raise Mistake(f"no {SEEDS}/ folder in the project folder {root}")
    unknown = sorted(set(accept_ids) - seed_ids(root))
    if unknown:
        raise Mistake(f"no seed with id {', '.join(unknown)} in {root / SEEDS}")
    try:
        pending = review(root, _project_cleaner(root))
    except (OSError, UnicodeDecodeError) as exc:
        raise Mistake(f"cannot read a seed or golden: {exc}") from None
    left = []
    for case, actual, diff in pending:
        wanted = accept_all or case.id in accept_ids
        if wanted and lost_text(case, actual) and not allow_lost_text:
            click.echo(diff)
            click.echo(f"not accepted {case.golden}: it loses article text of the accepted golden "
                       "(--allow-lost-text if that text is furniture after all)", err=True)
            left.append(case.id)
        elif wanted:
            accept(case, actual)
            click.echo(f"accepted {case.golden}")
        else:
            click.echo(diff)
            left.append(case.id)
    click.echo(f"cleaner-rules goldens: {len(left)} to review" + (f": {', '.join(left)}" if left else ""), err=True)
    sys.exit(1 if left else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_rules_option
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
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the packs (default: the project's rules/ folder, found as for --root).")
@click.option("--force", is_flag=True,
              help="Replace pack files that exist already (without it they are kept and reported).")
def import_ftr(files, out_dir, force):
    """Convert FiveFilters ftr-site-config files into rule packs (see cleaner/maint/ftr.py).

    An existing pack file is kept unless --force is given; a pack whose id another pack file in
    the folder has is never written. Exit 1 when any file was not imported."""
    from .ftr import import_file

    out = Path(out_dir) if out_dir else _project(None, "-o") / RULES
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Mistake(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    failed = 0
    for name in files:
        try:
            target, skipped = import_file(Path(name), out, force=force)
        except (RulePackError, OSError) as exc:
            failed += 1
            click.echo(f"{name}: not imported: {exc}", err=True)
            continue
        note = f" (not applied: {', '.join(sorted(skipped))})" if skipped else ""
        click.echo(f"{name} -> {target}{note}")
    sys.exit(1 if failed else 0)
