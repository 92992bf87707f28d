"""``clean-articles``: the command. Flags become a ``Settings`` (and IO options) here and
nowhere else; reading, cleaning and writing live in ``cleaner/io/``.

Exit status: 0 every input cleaned, 1 some inputs failed (their error records say why),
2 usage or configuration error (a bad rule pack, no such input) before any input is read,
130/143 when interrupted (the partial output stays for ``--resume``).
"""
from __future__ import annotations

import dataclasses
import os
import signal
import sys
import time
from pathlib import Path

import click

from .core import Cleaner
from .errors import RulePackError
from .io.sinks import JsonlSink
from .io.sources import Feed, iter_docs
from .io.workers import clean_all
from .settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Progress:
    """A tqdm bar on stderr when it is a terminal (documents, docs/s, failures); the counts."""

    def __init__(self, quiet: bool):
        from tqdm import tqdm

        self.read = self.failed = 0
        self.started = time.perf_counter()
        self.bar = tqdm(unit="doc", file=sys.stderr, disable=quiet or not sys.stderr.isatty(),
                        dynamic_ncols=True, smoothing=0.1)

    def update(self, record: dict) -> None:
        self.read += 1
        self.failed += "error" in record
        self.bar.update(1)
        if self.failed and self.read % 50 == 0:
            self.bar.set_postfix(failed=self.failed, refresh=False)

    def summary(self) -> str:
        self.bar.close()
        seconds = time.perf_counter() - self.started
        return (f"clean-articles: read {self.read}, cleaned {self.read - self.failed}, "
                f"failed {self.failed}, {seconds:.1f} s")


def _terminate(signum, frame):
    raise SystemExit(128 + signum)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="JSON Lines output (.gz compresses); default stdout.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), help="Write error records here instead of the output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--resume", is_flag=True, help="Keep the records of an interrupted run of the same output; skip their inputs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("--max-seconds", type=click.FloatRange(min=0), default=30.0, show_default=True, help="Time limit per document (0: none).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True, help="Largest document read, after decompression.")
@click.option("--text-field", "text_fields", multiple=True, help="JSON Lines field(s) with the page (default: html, text, content, raw).")
@click.option("--url-field", default="url", show_default=True, help="JSON Lines field with the URL.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines field with the id.")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Folder of rule packs (default: the bundled rules/).")
@click.option("--no-generic", is_flag=True, help="Do not apply the generic rule pack.")
@click.option("--no-heuristics", is_flag=True, help="Rules only: no headline, teaser, trailer or main-content heuristics.")
@click.option("--no-language", is_flag=True, help="Skip language detection (packs may still pin it).")
@click.option("--html-fallback", is_flag=True, help="HTML: also try trafilatura's fallback extractors (more recall, slower).")
@click.option("--explain", is_flag=True, help="Add 'removed': what each rule and heuristic took out, and why.")
@click.option("--url", help="The URL of the (single) input, for site-pack matching by domain.")
def main(inputs, output, errors_path, jobs, resume, quiet, max_seconds, max_bytes, text_fields, url_field,
         id_field, rules_dir, no_generic, no_heuristics, no_language, html_fallback, explain, url):
    """Clean whole-page text dumps and HTML of news articles: one JSON record per input.

    INPUTS are files, folders (searched recursively), glob patterns or '-' for stdin: text
    dumps, HTML pages, JSON Lines feeds (.jsonl) and WARC archives (.warc), each optionally
    compressed (.gz, .bz2, .xz).
    """
    settings = Settings(rules_dir=Path(rules_dir) if rules_dir else None, generic_rules=not no_generic,
                        heuristics=not no_heuristics, detect_language=not no_language, explain=explain,
                        max_input_bytes=max_bytes, max_seconds=max_seconds, html_fallback=html_fallback)
    feed = Feed(text_fields=tuple(text_fields) or Feed.text_fields, url_field=url_field, id_field=id_field,
                max_bytes=max_bytes)
    if resume and not output:
        _usage("--resume needs -o/--output")
    try:
        cleaner = Cleaner(settings)
    except RulePackError as exc:
        _usage(f"bad rule pack: {exc}")
    missing = [p for p in inputs if p != "-" and not Path(p).exists() and not any(c in p for c in "*?[")]
    if missing:
        _usage(f"no such input: {', '.join(missing)}")
    jobs = jobs or os.cpu_count() or 1
    signal.signal(signal.SIGTERM, _terminate)
    out = JsonlSink(output, resume=resume)
    errors = JsonlSink(errors_path, resume=resume) if errors_path else out
    skip = out.done | errors.done
    progress = Progress(quiet)
    docs = (d for d in iter_docs(inputs, feed) if d.source not in skip)
    if url:
        docs = (d if d.url else dataclasses.replace(d, url=url) for d in docs)
    try:
        for record in clean_all(docs, settings, jobs, cleaner):
            (errors if "error" in record else out).write(record)
            progress.update(record)
    except BaseException:
        out.abort()
        errors is not out and errors.abort()
        raise
    out.commit()
    if errors is not out:
        errors.commit()
    if not quiet:
        click.echo(progress.summary(), err=True)
    sys.exit(EXIT_FAILED if progress.failed else EXIT_OK)


def _usage(message: str):
    click.echo(f"clean-articles: {message}", err=True)
    sys.exit(EXIT_USAGE)
