"""A fetched page as an Article: plain text or HTML by its content type (for a URL and a feed's entries)."""
from __future__ import annotations

from ..errors import IngestError
from ..models import Article
from . import html, text
from .common import id_from_url
from .http import Response


def article_from_response(resp: Response, source: str, fallback: dict | None = None) -> Article:
    """One Article from a fetched page; raises IngestError for empty, binary or body-less pages."""
    meta = dict(fallback or {})
    if resp.content_type == "text/plain":
        meta.setdefault("url", resp.url)
        return text.from_bytes(resp.body, source, id_from_url(resp.url), resp.charset, **meta)
    if resp.content_type in ("text/html", "application/xhtml+xml") or not resp.content_type:
        return html.from_html(resp.body, source, url=resp.url, fallback=meta)
    raise IngestError(f"unsupported content type {resp.content_type!r}", code="E109", source=source)
