"""WARC archives (plain or gzip), streamed with warcio: one document per response record.

The record's target URI is the URL and its WARC-Record-ID the id. Responses that are not
text (images, PDFs...) become error records of type ``not_text``; a damaged archive yields
the records read so far and one ``truncated`` error record.
"""
from __future__ import annotations

from typing import Iterator

from ..record import ErrorInfo
from .sources import Doc, Feed, read_limited

_TEXT_TYPES = ("text/html", "text/plain", "application/xhtml", "application/xml", "text/xml")


def _record_id(record) -> str:
    return (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")


def read_warc(name: str, feed: Feed) -> Iterator[Doc]:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(name, "rb") as stream:
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # warcio raises several kinds on damaged archives
                yield Doc(f"{name}#after-{count}", f"{name}#after-{count}",
                          error=ErrorInfo("truncated", f"{name}: damaged WARC after {count} records ({exc})"))
                return
            if record.rec_type not in ("response", "resource"):
                continue
            count += 1
            yield _doc(name, record, feed)


def _doc(name: str, record, feed: Feed) -> Doc:
    record_id = _record_id(record) or f"{name}#{record.rec_headers.get_header('WARC-Date')}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{name}#{record_id}"
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        return Doc(source, record_id, url=url,
                   error=ErrorInfo("malformed", f"{source}: WARC header Content-Length is {length!r}"))
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers
                    else record.rec_headers.get_header("Content-Type")) or ""
    if content_type and not content_type.lower().startswith(_TEXT_TYPES):
        return Doc(source, record_id, url=url,
                   error=ErrorInfo("not_text", f"{source}: content type {content_type.split(';')[0]}"))
    try:
        data = read_limited(record.content_stream(), feed.max_bytes)
    except ValueError as exc:
        return Doc(source, record_id, url=url, error=ErrorInfo("too_large", f"{source}: {exc}"))
    except Exception as exc:
        return Doc(source, record_id, url=url, error=ErrorInfo("truncated", f"{source}: {exc}"))
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return Doc(source, record_id, url=url,
                   error=ErrorInfo("truncated", f"{source}: record cut short, {missing} bytes missing"))
    return Doc(source, record_id, data, url=url, extra={"warc_record_id": record_id})
