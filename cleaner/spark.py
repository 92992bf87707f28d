"""Cleaning on a Spark cluster: the same readers and the same ``Cleaner`` inside executors.

Two entries, both running ``Cleaner.clean`` in executors with one ``Cleaner`` per executor
process (the rule packs and language profiles load once per Python worker):

* ``clean_dataframe(df, text_col=..., url_col=..., id_col=...)``: a DataFrame of pages in,
  a DataFrame of records out, with ``record_schema()`` (derived from ``Article``, never written
  out by hand); ``clean_rows`` is the partition function it maps.
* ``clean_inputs(spark, inputs, ...)``: what ``clean-articles-spark`` runs. The driver lists
  the input files (never their data): local paths and ``file://`` URIs with cleaner's own
  walker, other Hadoop URIs (``hdfs://``, ``s3a://``...) with Hadoop's FileSystem; a manifest
  lists paths one per line (as cc-pyspark's). The list is split into partitions; each
  executor reads its files with ``cleaner.io.sources.read_input`` (streamed: plain,
  compressed, feeds, WARC), or, for a URI only the JVM can open, gets the file's bytes from
  Spark's ``binaryFiles`` and reads them with the same function. ``write_records`` writes
  the records as JSON Lines (the same lines as ``clean-articles``) or Parquet through Spark's
  output committer: a failed or retried task leaves no duplicate, and a failed job no
  ``_SUCCESS``.

No input fails a task: every failure is that input's error record, counted in accumulators.
"""
from __future__ import annotations

import collections.abc
import dataclasses
import io
import os
import types
import typing
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping
from urllib.parse import urlsplit

from .core import Cleaner
from .io.inputs import Input, expand
from .io.names import printable, stem
from .io.sinks import json_line, status_of
from .io.sources import Doc, Feed, read_error, read_input, read_stream
from .io.workers import unread_record
from .record import Article, ErrorInfo
from .settings import Settings

#: URI schemes that executors read themselves (a path on a file system every worker sees)
LOCAL_SCHEMES = ("", "file")
FORMATS = ("jsonl", "jsonl.gz", "parquet")


# -- the schema, from the record type ------------------------------------------------------

def _spark_type(hint: Any):
    """The Spark SQL type of one annotation of the record types."""
    from pyspark.sql import types as T

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _spark_type(inner[0])
    if origin is tuple:
        return T.ArrayType(_spark_type(args[0]))
    if origin in (Mapping, dict, collections.abc.Mapping) or hint is dict:
        return T.MapType(T.StringType(), T.StringType())
    if dataclasses.is_dataclass(hint):
        return _struct(hint)
    return {str: T.StringType(), int: T.LongType(), bool: T.BooleanType(), float: T.DoubleType()}[hint]


def _struct(record_type: type):
    from pyspark.sql import types as T

    hints = typing.get_type_hints(record_type)
    return T.StructType([T.StructField(f.name, _spark_type(hints[f.name]), nullable=True)
                         for f in dataclasses.fields(record_type)])


def record_schema():
    """The Spark schema of a record, derived from ``Article`` (and its parts): a field's
    annotation gives its Spark type (``str`` string, ``tuple[str, ...]`` array, a record type
    a struct, a mapping a map), so a field added to the record is a column at once."""
    return _struct(Article)


def _row(record: dict, names: tuple[str, ...]) -> tuple:
    """A record dict as a tuple in the schema's order (nested records as dicts)."""
    return tuple(record.get(name) for name in names)


# -- executors: one Cleaner per Python worker ------------------------------------------------

@lru_cache(maxsize=4)
def cleaner_for(settings: Settings) -> Cleaner:
    """The executor process's ``Cleaner`` for these settings, built and warmed up once."""
    return Cleaner(settings).warm_up()


def clean_rows(rows: Iterable, settings: Settings, text_col: str, url_col: str | None,
               id_col: str | None, names: tuple[str, ...]) -> Iterator[tuple]:
    """The partition function of ``clean_dataframe``: one record (as a schema-ordered tuple)
    per row; a row that cannot be cleaned gives its error record."""
    cleaner = cleaner_for(settings)
    for row in rows:
        data = row[text_col]
        doc_id = str(row[id_col]) if id_col and row[id_col] is not None else None
        url = row[url_col] if url_col else None
        if data is None:
            record = Article(id=doc_id or "", url=url, error=ErrorInfo("empty", f"no {text_col}"))
        else:
            record = cleaner.clean(bytes(data) if isinstance(data, bytearray) else data, url=url, doc_id=doc_id)
        yield _row(record.to_dict(), names)


