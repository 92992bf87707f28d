"""Reading one input into documents: opened without blocking, decompressed by its magic
bytes, read as a WARC archive, a JSON Lines feed or one document, never past ``--max-bytes``.

How an input is read is decided by its content, not its name: gzip, bzip2 and xz by their
magic bytes, a WARC by ``WARC/`` at its start, a feed by a ``.jsonl``/``.ndjson`` name or a
first line that is a JSON object; anything else is one document (text or HTML).

Every input yields ``Doc`` items, and **whatever goes wrong while reading one input**
(decompression, recursion, memory, permission, encoding...) becomes one error ``Doc`` named
after it: the job goes on with the next input.
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import sys
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

from ..record import ErrorInfo
from .inputs import Input, expand
from .names import printable, stem

FEED_SUFFIXES = (".jsonl", ".ndjson")
_CHUNK = 1 << 20
#: bytes looked at to tell what an input holds
_SNIFF = 1 << 16


@dataclass(frozen=True)
class Feed:
    """How to read JSON Lines feeds, and how much to read of any one document at most."""

    text_fields: tuple[str, ...] = ("html", "text", "content", "raw")
    url_field: str = "url"
    id_field: str = "id"
    max_bytes: int = 20_000_000


@dataclass(frozen=True)
class Doc:
    """One document to clean (``data``), or why there is nothing to clean: ``error`` (it could
    not be read) or ``skipped`` (it is not a page, e.g. an HTTP 404 or an image in a WARC)."""

    source: str
    doc_id: str
    data: bytes | str | None = None
    url: str | None = None
    error: ErrorInfo | None = None
    skipped: ErrorInfo | None = None


class TooLarge(ValueError):
    """More than ``limit`` bytes: a bomb, a huge page, or a feed line without end."""

    def __init__(self, limit: int, what: str = "the input"):
        super().__init__(f"{what} has more than {limit} bytes (--max-bytes), after decompression")


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes, read in chunks; ``TooLarge`` as soon as there is more.

    >>> read_limited(io.BytesIO(b"abc"), 3)
    b'abc'
    >>> read_limited(io.BytesIO(b"abcd"), 3)
    Traceback (most recent call last):
    ...
    cleaner.io.sources.TooLarge: the input has more than 3 bytes (--max-bytes), after decompression
    """
    chunks, size = [], 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise TooLarge(limit)
        chunks.append(chunk)


# -- opening and telling what an input holds ------------------------------------------------

def _open(path: str) -> io.BufferedReader:
    """A buffered binary stream. Opened non-blocking, so that a FIFO nobody writes to gives an
    empty input instead of a job that waits forever; reads then block as usual."""
    if path == "-":
        return io.BufferedReader(io.FileIO(os.dup(sys.stdin.fileno()), "rb"), _SNIFF)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    return io.BufferedReader(io.FileIO(fd, "rb"), _SNIFF)


def compression_of(head: bytes) -> str:
    """``gzip``, ``bzip2``, ``xz`` or '' from the first bytes.

    >>> compression_of(gzip.compress(b"x")), compression_of(bz2.compress(b"x")), compression_of(b"BZh! text")
    ('gzip', 'bzip2', '')
    """
    if head.startswith(b"\x1f\x8b\x08"):
        return "gzip"
    if head.startswith(b"BZh") and head[3:4].isdigit() and head[4:10] in (b"1AY&SY", b"\x17rE8P\x90"):
        return "bzip2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    return ""


_DECOMPRESSORS = {"gzip": lambda: zlib.decompressobj(31), "bzip2": bz2.BZ2Decompressor,
                  "xz": lzma.LZMADecompressor}
_OPENERS = {"gzip": lambda raw: gzip.GzipFile(fileobj=raw, mode="rb"), "bzip2": bz2.BZ2File,
            "xz": lzma.LZMAFile}
_DAMAGE = (EOFError, zlib.error, lzma.LZMAError, gzip.BadGzipFile)


def _head(raw: io.BufferedReader, compression: str) -> bytes:
    """The first bytes of the content, decompressed from a peek (nothing is consumed)."""
    data = raw.peek(_SNIFF)[:_SNIFF]
    if not compression:
        return data
    try:
        return _DECOMPRESSORS[compression]().decompress(data, _SNIFF)
    except (*_DAMAGE, OSError):
        return b""  # reading it will fail and say why


def kind_of(head: bytes, name: str) -> str:
    """``warc``, ``feed`` or ``doc``: what a ``.warc``, ``.jsonl`` or ``.ndjson`` name says,
    else what the content's first bytes show.

    >>> kind_of(b"WARC/1.0\\r\\n", "x"), kind_of(b'{"text": "a"}\\n{"text": "b"}', "dump"), kind_of(b"{a}", "x.jsonl")
    ('warc', 'feed', 'feed')
    >>> kind_of(b"<html>", "a.jsonl.txt"), kind_of(b"{\\n  \\"pretty\\": 1\\n}", "a.json"), kind_of(b"x", "a.warc.gz")
    ('doc', 'doc', 'warc')
    """
    base = os.path.basename(name).lower()
    for suffix in (".gz", ".bz2", ".xz"):
        base = base.removesuffix(suffix)
    if head.startswith(b"WARC/") or base.endswith(".warc"):
        return "warc"
    if base.endswith(FEED_SUFFIXES):
        return "feed"
    first, newline, _ = head.lstrip().partition(b"\n")
    if first.startswith(b"{") and (newline or len(head) < _SNIFF):
        try:
            return "feed" if isinstance(json.loads(first), dict) else "doc"
        except (ValueError, RecursionError):
            return "doc"
    return "doc"


