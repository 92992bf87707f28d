"""Inputs of every kind a crawler writes, read lazily: files, folders, globs, stdin,
compressed files, JSON Lines feeds and WARC archives.

Every input yields ``Doc`` items; an input that cannot be read yields one ``Doc`` with an
``error`` instead, so that nothing is ever lost silently.
"""
from __future__ import annotations

import bz2
import glob
import gzip
import io
import json
import lzma
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from ..record import ErrorInfo

DOC_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
COMPRESSIONS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Feed:
    """How to read JSON Lines feeds and how much to read at most."""

    text_fields: tuple[str, ...] = ("html", "text", "content", "raw")
    url_field: str = "url"
    id_field: str = "id"
    max_bytes: int = 20_000_000


@dataclass(frozen=True)
class Doc:
    """One document to clean (``data``), or the reason it could not be read (``error``)."""

    source: str
    doc_id: str
    data: bytes | None = None
    url: str | None = None
    error: ErrorInfo | None = None
    extra: dict = field(default_factory=dict, compare=False)


def _stem(name: str) -> str:
    """File name without its extensions.

    >>> _stem("dumps/003_14e36000ea184500.txt.gz")
    '003_14e36000ea184500'
    """
    return Path(name).name.split(".")[0]


def _suffixes(name: str) -> tuple[str, str]:
    """(compression suffix or '', content suffix), lower-cased.

    >>> _suffixes("a/b.warc.gz"), _suffixes("x.JSONL"), _suffixes("page.html")
    (('.gz', '.warc'), ('', '.jsonl'), ('', '.html'))
    """
    parts = [s.lower() for s in Path(name).suffixes]
    compression = parts[-1] if parts and parts[-1] in COMPRESSIONS else ""
    content = parts[-2] if compression and len(parts) > 1 else (parts[-1] if parts and not compression else "")
    return compression, content


def is_input_file(path: Path) -> bool:
    compression, content = _suffixes(path.name)
    return content in DOC_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES or (bool(compression) and not content)


def expand(paths: tuple[str, ...]) -> Iterator[str]:
    """Names of the inputs: '-' as is, folders walked (sorted), globs expanded, files as given."""
    for name in paths:
        path = Path(name)
        if name == "-" or path.is_file():
            yield name
        elif path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file() and is_input_file(p))
        elif any(ch in name for ch in "*?["):
            yield from sorted(glob.glob(name, recursive=True))
        else:
            yield name  # reported as unreadable by read_input


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes; ``ValueError`` when there is more (a bomb, a huge page)."""
    chunks, size = [], 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise ValueError(f"more than {limit} bytes")
        chunks.append(chunk)


def _open(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    compression, _ = _suffixes(name)
    return COMPRESSIONS[compression](name, "rb") if compression else open(name, "rb")


def read_input(name: str, feed: Feed) -> Iterator[Doc]:
    """All documents of one named input; failures become error ``Doc`` items."""
    _, content = _suffixes(name)
    try:
        if content in WARC_SUFFIXES:
            from .warc import read_warc
            yield from read_warc(name, feed)
        elif content in FEED_SUFFIXES:
            with _open(name) as stream:
                yield from read_feed(stream, name, feed)
        else:
            with _open(name) as stream:
                data = read_limited(stream, feed.max_bytes)
            if name == "-" and data.lstrip()[:1] == b"{":
                yield from read_feed(io.BytesIO(data), "-", feed)
            else:
                yield Doc(name, _stem(name) if name != "-" else "", data)
    except FileNotFoundError:
        yield Doc(name, _stem(name), error=ErrorInfo("unreadable", f"{name}: no such file"))
    except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
        yield Doc(name, _stem(name), error=_read_error(name, exc))


def _read_error(name: str, exc: Exception) -> ErrorInfo:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, ValueError) and text.startswith("more than"):
        return ErrorInfo("too_large", f"{name}: {text} after decompression or reading")
    if isinstance(exc, (EOFError, gzip.BadGzipFile, lzma.LZMAError)) or "compressed" in text.lower():
        return ErrorInfo("truncated", f"{name}: damaged or truncated compressed data ({text})")
    return ErrorInfo("unreadable", f"{name}: {text}")


def read_feed(stream: BinaryIO, name: str, feed: Feed) -> Iterator[Doc]:
    """One document per JSON line; a bad line is an error ``Doc`` named ``file:line``."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        source = f"{name}:{number}"
        try:
            item = json.loads(raw)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            yield Doc(source, f"{_stem(name)}:{number}", error=ErrorInfo("bad_json", f"{source}: {exc}"))
            continue
        doc_id = str(item.get(feed.id_field) or f"{_stem(name)}:{number}")
        text = next((item[f] for f in feed.text_fields if isinstance(item.get(f), str)), None)
        url = item.get(feed.url_field) if isinstance(item.get(feed.url_field), str) else None
        if text is None:
            fields = "/".join(feed.text_fields)
            yield Doc(source, doc_id, url=url, error=ErrorInfo("no_text_field", f"{source}: no {fields} field"))
        else:
            yield Doc(source, doc_id, text.encode("utf-8", "surrogatepass"), url=url)


def iter_docs(paths: tuple[str, ...], feed: Feed) -> Iterator[Doc]:
    """Every document of every input, lazily, in input order."""
    for name in expand(paths):
        yield from read_input(name, feed)
