"""http(s) URLs: fetched, then read as HTML, plain text or a feed according to the content type (and,
for a feed under another type, its body)."""
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
SNIFFED_TYPES = ("", "application/octet-stream", "text/html", "text/plain", "binary/octet-stream")


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
    """A feed by its type, or by its body when the type is XML of another name
    (``application/x-rss+xml``, ``text/xml``), generic (``application/octet-stream``, none) or a
    page type: servers send feeds under all of these, as the file extension does not say."""
    if resp.content_type in FEED_TYPES:
        return True
    ctype = resp.content_type or ""
    head = resp.body[:2048].lstrip().lower()
    if ctype in XML_TYPES or ctype.endswith("+xml"):
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return ctype in SNIFFED_TYPES and feed.looks_like_feed(head)
