"""The web pages: server-rendered Jinja2 templates over the same Store as the API, opened read-only.

Routes here fetch rows (Store, ``store.claims``, ``store.web_read``), shape them in ``views`` and render
(``render.page``). Templates autoescape everything; article text reaches them only as
``highlight.segments``. The claims shown are those linked so far (``onrecord.batch`` links as it writes);
a page never links. Signing in (``login``) is for servers whose reads need ONRECORD_READ_TOKEN.
"""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..models import ACTS
from ..server.deps import Opener, ReadAccess, store
from ..store import claims as board
from ..store import web_read
from ..store.read import MAX_OFFSET
from . import login, views
from .render import HERE, page, templates

PAGE_SIZE = views.PAGE_SIZE
MAX_PAGE = MAX_OFFSET // PAGE_SIZE + 1          # past it an offset would be a usage error: a 422 here

router = APIRouter(dependencies=[ReadAccess], include_in_schema=False, default_response_class=HTMLResponse)

ClaimSort = Literal[tuple(views.SORTS["claims"])]      # type: ignore[valid-type]
SpeakerSort = Literal[tuple(views.SORTS["speakers"])]  # type: ignore[valid-type]
ArticleSort = Literal[tuple(views.SORTS["articles"])]  # type: ignore[valid-type]


def page_number(number: int = Query(1, alias="page", ge=1, le=MAX_PAGE, description="Page, from 1.")) -> int:
    return number


def _offset(number: int) -> int:
    return (number - 1) * PAGE_SIZE


@router.get("/")
def home(request: Request, db: Opener = Depends(store)):
    with db() as s:
        return page(request, "home.html", title="onrecord", q="", **views.home_view(
            s.articles(limit=20), s.speakers(limit=20), board.claims(s, limit=20), board.unlinked(s.backend)))


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=500), number: int = Depends(page_number),
           db: Opener = Depends(store)):
    q = q.strip()
    if not q:
        return home(request, db)
    with db() as s:
        rows = s.statements(search=q, limit=PAGE_SIZE + 1, offset=_offset(number))
        first = number == 1                       # speakers and claims found: on the first page only
        view = views.search_view(q, rows, web_read.find_speakers(s.backend, q) if first else [],
                                 board.claims(s, search=q, limit=20) if first else [], number)
        return page(request, "search.html", title=f"“{q}”", **view)


@router.get("/claims")
def claims(request: Request, sort: ClaimSort = "statements", number: int = Depends(page_number),
           db: Opener = Depends(store)):
    with db() as s:
        rows = board.claims(s, limit=PAGE_SIZE + 1, offset=_offset(number), order=sort)
        return page(request, "claims.html", q="", **views.index_view("claims", rows, sort, number))


@router.get("/speakers")
def speakers(request: Request, sort: SpeakerSort = "statements", number: int = Depends(page_number),
             db: Opener = Depends(store)):
    with db() as s:
        rows = web_read.speakers_who_spoke(s.backend, order=sort, limit=PAGE_SIZE + 1, offset=_offset(number))
        return page(request, "speakers.html", q="", **views.index_view("speakers", rows, sort, number))


@router.get("/articles")
def articles(request: Request, sort: ArticleSort = "newest", number: int = Depends(page_number),
             db: Opener = Depends(store)):
    with db() as s:
        rows = s.articles(limit=PAGE_SIZE + 1, offset=_offset(number), order=sort)
        return page(request, "articles.html", q="", **views.index_view("articles", rows, sort, number))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, db: Opener = Depends(store)):
    with db() as s:
        record = s.record(article_id)
        view = views.article_view(record, web_read.statement_claims(s.backend, record.article.id))
        return page(request, "article.html", q="", **view)


@router.get("/claims/{claim_id}")
def claim(request: Request, claim_id: str, db: Opener = Depends(store)):
    with db() as s:
        found = board.claim(s, claim_id)
        web_read.with_titles(s.backend, found["timeline"])    # the stance groups and holders hold these rows
        view = views.claim_view(found)
        return page(request, "claim.html", title=view["text"], q="", **view)


@router.get("/speakers/{key}")
def speaker(request: Request, key: str, act: str = Query("", pattern="^[a-z]*$"),
            claim: str = Query("", max_length=500), db: Opener = Depends(store)):
    with db() as s:
        info = web_read.speaker(s.backend, key)
        rows = web_read.speaker_statements(s.backend, key, act=act or None, claim=claim or None, limit=1000)
        view = views.speaker_view(info, rows, {"act": act, "claim": claim}, ACTS,
                                  web_read.speaker_claims(s.backend, info["key"]))
        return page(request, "speaker.html", title=info["name"], q="", **view)


def install(app: FastAPI):
    """Add the pages, the sign-in pages and /static to ``app``; returns the renderer of error pages for
    server.errors (a 401 E513 is the sign-in form, come back to the page asked for)."""
    app.include_router(router)
    app.include_router(login.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def html_error(request: Request, code: str, message: str, status: int, headers=None) -> HTMLResponse:
        if status == 401 and code == "E513":
            response = login.form(request, status=401, back=request.url.path + (
                f"?{request.url.query}" if request.url.query else ""))
        else:
            response = page(request, "error.html", status=status, title=f"Error {status}", q="",
                            code=code, message=message, http_status=status)
        if headers:
            response.headers.update(headers)
        return response
    return html_error


__all__ = ["install", "router", "templates"]
