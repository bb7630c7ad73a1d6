"""HTML pages: main text with trafilatura, date with htmldate, the rest from the page's metadata."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, Rejected
from .article import make_article
from .common import check_text_bytes, id_from_url, read_bytes, stem

log = logging.getLogger(__name__)
# trafilatura warns "discarding data: None" for every page it finds no body in; onrecord reports that
# page itself (E103, counted in the run's summary), so its warnings are noise. `-vv` shows them again.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

# What trafilatura is asked for: the article body without comments (statements live in the body).
# favor_precision + tables scored best of the four settings tried on ../shared/eval/article-extraction
# (micro token F1 0.976 against 0.968 for the defaults; see docs/accuracy.md).
EXTRACT_ARGS = {"include_comments": False, "include_tables": True, "with_metadata": True,
                "favor_precision": True, "deduplicate": False}
# Fewer words than this is navigation or a stub, not an article body.
MIN_BODY_WORDS = 10


def extract(data: bytes | str, source: str, url: str | None = None) -> dict:
    """Text and metadata of an HTML page as a dict; raises IngestError E102/E103."""
    import trafilatura
    if isinstance(data, bytes):
        check_text_bytes(data, source)
    elif not data.strip():
        raise IngestError("empty input", code="E101", source=source)
    try:
        doc = trafilatura.bare_extraction(data, url=url, **EXTRACT_ARGS)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        raise IngestError(f"HTML could not be parsed: {exc}", code="E103", source=source) from exc
    found = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (found.get("text") or "").strip()
    if len(text.split()) < MIN_BODY_WORDS:
        raise IngestError(f"no article body found in the HTML ({len(text.split())} words of text)",
                          code="E103", source=source)
    found["text"] = text
    found["date"] = _date(data, url) or found.get("date")
    return found


def _date(data: bytes | str, url: str | None) -> str | None:
    from htmldate import find_date
    try:
        return find_date(data, url=url, original_date=True, extensive_search=False)
    except Exception as exc:  # htmldate fails on some broken markup; the date is optional
        log.debug("htmldate failed: %s", exc)
        return None


def from_html(data: bytes | str, source: str, id: str | None = None, url: str | None = None,
              fallback: dict | None = None) -> Article:
    """One Article from an HTML page. ``fallback`` fills metadata the page lacks (e.g. a WARC date)."""
    found = extract(data, source, url)
    meta = dict(fallback or {})
    page = {"title": found.get("title"), "author": found.get("author"),
            "outlet": found.get("sitename"), "published": found.get("date"),
            "url": found.get("url") or url, "license": found.get("license")}
    meta.update({k: v for k, v in page.items() if v})
    if id is None:
        id = id_from_url(meta["url"]) if meta.get("url") else "html"
    return make_article(id, found["text"], source, **meta)


def iter_html_file(path: Path) -> Iterator[Article | Rejected]:
    source = str(path)
    try:
        yield from_html(read_bytes(path), source, id=stem(path))
    except IngestError as exc:
        yield Rejected(source, exc.message, exc.code)
