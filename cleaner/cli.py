"""``clean-articles``: the command. Flags become a ``Settings`` (and IO options) here and
nowhere else; reading, cleaning and writing live in ``cleaner/io/``.

Exit status: 0 every input cleaned (or skipped: not a page), 1 some inputs failed (their
error records say why), 2 a usage or configuration error found before any input is read (one
line on stderr), 3 the job itself failed (an output that cannot be written, workers that
cannot run), 128+signal when interrupted (130 Ctrl-C, 143 SIGTERM: the partial output stays
for ``--resume``).
"""
from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .core import Cleaner
from .errors import RulePackError
from .io.inputs import Input, expand, is_pattern
from .io.names import printable
from .io.sinks import JsonlSink, OutputError, Target, WriteError, plan, status_of
from .io.sources import Feed, read_inputs
from .io.stop import Interrupted, Stop
from .io.workers import PoolError, clean_all
from .settings import Settings
from .stories import StoryIndex

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_JOB = 0, 1, 2, 3


class Usage(Exception):
    """A mistake on the command line, found before any input is read: exit 2, one line."""


class Progress:
    """A tqdm bar on stderr when it is a terminal (documents, docs/s, failures); the counts,
    and those of the records kept from an earlier run (``--resume``)."""

    def __init__(self, quiet: bool, earlier: Counter):
        from tqdm import tqdm

        class Bar(tqdm):
            monitor_interval = 0  # no monitor thread: workers are forked from this process

        self.earlier = earlier
        self.counts = {"cleaned": 0, "failed": 0, "skipped": 0}
        self.started = time.perf_counter()
        self.bar = Bar(unit="doc", file=sys.stderr, disable=quiet or not sys.stderr.isatty(),
                       dynamic_ncols=True, smoothing=0.1)

    @property
    def read(self) -> int:
        return sum(self.counts.values())

    @property
    def failed(self) -> int:
        """Failed inputs of the whole output, earlier runs included."""
        return self.counts["failed"] + self.earlier["failed"]

    def update(self, record: dict) -> None:
        self.counts[status_of(record)] += 1
        self.bar.update(1)
        if (self.counts["failed"] or self.counts["skipped"]) and self.read % 50 == 0:
            self.bar.set_postfix(failed=self.counts["failed"], skipped=self.counts["skipped"], refresh=False)

    def summary(self) -> str:
        self.bar.close()
        seconds = time.perf_counter() - self.started
        c, e = self.counts, self.earlier
        kept = (f"; kept {sum(e.values())} records of the earlier run ({e['cleaned']} cleaned, "
                f"{e['failed']} failed, {e['skipped']} skipped)") if e else ""
        return (f"clean-articles: read {self.read}, cleaned {c['cleaned']}, failed {c['failed']}, "
                f"skipped {c['skipped']}, {seconds:.1f} s{kept}")


#: the options that change what cleaning does, shared by clean-articles and clean-articles-spark
CLEANING_OPTIONS = (
    click.option("--max-seconds", type=click.FloatRange(min=0), default=30.0, show_default=True,
                 help="Time limit per document (0: none)."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True,
                 help="Largest document (or feed line) read, after decompression."),
    click.option("--text-field", "text_fields", multiple=True,
                 help="JSON Lines field(s) with the page (default: html, text, content, raw)."),
    click.option("--url-field", default="url", show_default=True, help="JSON Lines field with the URL."),
    click.option("--id-field", default="id", show_default=True, help="JSON Lines field with the id."),
    click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
                 help="Folder of rule packs (default: the bundled rules/)."),
    click.option("--no-generic", is_flag=True, help="Do not apply the generic rule pack."),
    click.option("--no-heuristics", is_flag=True,
                 help="Rules only: no headline, teaser, trailer or main-content heuristics."),
    click.option("--no-language", is_flag=True, help="Skip language detection (packs may still pin it)."),
    click.option("--html-fallback", is_flag=True,
                 help="HTML: also try trafilatura's fallback extractors (more recall, slower)."),
    click.option("--explain", is_flag=True,
                 help="Add 'removed' and 'fields_from': what each rule and heuristic took out, and why; where each field came from."),
)


def cleaning_options(command):
    """Add ``CLEANING_OPTIONS`` to a command."""
    for option in reversed(CLEANING_OPTIONS):
        command = option(command)
    return command