def clean_dataframe(df, text_col: str = "text", url_col: str | None = "url", id_col: str | None = "id",
                    settings: Settings | None = None):
    """A DataFrame of records (``record_schema()``) for a DataFrame of pages: ``text_col``
    holds a text dump or HTML (string or binary), ``url_col`` and ``id_col`` are optional.

    >>> # df = spark.createDataFrame([("a1", "https://x.example/a", html)], ["id", "url", "html"])
    >>> # records = clean_dataframe(df, text_col="html")
    """
    settings = settings or Settings()
    schema = record_schema()
    names = tuple(schema.names)
    columns = set(df.columns)
    url_col = url_col if url_col in columns else None
    id_col = id_col if id_col in columns else None
    rdd = df.rdd.mapPartitions(lambda rows: clean_rows(rows, settings, text_col, url_col, id_col, names))
    return df.sparkSession.createDataFrame(rdd, schema)


# -- clean-articles-spark: inputs listed on the driver, read in executors -------------------

def scheme_of(name: str) -> str:
    """The URI scheme of an input ('' for a plain path).

    >>> scheme_of("hdfs://nn/crawl/a.warc.gz"), scheme_of("/data/a.txt"), scheme_of("file:///data/a.txt")
    ('hdfs', '', 'file')
    """
    found = urlsplit(name).scheme
    return found.lower() if len(found) > 1 else ""  # "C:\\..." is a path


def local_path(name: str) -> str:
    """The local path of a plain path or ``file://`` URI.

    >>> local_path("file:///data/a.txt"), local_path("data/a.txt")
    ('/data/a.txt', 'data/a.txt')
    """
    return urlsplit(name).path if scheme_of(name) == "file" else name


def list_inputs(spark, names: Iterable[str], local_schemes: tuple[str, ...] = LOCAL_SCHEMES) -> list[Input]:
    """Every input file on the driver: local ones with cleaner's walker (errors for what
    cannot be read), others with Hadoop's FileSystem (globs and folders, recursively)."""
    local, remote = [], []
    for name in names:
        (local if scheme_of(name) in local_schemes else remote).append(name)
    found = list(expand([local_path(n) for n in local]))
    for name in remote:
        found += [Input(uri, uri) for uri in _hadoop_files(spark, name)]
    return found


def _hadoop_files(spark, uri: str) -> list[str]:
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(uri)
    fs = path.getFileSystem(conf)
    out = []
    for status in fs.globStatus(path) or []:
        if status.isDirectory():
            files = fs.listFiles(status.getPath(), True)
            while files.hasNext():
                out.append(files.next().getPath().toString())
        else:
            out.append(status.getPath().toString())
    return sorted(out)


