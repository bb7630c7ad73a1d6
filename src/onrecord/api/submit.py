"""POST /api/articles: the request body becomes Articles through onrecord.ingest, then Records, stored.

The body gives exactly one source: ``text`` (plain text), ``html`` (a page, its article body extracted)
or only ``url`` (fetched). With ``text`` or ``html``, ``url`` is the article's own address.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import IngestError
from ..ingest import html as html_source
from ..ingest import text as text_source
from ..ingest import url as url_source
from ..ingest.common import id_from_url
from ..models import Article, Rejected
from ..settings import Options

MAX_CHARS = 10_000_000

META = ("title", "outlet", "published", "author", "license", "language")


class ArticleIn(BaseModel):
    """An article to analyse and store: ``text``, ``html``, or just a ``url`` to fetch."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"text": "Iran's foreign ministry spokesman Nasser Kanaani rejected the claims.",
         "title": "Iran rejects claims", "outlet": "Mehr News Agency", "published": "2022-11-01"}]})

    text: str | None = Field(None, max_length=MAX_CHARS, description="Plain text of the article.")
    html: str | None = Field(None, max_length=MAX_CHARS, description="An HTML page; its body is extracted.")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://",
                            description="Fetched when neither text nor html is given; else the article's URL.")
    id: str | None = Field(None, max_length=200, pattern=r"^[\w.:-]+$", description="Article id to store under.")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?([T ].*)?$")
    author: str | None = Field(None, max_length=500)
    license: str | None = Field(None, max_length=200)
    language: str | None = Field(None, max_length=8, pattern=r"^[a-z]{2,3}$")

    @model_validator(mode="after")
    def one_source(self) -> "ArticleIn":
        given = [k for k in ("text", "html") if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError("give either text or html, not both")
        if not given and not self.url:
            raise ValueError("give text, html, or a url to fetch")
        return self

    def meta(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in META if getattr(self, k) is not None}


def articles_from(body: ArticleIn, options: Options) -> list[Article | Rejected]:
    """The Articles the body stands for (a fetched feed may give several), or why they could not be read."""
    meta = body.meta()
    try:
        if body.text is not None:
            ident = body.id or (id_from_url(body.url) if body.url else None)
            article = text_source.from_bytes(body.text.encode("utf-8", "surrogatepass"), "api",
                                             ident or "api", url=body.url, **meta)
            return [_with_id(article, body.id)]
        if body.html is not None:
            return [html_source.from_html(body.html, "api", id=body.id, url=body.url, fallback=meta)]
    except IngestError as exc:
        return [Rejected("api", exc.message, exc.code)]
    items = list(url_source.iter_url(body.url, options, fallback=meta))
    return [_with_id(a, body.id) if isinstance(a, Article) and len(items) == 1 else a for a in items]


def _with_id(article: Article, ident: str | None) -> Article:
    """A text with no id given is stored under ``api-`` and its hash, so the same text keeps one id."""
    from dataclasses import replace
    if ident:
        return replace(article, id=ident)
    if article.id == "api":
        return replace(article, id=f"api-{article.content_hash[:12]}")
    return article


def analyse_and_store(items: list[Article | Rejected], analyse, open_store, link) -> dict[str, Any]:
    """Analyse each Article (``analyse(article) -> Record``), store its Record (``open_store()`` gives the
    Store) and link its claims into the claims across articles (``link(store)``); the route's summary."""
    done, skipped = [], []
    for item in items:
        if isinstance(item, Rejected):
            skipped.append({"source": item.source, "code": item.code, "reason": item.reason})
            continue
        record = analyse(item)
        with open_store() as store:
            stored = store.save(record)
            ident = store.article_id(item.content_hash)
            link(store)
        done.append({"id": ident, "stored": stored, "title": item.title, "url": item.url,
                     "statements": len(record.statements), "claims": len(record.claims),
                     "links": {"record": f"/api/articles/{ident}", "page": f"/articles/{ident}"}})
    return {"articles": done, "skipped": skipped}
