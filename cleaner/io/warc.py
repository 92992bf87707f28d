"""WARC archives, streamed with warcio: one document per page record.

* Pages are ``response``, ``resource`` and ``conversion`` records (the last is the plain text
  of Common Crawl's WET files). Requests, metadata and ``warcinfo`` are not documents.
* A response that is not a page is *skipped* with its reason: an HTTP status other than 2xx,
  a content type that is not text, a ``revisit`` (its payload is in another record).
* ``source`` is ``archive#offset`` (the record's byte offset in the file, as in a CDX index):
  unique and stable. ``id`` is the WARC-Record-ID, or ``name#offset`` when the record has none
  or repeats one seen earlier in the archive.
* Bounded: a header line over ``MAX_HEADER_LINE`` bytes or headers over ``MAX_HEADERS`` end
  the archive with an error record (warcio alone would read a 1.5 GB header line into memory);
  a payload over ``--max-bytes`` is a ``too_large`` record.
* A damaged archive yields the records read so far and one error record; an archive without
  any page record gives one ``no_pages`` error record.
"""
from __future__ import annotations

from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BUFF_SIZE, DecompressingBufferedReader

from ..record import ErrorInfo
from .sources import Doc, Feed, TooLarge, read_error, read_limited

PAGE_TYPES = ("response", "resource", "conversion", "revisit")
_PAGE_CONTENT = ("text/html", "text/plain", "application/xhtml", "application/xml", "text/xml")
MAX_HEADER_LINE = 64 << 10
MAX_HEADERS = 1 << 20


class HeaderTooLarge(ValueError):
    """A WARC or HTTP header past the limits: the archive cannot be read on safely."""


class _BoundedReader(DecompressingBufferedReader):
    """warcio's reader, with header lines (read by ``readline``) bounded; payloads are read
    with ``read``, which starts a new header count."""

    header_bytes = 0

    def readline(self, length=None):
        cap = MAX_HEADER_LINE + 1 if length is None else min(length, MAX_HEADER_LINE + 1)
        line = super().readline(cap)
        self.header_bytes += len(line)
        if len(line) > MAX_HEADER_LINE and not line.endswith(b"\n"):
            raise HeaderTooLarge(f"a header line longer than {MAX_HEADER_LINE} bytes")
        if self.header_bytes > MAX_HEADERS:
            raise HeaderTooLarge(f"headers longer than {MAX_HEADERS} bytes")
        return line

    def read(self, length=None):
        self.header_bytes = 0
        return super().read(length)


class _Archive(ArchiveIterator):
    """``ArchiveIterator`` reading through ``_BoundedReader``."""

    def __init__(self, stream: BinaryIO):
        super().__init__(stream)
        self.reader = _BoundedReader(self.fh, block_size=BUFF_SIZE)


def read_warc(stream: BinaryIO, source: str, name: str, feed: Feed) -> Iterator[Doc]:
    """One ``Doc`` per page record of the archive in ``stream`` (see the module docstring)."""
    archive = _Archive(stream)
    seen_ids: set[str] = set()
    pages = records = 0
    while True:
        try:
            record = next(archive)
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged archives
            # reading stops here, so this name is unique in the archive, and stable
            where = f"{source}#damaged"
            kind = "malformed" if isinstance(exc, HeaderTooLarge) else "truncated"
            yield Doc(where, f"{name}#damaged", error=ErrorInfo(
                kind, f"{source}: damaged WARC after {records} records, near byte {archive.offset}: "
                      f"{read_error(source, exc, True).message.removeprefix(source + ': ')}"))
            return
        records += 1
        if record.rec_type not in PAGE_TYPES:
            continue
        pages += 1
        offset = archive.offset
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
        doc_id = record_id if record_id and record_id not in seen_ids else f"{name}#{offset}"
        seen_ids.add(record_id)
        yield page(record, f"{source}#{offset}", doc_id, feed)
    if not pages:
        yield Doc(source, name, error=ErrorInfo(
            "no_pages", f"{source}: no response, resource or conversion record among {records} WARC records"))


def _skip(record, source: str, doc_id: str, url: str | None) -> Doc | None:
    """The skipped ``Doc`` for a record that is not a page, else None."""
    def skipped(kind: str, message: str) -> Doc:
        return Doc(source, doc_id, url=url, skipped=ErrorInfo(kind, f"{source}: {message}"))

    if record.rec_type == "revisit":
        return skipped("revisit", "a revisit record: its payload is stored in another record")
    http = record.http_headers if record.rec_type == "response" else None
    if http is not None:
        status = (http.get_statuscode() or "").strip()
        if not status.startswith("2"):
            return skipped("http_status", f"HTTP {http.statusline.strip()[:100]}")
    content_type = ((http or record.rec_headers).get_header("Content-Type") or "").strip().lower()
    if content_type and not content_type.startswith(_PAGE_CONTENT):
        return skipped("not_page", f"content type {content_type.split(';')[0]}")
    return None


def page(record, source: str, doc_id: str, feed: Feed) -> Doc:
    """The document of one page record: its payload, or why there is none."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        return Doc(source, doc_id, url=url,
                   error=ErrorInfo("malformed", f"{source}: WARC header Content-Length is {length!r}"))
    skipped = _skip(record, source, doc_id, url)
    if skipped is not None:
        return skipped
    try:
        data = read_limited(record.content_stream(), feed.max_bytes)
    except TooLarge as exc:
        return Doc(source, doc_id, url=url, error=ErrorInfo("too_large", f"{source}: {exc}"))
    except Exception as exc:  # noqa: BLE001 - a damaged payload is this record's error
        return Doc(source, doc_id, url=url, error=read_error(source, exc, True))
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return Doc(source, doc_id, url=url,
                   error=ErrorInfo("truncated", f"{source}: record cut short, {missing} bytes missing"))
    return Doc(source, doc_id, data, url=url)
