"""The store: records kept in a database, one transaction per article, queried by the CLI and the API.

    with Store("onrecord.db") as store:
        store.save(record)                 # True stored, False already there (same content hash)
        store.statements(speaker="Kanaani", search="drones")

SQLite (``sqlite.py``) for a path, PostgreSQL (``postgres.py``) for a ``postgresql://`` URL. The schema and migrations
are in ``schema.py``; generic reading and writing in ``read.py`` / ``write.py``. No NLP here: articles are
analysed, stored and linked by ``onrecord.batch``, the one write path.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..models import Record
from ..settings import Options
from . import read, write
from .base import Backend
from .sqlite import SQLiteBackend

log = logging.getLogger(__name__)


def is_postgres(db: str | Path) -> bool:
    """Whether ``db`` names a PostgreSQL database (a ``postgresql://`` or ``postgres://`` URL)."""
    return str(db).startswith(("postgres://", "postgresql://"))


def open_backend(db: str | Path, readonly: bool = False) -> Backend:
    """The backend for a path (SQLite) or a ``postgresql://`` URL. Writable: the schema brought up to date
    and the full-text index made. ``readonly``: nothing written, ever; the schema must already be this
    onrecord's (else StoreError), and search uses the full-text index when the database has one."""
    target = str(db)
    backend: Backend
    if is_postgres(target):
        from .postgres import PostgresBackend  # psycopg is imported only when it is used
        backend = PostgresBackend(target, readonly=readonly)
    else:
        if target.startswith("sqlite:///"):
            target = target[len("sqlite:///"):]
        backend = SQLiteBackend(target, readonly=readonly)
    try:
        if readonly:
            backend.check_schema()
            backend.find_search()
        else:
            backend.migrate()
            backend.ensure_search()
    except BaseException:
        backend.close()
        raise
    return backend


class Store:
    """Records in a database. ``db``: a SQLite path or a ``postgresql://`` URL; default ``Options.db``
    (env ONRECORD_DB). ``readonly``: for reading only (every query, page, route and export), see
    ``open_backend``."""

    def __init__(self, db: str | Path | None = None, readonly: bool = False):
        self.db = str(db) if db is not None else Options.from_env().db
        self.readonly = readonly
        self._backend = open_backend(self.db, readonly=readonly)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._backend.close()

    @property
    def backend(self) -> Backend:
        return self._backend

    # -- writing ------------------------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        """Whether an article with this content hash (``Article.content_hash``) is stored."""
        return read.article_id(self._backend, content_hash) is not None

    def save(self, record: Record) -> bool:
        """Store one record, whole or not at all. False when the same text is already stored.

        An article whose id is taken by a different text is stored as ``id-<first 8 of its hash>``.
        """
        return write.save(self._backend, record)

    def article_id(self, content_hash: str) -> str | None:
        """The id an article is stored under (it may be disambiguated), or None when not stored."""
        return read.article_id(self._backend, content_hash)

    def stale(self, pipeline_version: str) -> list[str]:
        """Ids of the stored articles analysed by another pipeline version than this one, in id order."""
        return read.stale(self._backend, pipeline_version)

    def replace_analysis(self, article_id: str, record: Record) -> None:
        """Replace one stored article's entities, statements and claims with ``record``'s, in one
        transaction; the article row (id, text, stored_at) stays. StoreError when it cannot be stored
        (the old analysis is then kept)."""
        write.replace_analysis(self._backend, article_id, record)

    # -- reading ------------------------------------------------------------------------------------

    def articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None, order: str = "newest"
                 ) -> list[dict[str, Any]]:
        """Stored articles, newest published first, with their number of statements. ``order``: "newest",
        "oldest" or "statements" (most first); undated articles come last."""
        return read.articles(self._backend, limit=limit, offset=offset, outlet=outlet, order=order)

    def record(self, article_id: str) -> Record:
        """The stored record, exactly as saved (or re-analysed). StoreError E202 when missing."""
        return read.record(self._backend, article_id)

    def statements(self, speaker: str | None = None, act: str | None = None, search: str | None = None,
                   claim: str | None = None, outlet: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Statements matching every filter given. ``search``: plain words, all must match."""
        return read.statements(self._backend, speaker=speaker, act=act, search=search, claim=claim,
                               outlet=outlet, since=since, until=until, limit=limit, offset=offset)

    def speakers(self, limit: int = 100, offset: int = 0, order: str = "statements") -> list[dict[str, Any]]:
        """Speakers across articles (the same normalised name is one speaker), most statements first
        (``order="name"``: by name)."""
        return read.speakers(self._backend, limit=limit, offset=offset, order=order)

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds, and ``articles_unlinked``: articles stored (or re-analysed) but
        not yet linked into the claims across articles (the next write or ``onrecord claims link`` does)."""
        return read.stats(self._backend)


__all__ = ["Store", "is_postgres", "open_backend"]
