"""RSS and Atom feeds (feedparser): every entry's link is fetched and ingested as a page."""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, Rejected
from ..settings import Options
from .common import read_bytes
from .http import fetch
from .page import article_from_response

log = logging.getLogger(__name__)


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head) \
        or head.startswith((b"<rss", b"<feed"))


def iter_feed_file(path: Path, options: Options) -> Iterator[Article | Rejected]:
    try:
        data = read_bytes(path)
    except IngestError as exc:
        yield Rejected(str(path), exc.message, exc.code)
        return
    yield from iter_feed_bytes(data, str(path), options)


def iter_feed_bytes(data: bytes, source: str, options: Options) -> Iterator[Article | Rejected]:
    """One Article (or Rejected) per feed entry, in feed order."""
    import feedparser
    if not data.strip():
        yield Rejected(source, "empty input", "E101")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = f"not a feed: {parsed.get('bozo_exception')}" if parsed.bozo else "feed has no entries"
        yield Rejected(source, why, "E110")
        return
    for n, entry in enumerate(parsed.entries, start=1):
        yield from _entry(entry, n, source, options)


def _entry(entry, n: int, source: str, options: Options) -> Iterator[Article | Rejected]:
    link = entry.get("link")
    if not link:
        yield Rejected(f"{source}#entry-{n}", "feed entry has no link", "E110")
        return
    fallback = {"title": entry.get("title"), "published": _date(entry), "author": entry.get("author")}
    try:
        yield article_from_response(fetch(link, options), link, fallback)
    except IngestError as exc:
        yield Rejected(link, f"feed entry {n} of {source}: {exc.message}", exc.code)


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