def read_input(item: Input, feed: Feed) -> Iterator[Doc]:
    """All documents of one input. Never raises for a bad input: a failure becomes one error
    ``Doc`` (a feed or WARC that breaks midway keeps the documents read before)."""
    if item.error is not None:
        yield Doc(item.source, stem(item.path), error=item.error)
        return
    try:
        raw = _open(item.path)
    except Exception as exc:  # noqa: BLE001 - any failure of one input is that input's record
        yield Doc(item.source, stem(item.path), error=read_error(item.source, exc))
        return
    with raw:
        yield from read_stream(raw, item, feed)


def read_stream(raw: io.BufferedReader, item: Input, feed: Feed) -> Iterator[Doc]:
    """All documents of one input's bytes, from a buffered binary stream (a file, or
    ``io.BufferedReader(io.BytesIO(data))`` for bytes read elsewhere, as Spark's); the same
    guarantees as ``read_input``."""
    compression = ""
    try:
        compression = compression_of(raw.peek(16))
        kind = kind_of(_head(raw, compression), item.path)
        if kind == "warc" and compression in ("", "gzip"):
            stream = raw  # warcio reads gzip members itself: offsets stay those of the file
        else:
            stream = _OPENERS[compression](raw) if compression else raw
        if kind == "warc":
            from .warc import read_warc

            yield from read_warc(stream, item.source, stem(item.path), feed)
        elif kind == "feed":
            yield from read_feed(stream, item.source, stem(item.path), feed)
        else:
            yield Doc(item.source, stem(item.path), read_limited(stream, feed.max_bytes))
    except Exception as exc:  # noqa: BLE001 - any failure of one input is that input's record
        yield Doc(item.source, stem(item.path), error=read_error(item.source, exc, bool(compression)))


def read_error(source: str, exc: BaseException, compressed: bool = False) -> ErrorInfo:
    """The error record's reason for an input that failed while being read.

    >>> read_error("a.gz", EOFError("Compressed file ended"), True).type
    'truncated'
    >>> read_error("a.txt", PermissionError(13, "Permission denied")).message
    'a.txt: Permission denied'
    """
    if isinstance(exc, TooLarge):
        return ErrorInfo("too_large", f"{source}: {exc}")
    if isinstance(exc, _DAMAGE) or compressed and type(exc) is OSError:
        return ErrorInfo("truncated", f"{source}: damaged or truncated compressed data ({exc or type(exc).__name__})")
    if isinstance(exc, OSError):
        return ErrorInfo("unreadable", f"{source}: {exc.strerror or exc}")
    return ErrorInfo("unreadable", f"{source}: {type(exc).__name__}: {printable(str(exc))[:300]}")


# -- JSON Lines feeds -----------------------------------------------------------------------

def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for every line, never holding more than ``limit`` bytes of one: a
    longer line is skipped in chunks and given as ``None``.

    >>> list(bounded_lines(io.BytesIO(b"ab\\n" + b"x" * 10 + b"\\ncd"), 5))
    [(1, b'ab\\n'), (2, None), (3, b'cd')]
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n") and len(line) == limit + 1:
            yield number, line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(_CHUNK)
        yield number, None


def read_feed(stream: BinaryIO, source: str, name: str, feed: Feed) -> Iterator[Doc]:
    """One document per JSON line; a bad line is an error ``Doc`` named ``source:line``; a
    stream that breaks midway ends with an error ``Doc`` for the line it broke in."""
    number = 0
    try:
        for number, line in bounded_lines(stream, feed.max_bytes):
            if line is None or line.strip():
                yield feed_doc(line, f"{source}:{number}", f"{name}:{number}", feed)
    except Exception as exc:  # noqa: BLE001 - a damaged stream ends the feed, not the job
        yield Doc(f"{source}:{number + 1}", f"{name}:{number + 1}",
                  error=read_error(f"{source}:{number + 1}", exc, True))


def _scalar(value) -> str | None:
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) and value != "" else None


def feed_doc(line: bytes | None, source: str, default_id: str, feed: Feed) -> Doc:
    """The document of one feed line (``None``: a line over the size limit).

    >>> feed_doc(b'{"id": 7, "text": "Hi", "url": "https://a.example/x"}', "f:1", "f:1", Feed()).doc_id
    '7'
    >>> feed_doc(b'[' * 5000, "f:2", "f:2", Feed()).error.type
    'bad_json'
    """
    if line is None:
        return Doc(source, default_id, error=ErrorInfo("too_large", f"{source}: {TooLarge(feed.max_bytes, 'the line')}"))
    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else printable(str(exc))
        return Doc(source, default_id, error=ErrorInfo("bad_json", f"{source}: not JSON: {reason}"))
    if not isinstance(item, dict):
        return Doc(source, default_id, error=ErrorInfo("bad_json", f"{source}: not a JSON object"))
    doc_id = _scalar(item.get(feed.id_field)) or default_id
    url = item.get(feed.url_field) if isinstance(item.get(feed.url_field), str) else None
    text = next((item[f] for f in feed.text_fields if isinstance(item.get(f), str)), None)
    if text is None:
        fields = "/".join(feed.text_fields)
        return Doc(source, doc_id, url=url, error=ErrorInfo("no_text_field", f"{source}: no {fields} field"))
    return Doc(source, doc_id, text, url=url)


def read_inputs(items: Iterable[Input], feed: Feed) -> Iterator[Doc]:
    """Every document of every input, lazily, in input order."""
    for item in items:
        yield from read_input(item, feed)


def iter_docs(names: Iterable[str], feed: Feed, exclude: Iterable[str] = ()) -> Iterator[Doc]:
    """Every document of the inputs ``names`` (``exclude``: files never read, such as the
    job's own outputs)."""
    return read_inputs(expand(names, exclude), feed)