def read_manifest(spark, name: str, prefix: str = "") -> list[str]:
    """The paths a manifest lists, one per line (blank lines and ``#`` comments skipped),
    each after ``prefix`` (``s3a://commoncrawl/`` for Common Crawl's ``warc.paths``)."""
    if scheme_of(name) in LOCAL_SCHEMES:
        with open(local_path(name), encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    else:
        lines = spark.sparkContext.textFile(name).collect()
    return [prefix + line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _docs_of(item: Input, data: bytes | None, feed: Feed) -> Iterator[Doc]:
    """The documents of one input: read from its file, or from the bytes Spark read for it."""
    if data is None:
        return read_input(item, feed)
    return read_stream(io.BufferedReader(io.BytesIO(data)), item, feed)


def clean_partition(items: Iterable[tuple[Input, bytes | None]], settings: Settings, feed: Feed,
                    counts: Mapping[str, Any] | None = None) -> Iterator[dict]:
    """The records of one partition's inputs, in order; no input can fail the task."""
    cleaner = cleaner_for(settings)
    for item, data in items:
        try:
            for doc in _docs_of(item, data, feed):
                record = unread_record(doc) or cleaner.clean(doc.data, url=doc.url, doc_id=doc.doc_id or None,
                                                             source=doc.source).to_dict()
                if counts is not None:
                    counts[status_of(record)].add(1)
                yield record
        except Exception as exc:  # noqa: BLE001 - the machinery around one input: its record
            record = Article(id=stem(item.path) or item.source, source=item.source,
                             error=read_error(item.source, exc)).to_dict()
            if counts is not None:
                counts["failed"].add(1)
            yield record


def weight(item: Input) -> float:
    """How much work an input is, roughly: its size, compressed bytes counted four times
    (the driver reads the file system's metadata, never the data).

    >>> weight(Input("/no/such/file.txt", "/no/such/file.txt"))
    1.0
    """
    if item.error or scheme_of(item.path) not in LOCAL_SCHEMES:
        return 1.0 if item.error else float(1 << 26)  # a remote file: as a 64 MB one
    try:
        size = os.stat(local_path(item.path)).st_size
    except OSError:
        return 1.0
    return float(max(1, size * (4 if item.path.lower().endswith((".gz", ".bz2", ".xz")) else 1)))


def balanced(weights: list[float], parts: int) -> list[range]:
    """``parts`` runs of consecutive indexes with about equal summed weights (input order is
    kept: the records come out in it).

    >>> balanced([1, 1, 1, 1, 8, 1, 1], 3)
    [range(0, 4), range(4, 5), range(5, 7)]
    """
    total, ranges, start, acc = sum(weights), [], 0, 0.0
    for i, w in enumerate(weights):
        target = total * (len(ranges) + 1) / parts
        if len(ranges) < parts - 1 and i > start and acc + w > target and target - acc < acc + w - target:
            ranges.append(range(start, i))  # the run is nearer its share without this one
            start, target = i, total * (len(ranges) + 1) / parts
        acc += w
        if len(ranges) < parts - 1 and acc >= target and i + 1 < len(weights):
            ranges.append(range(start, i + 1))
            start = i + 1
    ranges.append(range(start, len(weights)))
    return [r for r in ranges if len(r)]


def clean_inputs(spark, items: list[Input], settings: Settings, feed: Feed, partitions: int | None = None,
                 counts: Mapping[str, Any] | None = None, local_schemes: tuple[str, ...] = LOCAL_SCHEMES,
                 clean=clean_partition):
    """An RDD of the records (dicts) of ``items``, in their order, cleaned in executors by
    ``clean`` (``clean_partition``). The items are cut into ``partitions`` runs of about equal
    work (``weight``). Inputs with a scheme in ``local_schemes`` are read by the executors
    themselves, the others through Spark's ``binaryFiles`` (the JVM reads them, with the
    cluster's file system connectors)."""
    sc = spark.sparkContext
    partitions = max(1, min(len(items), partitions or sc.defaultParallelism * 4))
    own = [i for i, item in enumerate(items) if item.error or scheme_of(item.path) in local_schemes]
    chunks = [[(i, (items[i], None)) for i in (own[k] for k in run)]
              for run in balanced([weight(items[i]) for i in own], partitions)]
    rdd = sc.parallelize(chunks, len(chunks)).flatMap(lambda chunk: chunk) if chunks else sc.emptyRDD()
    mine = set(own)
    by_path = {item.path: i for i, item in enumerate(items) if i not in mine}
    if by_path:
        listed = {i: items[i] for i in by_path.values()}
        read = sc.binaryFiles(",".join(by_path), minPartitions=partitions)
        rdd = rdd.union(read.map(lambda pair: (by_path[pair[0]], (listed[by_path[pair[0]]], pair[1]))))
        rdd = rdd.sortByKey(numPartitions=partitions)
    return rdd.mapPartitions(lambda pairs: clean((p for _, p in pairs), settings, feed, counts))


def with_stories(records, partitions: int | None = None):
    """The records (an RDD of dicts, in input order) with their ``story``, grouped by Spark:
    each record's MinHash signature (``cleaner.stories``) gives its LSH band keys; records
    that share a band key are compared with the bucket's first record and linked when their
    signatures are alike (``stories.THRESHOLD``); a story is the id of the first record of a
    group of linked records (connected components, by pointer jumping). On chains of copies
    that are alike two by two but not end to end, a group can be larger than the one
    ``clean-articles --stories`` forms by comparing with a story's first record."""
    from pyspark import StorageLevel

    from . import stories

    # kept: zipWithIndex counts the partitions first, and the records must be cleaned once
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    numbered = records.zipWithIndex().map(lambda pair: (pair[1], pair[0]))

    def digest(pair):
        n, record = pair
        if record.get("error") or record.get("skipped"):
            return []
        minhash = stories.signature(record.get("body") or "")
        return [(n, minhash.digest())] if minhash is not None else []

    digests = numbered.flatMap(digest).persist(StorageLevel.MEMORY_AND_DISK)
    buckets = digests.flatMap(lambda pair: [(key, pair[0]) for key in stories.band_keys(pair[1])]).groupByKey(partitions)
    edges = buckets.flatMap(lambda kv: _star(sorted(kv[1]))).distinct()  # (first of the bucket, other)
    alike = (edges.join(digests).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
             .join(digests).filter(lambda kv: stories.similarity(kv[1][0][1], kv[1][1]) >= stories.THRESHOLD)
             .map(lambda kv: (kv[0], kv[1][0][0])).reduceByKey(min))  # other -> the smallest first linked
    labels = alike
    while True:  # pointer jumping: a record's label becomes its label's label until none moves
        jumped = (labels.map(lambda kv: (kv[1], kv[0])).leftOuterJoin(labels)
                  .map(lambda kv: (kv[1][0], kv[1][1] if kv[1][1] is not None else kv[0])))
        moved = jumped.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels = jumped.persist(StorageLevel.MEMORY_AND_DISK)
        if not moved:
            break
    ids = numbered.map(lambda pair: (pair[0], pair[1]["id"]))
    story_ids = labels.map(lambda kv: (kv[1], kv[0])).join(ids).map(lambda kv: (kv[1][0], kv[1][1]))

    def attach(kv):
        n, (record, story) = kv
        return n, {**record, "story": story if story is not None else record["id"]}

    return numbered.leftOuterJoin(story_ids).map(attach).sortByKey(numPartitions=partitions).values()


def _star(members: list[int]) -> list[tuple[int, int]]:
    """A bucket's members linked to its first: (first, other) pairs.

    >>> _star([3, 7, 9])
    [(3, 7), (3, 9)]
    """
    return [(members[0], other) for other in members[1:]]


def write_records(spark, records, outdir: str, fmt: str = "jsonl") -> None:
    """Write an RDD of record dicts to ``outdir`` (which must not exist) through Spark's
    output committer: JSON Lines as ``clean-articles`` writes them (``jsonl.gz``: gzip part
    files), or Parquet with ``record_schema()``."""
    if fmt == "parquet":
        schema = record_schema()
        names = tuple(schema.names)
        spark.createDataFrame(records.map(lambda r: _row(r, names)), schema).write.parquet(outdir)
        return
    codec = "org.apache.hadoop.io.compress.GzipCodec" if fmt == "jsonl.gz" else None
    records.map(lambda r: json_line(r).decode("utf-8").rstrip("\n")).saveAsTextFile(outdir, compressionCodecClass=codec)


def read_back(outdir: str) -> list[dict]:
    """The records of a JSON Lines output folder (for tests and checks), in part order."""
    import gzip
    import json

    out = []
    for name in sorted(os.listdir(outdir)):
        if not name.startswith("part-"):
            continue
        with open(os.path.join(outdir, name), "rb") as stream:
            data = stream.read()
        text = gzip.decompress(data) if name.endswith(".gz") else data
        out += [json.loads(line) for line in io.StringIO(text.decode("utf-8")) if line.strip()]
    return out


def session(master: str | None = None, quiet: bool = False):
    """The job's SparkSession: ``master`` (else what spark-submit set, else ``local[*]``);
    local workers run this Python, so that they import this cleaner."""
    import sys

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("clean-articles-spark")
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.ui.showConsoleProgress", "false" if quiet else "true")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def new_counts(sc) -> dict[str, Any]:
    """Accumulators for cleaned, failed and skipped records."""
    return {name: sc.accumulator(0) for name in ("cleaned", "failed", "skipped")}


__all__ = ["clean_dataframe", "clean_rows", "record_schema", "clean_inputs", "clean_partition",
           "write_records", "list_inputs", "read_manifest", "cleaner_for", "printable"]
