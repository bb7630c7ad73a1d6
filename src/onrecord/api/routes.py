"""The JSON routes under /api: thin calls to the Store, opened read-only for every GET (and to
``onrecord.batch.write`` for POST). No SQL here."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from fastapi.concurrency import run_in_threadpool

from .. import __version__
from ..errors import IngestError
from ..models import ACTS, Rejected
from ..server import errors
from ..server.deps import Opener, Page, ReadAccess, State, WriteAccess, state, store, writable_store
from ..store import claims as board
from ..store import web_read
from ..store.read import ISO_DATE
from . import submit

router = APIRouter(prefix="/api", responses=errors.RESPONSES)

Act = Literal[ACTS]  # type: ignore[valid-type]
DATE = ISO_DATE


@router.get("", dependencies=[ReadAccess], summary="What this API offers")
def index() -> dict[str, Any]:
    return {"name": "onrecord", "version": __version__, "docs": "/api/docs", "openapi": "/api/openapi.json",
            "links": {k: f"/api/{k}" for k in ("articles", "statements", "speakers", "claims", "stats")}}


@router.get("/health", summary="Liveness: 200 when the server answers")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/articles", dependencies=[ReadAccess], summary="Stored articles, newest published first")
def list_articles(page: Page = Depends(), outlet: str | None = Query(None, max_length=200),
                  db: Opener = Depends(store)) -> dict[str, Any]:
    with db() as s:
        return page.result(s.articles(limit=page.fetch, offset=page.offset, outlet=outlet))


@router.post("/articles", dependencies=[WriteAccess], status_code=201,
             summary="Analyse an article (text, HTML or a URL to fetch) and store its record",
             responses={200: {"description": "Already stored (same text)"}})
async def add_article(body: submit.ArticleIn, response: Response, st: State = Depends(state),
                      db: Opener = Depends(writable_store)) -> dict[str, Any]:
    items = await run_in_threadpool(submit.articles_from, body, st.options)
    if items and all(isinstance(i, Rejected) for i in items):        # every source rejected
        first = items[0]
        raise IngestError(first.reason, code=first.code, source=first.source)
    result = await run_in_threadpool(submit.write, items, st, db)
    if not any(a["stored"] for a in result["articles"]):
        response.status_code = 200
    return result


@router.get("/articles/{article_id}", dependencies=[ReadAccess], summary="One article's whole record")
def get_record(article_id: str, db: Opener = Depends(store)) -> dict[str, Any]:
    with db() as s:
        return s.record(article_id).to_dict()


@router.get("/statements", dependencies=[ReadAccess], summary="Who said what: statements matching every filter")
def list_statements(page: Page = Depends(), db: Opener = Depends(store),
                    speaker: str | None = Query(None, max_length=200, description="Words of the speaker's name."),
                    act: Act | None = Query(None, description="Speech act."),
                    claim: str | None = Query(None, max_length=500, description="Claim id or words of its text."),
                    outlet: str | None = Query(None, max_length=200),
                    since: str | None = Query(None, pattern=DATE, description="Published on or after (ISO)."),
                    until: str | None = Query(None, pattern=DATE, description="Published on or before (ISO)."),
                    q: str | None = Query(None, max_length=500, description="Words that must all appear.")
                    ) -> dict[str, Any]:
    with db() as s:
        return page.result(s.statements(speaker=speaker, act=act, search=q, claim=claim, outlet=outlet,
                                        since=since, until=until, limit=page.fetch, offset=page.offset))


@router.get("/speakers", dependencies=[ReadAccess], summary="Speakers across articles, most statements first")
def list_speakers(page: Page = Depends(), db: Opener = Depends(store),
                  q: str | None = Query(None, max_length=200, description="Words of the name.")
                  ) -> dict[str, Any]:
    with db() as s:
        if q:
            rows = web_read.find_speakers(s.backend, q, limit=page.fetch + page.offset)[page.offset:]
            return page.result(rows)
        return page.result(s.speakers(limit=page.fetch, offset=page.offset))


@router.get("/speakers/{key}", dependencies=[ReadAccess], summary="One speaker and their statements")
def get_speaker(key: str, page: Page = Depends(), db: Opener = Depends(store), act: Act | None = None,
                claim: str | None = Query(None, max_length=500)) -> dict[str, Any]:
    with db() as s:
        info = web_read.speaker(s.backend, key)
        rows = web_read.speaker_statements(s.backend, key, act=act, claim=claim, limit=page.fetch,
                                              offset=page.offset)
        return {**info, "statements": page.result(rows)}


@router.get("/claims", dependencies=[ReadAccess], summary="Claims across articles, most statements first")
def list_claims(page: Page = Depends(), db: Opener = Depends(store),
                q: str | None = Query(None, max_length=500, description="Words of the claim.")) -> dict[str, Any]:
    with db() as s:
        return page.result(board.claims(s, search=q, limit=page.fetch, offset=page.offset))


@router.get("/claims/{claim_id}", dependencies=[ReadAccess],
            summary="One claim's board: supporters, refuters, uncertain, and the timeline")
def get_claim(claim_id: str, db: Opener = Depends(store)) -> dict[str, Any]:
    with db() as s:
        return board.claim(s, claim_id)


@router.get("/stats", dependencies=[ReadAccess],
            summary="Counts of what the store holds, and how many articles are not linked into claims yet")
def stats(db: Opener = Depends(store)) -> dict[str, Any]:
    with db() as s:
        return s.stats()
