"""Real input files for the command's tests: WARC archives made with warcio, feeds, pages."""
from __future__ import annotations

import io
from pathlib import Path

SENTENCE = "The council met on Monday and agreed on the new plan for the harbour, the mayor said."
ARTICLE = f"Harbour plan agreed\n\n{SENTENCE} Work starts in the spring and ends next year."


def make_warc(path: Path, pages: list[dict]) -> None:
    """A real WARC (gzip per record when the name ends with .gz) with one record per page:
    ``{"url", "body", "type": content type, "status": "200 OK", "record_type": "response",
    "record_id": id to use (None: leave the header out)}``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=str(path).endswith(".gz"))
        for page in pages:
            kind = page.get("record_type", "response")
            http = None
            if kind == "response":
                http = StatusAndHeaders(page.get("status", "200 OK"),
                                        [("Content-Type", page.get("type", "text/html; charset=utf-8"))],
                                        protocol="HTTP/1.1")
            extra = {"WARC-Record-ID": page["record_id"]} if page.get("record_id") else None
            record = writer.create_warc_record(page["url"], kind, payload=io.BytesIO(page["body"]),
                                               http_headers=http, warc_headers_dict=extra,
                                               warc_content_type=page.get("type", "") if kind != "response" else "")
            if "record_id" in page and page["record_id"] is None:
                record.rec_headers.remove_header("WARC-Record-ID")
            writer.write_record(record)


def request(i: int) -> dict:
    """The request record a crawler writes before a response: no page."""
    return {"url": f"https://news.example/{i}", "record_type": "request", "type": "application/http; msgtype=request",
            "body": f"GET /{i} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode()}


def page(i: int, url: str | None = None, **fields) -> dict:
    """One HTML page record of a WARC, different for each ``i``."""
    body = (f"<html><head><title>Story {i}</title></head><body><h1>Story {i}</h1>"
            f"<p>{SENTENCE} Item {i} of the agenda was the ferry.</p></body></html>").encode()
    return {"url": url or f"https://news.example/{i}", "body": body, **fields}
