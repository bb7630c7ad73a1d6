"""The web pages: server-rendered Jinja2 templates over the same Store as the API, opened read-only.

Routes here fetch rows (Store, ``store.claims``, ``store.web_read``), shape them in ``views`` and render. Templates
autoescape everything; article text reaches them only as ``highlight.segments``. The claims shown are those
linked so far (``onrecord.batch`` links as it writes); a page never links.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..models import ACTS, STANCES
from ..server.deps import Opener, ReadAccess, store
from ..store import claims as board
from ..store import web_read
from . import views

HERE = Path(__file__).parent
SEARCH_LIMIT = 50

env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)
templates = Jinja2Templates(env=env)
router = APIRouter(dependencies=[ReadAccess], include_in_schema=False, default_response_class=HTMLResponse)


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {"page": context}, status_code=status)


@router.get("/")
def home(request: Request, db: Opener = Depends(store)):
    with db() as s:
        return page(request, "home.html", title="onrecord", q="", **views.home_view(
            s.articles(limit=20), s.speakers(limit=20), board.claims(s, limit=20), board.unlinked(s.backend)))


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=500), db: Opener = Depends(store)):
    q = q.strip()
    if not q:
        return home(request, db)
    with db() as s:
        rows = s.statements(search=q, limit=SEARCH_LIMIT + 1)
        view = views.search_view(q, rows[:SEARCH_LIMIT], web_read.find_speakers(s.backend, q),
                                 board.claims(s, search=q, limit=20), len(rows) > SEARCH_LIMIT)
        return page(request, "search.html", title=f"“{q}”", **view)


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
        found.update({k: web_read.with_titles(s.backend, found[k]) for k in (*STANCES, "timeline")})
        found["holders"], found["channels"] = board.holders(found["timeline"])    # ... with the titles
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
    """Add the pages and /static to ``app``; returns the renderer of error pages for server.errors."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def html_error(request: Request, code: str, message: str, status: int, headers=None) -> HTMLResponse:
        response = page(request, "error.html", status=status, title=f"Error {status}", q="",
                        code=code, message=message, http_status=status)
        if headers:
            response.headers.update(headers)
        return response
    return html_error


__all__ = ["install", "router", "templates"]
