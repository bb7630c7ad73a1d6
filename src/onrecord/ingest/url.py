"""http(s) URLs: fetched, then read as HTML, plain text or a feed according to the content type."""
from __future__ import annotations

import logging
from collections.abc import Iterator

from ..errors import IngestError
from ..models import Article, Rejected
from ..settings import Options
from . import feed, html, text
from .common import id_from_url
from .http import Response, fetch

log = logging.getLogger(__name__)

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
XML_TYPES = ("application/xml", "text/xml")


def iter_url(url: str, options: Options, fallback: dict | None = None) -> Iterator[Article | Rejected]:
    """The article(s) at ``url``: one for a page, one per entry for a feed, or a Rejected."""
    try:
        resp = fetch(url, options)
        if _is_feed(resp):
            yield from feed.iter_feed_bytes(resp.body, resp.url, options)
            return
        yield article_from_response(resp, url, fallback)
    except IngestError as exc:
        yield Rejected(url, exc.message, exc.code)


def article_from_response(resp: Response, source: str, fallback: dict | None = None) -> Article:
    """One Article from a fetched page; raises IngestError for empty, binary or body-less pages."""
    meta = dict(fallback or {})
    if resp.content_type == "text/plain":
        meta.setdefault("url", resp.url)
        return text.from_bytes(resp.body, source, id_from_url(resp.url), resp.charset, **meta)
    if resp.content_type in ("text/html", "application/xhtml+xml") or not resp.content_type:
        return html.from_html(resp.body, source, url=resp.url, fallback=meta)
    raise IngestError(f"unsupported content type {resp.content_type!r}", code="E109", source=source)


def _is_feed(resp: Response) -> bool:
    if resp.content_type in FEED_TYPES:
        return True
    if resp.content_type in XML_TYPES:
        head = resp.body[:2048].lstrip().lower()
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return False
