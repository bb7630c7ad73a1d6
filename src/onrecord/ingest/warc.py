"""WARC files (warcio): each HTML response record becomes an article, its target URI as source and URL.

A truncated WARC yields the records it could read whole, then a Rejected naming the file.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, Rejected
from .common import id_from_url
from .html import from_html

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")

__all__ = ["iter_warc_file", "HTML_TYPES"]


def iter_warc_file(path: Path, source: str | None = None) -> Iterator[Article | Rejected]:
    """The HTML responses in the WARC at ``path`` as Articles (their target URI as source), then a
    Rejected if the file stops short. ``source`` names the file in a Rejected (default: ``path``); the
    Spark job, which parses a local copy, passes the name of the original."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    source, count = source or str(path), 0
    if not _starts_like_warc(path):
        yield Rejected(source, "not a WARC file (no WARC/1.x header at the start)", "E107")
        return
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                item = _from_record(record, source)
                if isinstance(item, Rejected) and item.code == "E107":
                    yield item
                    return
                if item is not None:
                    count += 1
                    yield item
            size = path.stat().st_size
            if records.offset < size:
                yield _truncated(source, count, f"{size - records.offset} bytes at the end could not be read")
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, TypeError, OSError) as exc:
        yield _truncated(source, count, f"{type(exc).__name__}: {exc}")


def _starts_like_warc(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(512)
        if head.startswith(b"\x1f\x8b"):
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head)
    except (OSError, zlib.error):
        return False
    return head.startswith(b"WARC/")


def _truncated(source: str, count: int, detail: str) -> Rejected:
    return Rejected(source, f"truncated or corrupt WARC: stopped after {count} record(s) ({detail})", "E107")


def _from_record(record, source: str) -> Article | Rejected | None:
    """An Article for an HTML 2xx response record; None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if not status.startswith("2") or ctype not in HTML_TYPES:
        log.debug("%s: skipping %s record (%s %s)", source, record.rec_type, status, ctype)
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or source
    body = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0):
        return Rejected(source, f"truncated WARC: the record for {uri} is cut short", "E107")
    date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    try:
        return from_html(body, uri, id=id_from_url(uri), url=uri, fallback={"published": date})
    except IngestError as exc:
        return Rejected(uri, exc.message, exc.code)