def settings_of(max_seconds, max_bytes, text_fields, url_field, id_field, rules_dir, no_generic, no_heuristics,
                no_language, html_fallback, explain) -> tuple[Settings, Feed]:
    """The cleaning options as the ``Settings`` and the ``Feed`` (how to read JSON Lines)."""
    settings = Settings(rules_dir=Path(rules_dir) if rules_dir else None, generic_rules=not no_generic,
                        heuristics=not no_heuristics, detect_language=not no_language, explain=explain,
                        max_input_bytes=max_bytes, max_seconds=max_seconds, html_fallback=html_fallback)
    feed = Feed(text_fields=tuple(text_fields) or Feed.text_fields, url_field=url_field, id_field=id_field,
                max_bytes=max_bytes)
    return settings, feed


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="clean-articles")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", help="JSON Lines output ('-': stdout, the default; .gz compresses).")
@click.option("--errors", "errors_path", help="Write error and skipped records here instead of the output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--resume", is_flag=True, help="Keep the records of an interrupted run of the same output; skip their inputs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("--url", help="The URL of the (single) input, for site-pack matching by domain.")
@click.option("--stories", is_flag=True, help="Give every record a 'story': the id of the first record of its group of copies of one story.")
@click.option("--stories-window", type=click.IntRange(min=1), help="With --stories: compare with the last N records only (bounded memory for endless streams).")
@cleaning_options
def main(inputs, output, errors_path, jobs, resume, quiet, url, stories, stories_window, **cleaning):
    """Clean whole-page text dumps and HTML of news articles: one JSON record per input.

    INPUTS are files, folders (searched recursively: every file in them), glob patterns or
    '-' for stdin: text dumps, HTML pages, JSON Lines feeds and WARC archives, each optionally
    compressed (gzip, bzip2, xz); what a file holds is told from its content.
    """
    settings, feed = settings_of(**cleaning)
    stop = Stop().install()
    index = StoryIndex(stories_window) if stories or stories_window else None
    try:
        job = Job.prepare(inputs, output, errors_path, resume, settings, feed, index)
    except Usage as exc:
        click.echo(f"clean-articles: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(job.run(jobs or os.cpu_count() or 1, quiet, url, stop))


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="clean-articles-spark")
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", required=True,
              help="Output folder, which must not exist: part files of JSON Lines (the records of clean-articles) or Parquet.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "jsonl.gz", "parquet"]), default="jsonl", show_default=True)
@click.option("--master", help="Spark master URL (default: spark-submit's, else local[*]).")
@click.option("--partitions", type=click.IntRange(min=1), help="Partitions of the input list (default: 4 per core).")
@click.option("--manifest", "manifests", multiple=True,
              help="A file (path or Hadoop URI) that lists inputs, one per line, as cc-pyspark's warc.paths.")
@click.option("--manifest-prefix", default="", help="Put before every manifest line (e.g. s3a://commoncrawl/).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line, Spark's progress bar off.")
@click.option("--stories", is_flag=True, help="Give every record a 'story': the id of the first record of its group of copies of one story.")
@cleaning_options
def spark_main(inputs, output, fmt, master, partitions, manifests, manifest_prefix, quiet, stories, **cleaning):
    """Clean news pages on a Spark cluster: the records of clean-articles, one per input.

    INPUTS are what clean-articles reads (files, folders, globs, feeds, WARC archives,
    compressed or not), as local paths or Hadoop URIs (file://, hdfs://, s3a://...), and
    --manifest files that list them. The driver lists the files; executors read and clean them.
    """
    settings, feed = settings_of(**cleaning)
    sys.exit(_spark_job(inputs, manifests, manifest_prefix, output, fmt, master, partitions, quiet, stories,
                        settings, feed))


def _spark_job(inputs, manifests, manifest_prefix, output, fmt, master, partitions, quiet, stories,
               settings, feed) -> int:
    """clean-articles-spark's work on the driver, with clean-articles's exit statuses."""
    def usage(message: str) -> int:
        click.echo(f"clean-articles-spark: {message}", err=True)
        return EXIT_USAGE

    try:
        from . import spark as cluster
    except ImportError as exc:
        return usage(f"PySpark is not installed ({exc}): pip install 'cleaner[spark]'")
    if not inputs and not manifests:
        return usage("no input: give paths, URIs or --manifest")
    if cluster.scheme_of(output) in cluster.LOCAL_SCHEMES and os.path.lexists(cluster.local_path(output)):
        return usage(f"the output folder {printable(output)} exists: Spark writes a new one")
    try:
        Cleaner(settings)  # a bad rule pack stops here, before Spark starts
    except RulePackError as exc:
        return usage(f"bad rule pack: {exc}")
    started = time.perf_counter()
    spark = cluster.session(master, quiet)
    try:
        names = list(inputs) + [n for m in manifests for n in cluster.read_manifest(spark, m, manifest_prefix)]
        items = cluster.list_inputs(spark, names)
        if not items:
            return usage(f"no input: {', '.join(map(printable, names))} holds no file")
        counts = cluster.new_counts(spark.sparkContext)
        records = cluster.clean_inputs(spark, items, settings, feed, partitions, counts)
        if stories:
            records = cluster.with_stories(records, partitions)
        try:
            cluster.write_records(spark, records, output, fmt)
        except Exception as exc:  # noqa: BLE001 - Py4J's errors: the job's own failure
            click.echo(f"clean-articles-spark: the Spark job failed: {str(exc).splitlines()[0][:500]}", err=True)
            return EXIT_JOB
        done = {name: counter.value for name, counter in counts.items()}
    finally:
        spark.stop()
    if not quiet:
        click.echo(f"clean-articles-spark: read {sum(done.values())}, cleaned {done['cleaned']}, "
                   f"failed {done['failed']}, skipped {done['skipped']}, {time.perf_counter() - started:.1f} s", err=True)
    return EXIT_FAILED if done["failed"] else EXIT_OK


@dataclasses.dataclass
class Job:
    """One run of the command, checked and with its outputs open, ready to go."""

    items: Iterator[Input]
    feed: Feed
    cleaner: Cleaner
    out: JsonlSink
    errors: JsonlSink
    #: groups records into stories (``--stories``), or None
    stories: StoryIndex | None = None

    @classmethod
    def prepare(cls, inputs: tuple[str, ...], output: str | None, errors_path: str | None, resume: bool,
                settings: Settings, feed: Feed, stories: StoryIndex | None = None) -> "Job":
        """Every check that can fail before an input is read; ``Usage`` says which failed."""
        if resume and output in (None, "-"):
            raise Usage("--resume needs -o/--output naming a file")
        try:
            out_target = plan(output)
            err_target = plan(errors_path) if errors_path else None
        except OutputError as exc:
            raise Usage(str(exc)) from None
        _refuse_overlaps(inputs, out_target, err_target)
        try:
            cleaner = Cleaner(settings)
        except RulePackError as exc:
            raise Usage(f"bad rule pack: {exc}") from None
        missing = [printable(p) for p in inputs if p != "-" and not os.path.lexists(p) and not is_pattern(p)]
        if missing:
            raise Usage(f"no such input: {', '.join(missing)}")
        own = out_target.companions() + (err_target.companions() if err_target else ())
        items = expand(inputs, exclude=own)
        first = next(items, None)
        if first is None:
            raise Usage(f"no input: {', '.join(map(printable, inputs))} holds no file")
        seen = stories.add if stories is not None else None  # records kept by --resume, in order
        try:
            out = JsonlSink(out_target, resume=resume, seen=seen)
        except OutputError as exc:
            raise Usage(str(exc)) from None
        try:
            errors = JsonlSink(err_target, resume=resume, seen=seen) if err_target else out
        except OutputError as exc:
            out.abort()
            raise Usage(str(exc)) from None
        return cls(itertools.chain([first], items), feed, cleaner, out, errors, stories)

    def run(self, jobs: int, quiet: bool, url: str | None, stop: Stop) -> int:
        """Clean every input and write its record; the exit status."""
        skip = self.out.done | self.errors.done
        docs = (d for d in read_inputs(self.items, self.feed) if d.source not in skip)
        if url:
            docs = (d if d.url else dataclasses.replace(d, url=url) for d in docs)
        progress = Progress(quiet, self.out.earlier + self.errors.earlier if self.errors is not self.out
                            else self.out.earlier)
        try:
            for record in clean_all(docs, self.cleaner, jobs, stop):
                if self.stories is not None:
                    record["story"] = self.stories.add(record)
                sink = self.errors if "error" in record or "skipped" in record else self.out
                sink.write(record)
                progress.update(record)
            self._close("commit")
        except Interrupted as exc:
            self._close("abort")
            kept = [s.partial for s in {id(self.out): self.out, id(self.errors): self.errors}.values()
                    if s.target.kind == "file"]
            note = f"; kept {', '.join(map(str, kept))}: run again with --resume to finish" if kept else ""
            click.echo(f"{progress.summary()}; interrupted by {signal.Signals(exc.signum).name}{note}", err=True)
            return 128 + exc.signum
        except BrokenPipeError:  # the reader of stdout went away (``| head``): stop quietly
            self._close("abort")
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 128 + signal.SIGPIPE
        except (WriteError, PoolError) as exc:
            self._close("abort")
            click.echo(f"{progress.summary()}\nclean-articles: the job failed: {exc}", err=True)
            return EXIT_JOB
        except Exception as exc:  # noqa: BLE001 - a bug of the job's own: say so, keep the partial
            self._close("abort")
            click.echo(f"{progress.summary()}\nclean-articles: internal error: {type(exc).__name__}: {exc}\n"
                       f"{traceback.format_exc()}", err=True)
            return EXIT_JOB
        if not quiet:
            click.echo(progress.summary(), err=True)
        return EXIT_FAILED if progress.failed else EXIT_OK

    def _close(self, how: str) -> None:
        """``commit`` or ``abort`` every output once."""
        for sink in {id(self.out): self.out, id(self.errors): self.errors}.values():
            try:
                getattr(sink, how)()
            except WriteError:
                if how == "commit":
                    raise


def _refuse_overlaps(inputs: tuple[str, ...], out: Target, errors: Target | None) -> None:
    """An output that is also an input, or the same file as the other output, is refused."""
    if errors is not None and out.same_as(errors):
        raise Usage(f"--errors {printable(errors.name)} is the same file as the output; leave --errors out "
                    "to write error records to the output")
    for target in (out, errors):
        if target is None or target.kind != "file":
            continue
        for name in inputs:
            if name == "-" or not os.path.lexists(name):
                continue
            real = os.path.realpath(name)
            if real == target.path or real.startswith(target.path + ".partial"):
                raise Usage(f"the output {printable(target.name)} is also an input; "
                            "writing it would destroy it")
