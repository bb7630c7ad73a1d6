"""http(s) URLs: fetched, then read as HTML, plain text or a feed according to the content type."""
from __future__ import annotations

import logging
from collections.abc import Iterator

from ..errors import IngestError
from ..models import Article, Rejected
from ..settings import Options
from . import feed
from .http import Response, fetch
from .page import article_from_response

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


def _is_feed(resp: Response) -> bool:
    if resp.content_type in FEED_TYPES:
        return True
    if resp.content_type in XML_TYPES:
        head = resp.body[:2048].lstrip().lower()
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return False
