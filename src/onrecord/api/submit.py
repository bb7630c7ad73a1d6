"""POST /api/articles: the request body becomes Articles through onrecord.ingest, written by the one
write path, ``onrecord.batch.write`` (analysed, stored, linked).

The body gives exactly one source: ``text`` (plain text), ``html`` (a page, its article body extracted)
or only ``url`` (fetched). With ``text`` or ``html``, ``url`` is the article's own address.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import IngestError
from ..ingest import html as html_source
from ..ingest import text as text_source
from ..ingest import url as url_source
from ..ingest.common import id_from_url
from ..models import Article, Rejected
from ..server.deps import Opener, State
from ..settings import Options

if TYPE_CHECKING:
    from ..batch import Summary
    from ..store import Store

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
    if ident:
        return replace(article, id=ident)
    if article.id == "api":
        return replace(article, id=f"api-{article.content_hash[:12]}")
    return article


def write(items: list[Article | Rejected], st: State, open_store: Opener) -> dict[str, Any]:
    """Write the articles with ``onrecord.batch.write``, in this app's writer's turn, analysed here with the
    app's pipeline (no worker processes started from the server); the route's answer."""
    from ..batch import write as write_articles
    options = replace(st.options, workers=1)
    with st.writer() as pipeline, open_store() as store:
        return answer(write_articles(items, store, options, pipeline), store)


def answer(summary: "Summary", store: "Store") -> dict[str, Any]:
    """Each article of the write with its numbers of statements and claims (read from the store when it
    was already there, not analysed again) and its links, and what was skipped."""
    done = []
    for saved in summary.saved:
        statements, claims = saved.statements, saved.claims
        if statements is None or claims is None:
            record = store.record(saved.article_id)
            statements, claims = len(record.statements), len(record.claims)
        done.append({"id": saved.article_id, "stored": saved.stored, "title": saved.title, "url": saved.url,
                     "statements": statements, "claims": claims,
                     "links": {"record": f"/api/articles/{saved.article_id}",
                               "page": f"/articles/{saved.article_id}"}})
    skipped = [{"source": r.source, "code": r.code, "reason": r.reason} for r in summary.skipped]
    return {"articles": done, "skipped": skipped}
