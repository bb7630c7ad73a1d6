"""What routes share: the server state (options, the writers' turn with the NLP pipeline), a store per
request (read-only for reads), token checks (a bearer header, or for reads the sign-in cookie the web's
/login sets) and pagination."""
from __future__ import annotations

import hashlib
import hmac
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import Depends, Query, Request, Response

from ..settings import Options
from ..store import Store
from ..store.read import MAX_OFFSET
from .config import ServerOptions
from .errors import ApiError

if TYPE_CHECKING:
    from .. import Pipeline

log = logging.getLogger(__name__)


class State:
    """One per app: the server options, and the NLP pipeline (loaded on first use, then kept) that the
    writers use one at a time."""

    def __init__(self, server: ServerOptions):
        self.server = server
        self._pipeline: Pipeline | None = None
        self._writing = threading.Lock()

    @property
    def options(self) -> Options:
        return self.server.options

    @contextmanager
    def writer(self) -> Iterator["Pipeline"]:
        """A writer's turn, holding the app's one lock (spaCy is not thread-safe, and writers take
        turns): gives the shared pipeline, loading it on first use."""
        with self._writing:
            if self._pipeline is None:
                from .. import load_pipeline
                log.info("loading the NLP pipeline (%s)", self.options.model)
                self._pipeline = load_pipeline(self.options)
            yield self._pipeline


def state(request: Request) -> State:
    return request.app.state.onrecord


Opener = Callable[[], Store]


def store(request: Request) -> Opener:
    """How a reading route opens the store, read-only: ``with db() as s:`` inside the route, so the SQLite
    connection is opened, used and closed in the one worker thread that runs the route (a connection
    is per thread)."""
    db = state(request).options.db
    return lambda: Store(db, readonly=True)


def writable_store(request: Request) -> Opener:
    """How a writing route (POST /api/articles) opens the store: for writing, as ``store`` otherwise."""
    db = state(request).options.db
    return lambda: Store(db)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _matches(given: str | None, *tokens: str | None) -> bool:
    return given is not None and any(t and hmac.compare_digest(given.encode(), t.encode()) for t in tokens)


_CHALLENGE = {"WWW-Authenticate": "Bearer"}

READ_COOKIE = "onrecord_read"
_COOKIE_MESSAGE = b"onrecord sign-in cookie v1"


def cookie_value(token: str) -> str:
    """What the sign-in cookie holds: an HMAC-SHA256 keyed by the token (never the token itself), so a
    changed token signs every browser out."""
    return hmac.new(token.encode(), _COOKIE_MESSAGE, hashlib.sha256).hexdigest()


def _read_tokens(request: Request) -> tuple[str | None, str | None]:
    server = state(request).server
    return server.read_token, server.write_token


def reads_closed(request: Request) -> bool:
    """Whether reading needs a token (ONRECORD_READ_TOKEN is set)."""
    return bool(state(request).server.read_token)


def opens_reads(request: Request, given: str | None) -> bool:
    """Whether ``given`` is the read token or the write token (compared in constant time)."""
    return _matches(given, *_read_tokens(request))


def signed_in(request: Request) -> bool:
    """Whether the request carries a sign-in cookie made from the read or the write token."""
    given = request.cookies.get(READ_COOKIE)
    return given is not None and any(
        t and hmac.compare_digest(given.encode(), cookie_value(t).encode()) for t in _read_tokens(request))


def sign_in(request: Request, response: Response, token: str) -> None:
    """Set the sign-in cookie for ``token`` (checked by ``opens_reads``): HttpOnly, SameSite=Strict,
    for the browser's session, Secure when the request came over https."""
    response.set_cookie(READ_COOKIE, cookie_value(token), path="/", httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


def sign_out(request: Request, response: Response) -> None:
    response.delete_cookie(READ_COOKIE, path="/", httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")


def can_read(request: Request) -> None:
    """Reads are open unless ONRECORD_READ_TOKEN is set; then they need it (or the write token) as a
    bearer token, or the sign-in cookie (``sign_in``, set by the web's /login)."""
    if reads_closed(request) and not (opens_reads(request, _bearer(request)) or signed_in(request)):
        raise ApiError(401, "E513", "reading needs a bearer token (ONRECORD_READ_TOKEN), or signing in at /login",
                       _CHALLENGE)


def can_write(request: Request) -> None:
    """Writes need the bearer token ONRECORD_TOKEN; with none configured they are refused."""
    server = state(request).server
    if not server.write_token:
        raise ApiError(403, "E514", "writes are disabled: start the server with ONRECORD_TOKEN set")
    if not _matches(_bearer(request), server.write_token):
        raise ApiError(401, "E513", "writing needs the bearer token (Authorization: Bearer <ONRECORD_TOKEN>)",
                       _CHALLENGE)


class Page:
    """limit / offset of a listing; ``result`` adds the items and a ``next`` link when there are more."""

    def __init__(self, request: Request, limit: int = Query(50, ge=1, le=500, description="Rows at most."),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip first.")):
        self.request, self.limit, self.offset = request, limit, offset

    @property
    def fetch(self) -> int:
        """How many rows to ask for: one more than the page, to know whether there is a next one."""
        return self.limit + 1

    def result(self, rows: list[Any]) -> dict[str, Any]:
        more = len(rows) > self.limit
        nxt = None
        if more:
            params = dict(self.request.query_params)
            params.update(limit=str(self.limit), offset=str(self.offset + self.limit))
            nxt = f"{self.request.url.path}?{urlencode(params)}"
        return {"items": rows[:self.limit], "limit": self.limit, "offset": self.offset, "next": nxt}


ReadAccess = Depends(can_read)
WriteAccess = Depends(can_write)
