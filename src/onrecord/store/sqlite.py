"""The SQLite backend: stdlib sqlite3, WAL journal, FTS5 search over statements.

Durability: ``journal_mode=WAL`` with ``synchronous=NORMAL``. Every article is one transaction; in WAL
mode a commit is a single append to the log, so a killed process (SIGKILL, OOM) never leaves half an
article and never loses a committed one. NORMAL skips the fsync at each commit: after a power cut or
OS crash the last few commits may be rolled back, but the database stays consistent, and re-running
the same ingest stores them again (saving is idempotent by content hash). FULL would cost one fsync per
article for a guarantee the idempotent ingest already gives. See docs/store.md.

Read-only (``readonly``): a ``file:...?mode=ro`` URI, so SQLite itself refuses every write, and no pragma
that writes (the journal mode is the database's: WAL). A reader of a WAL database needs its ``-shm``
and ``-wal`` files, and makes them when they are missing, in the database's directory. Where it cannot
(a directory it may not write) and there is no ``-wal`` file, every commit is in the database file itself,
so the file is read as ``immutable``: no locks and no shared memory, and a writer that comes along
while it is open is not seen by that connection (open a Store per request or command, as the API does).
"""
from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import Backend

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 30.0
_SURROGATE = re.compile("[\ud800-\udfff]")

# The FTS5 index over statement content and who said it (the speaker as written, and the entity's
# name). A plain FTS5 table keyed by statements.pk, kept in step by triggers in the same transaction.
FTS_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5("
    "content, speaker, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO statements_fts (rowid, content, speaker) VALUES (new.pk, new.content, "
    "COALESCE(new.speaker_text, '') || ' ' || COALESCE((SELECT name FROM entities e "
    "WHERE e.article_id = new.article_id AND e.id = new.speaker), '')); END",
    "CREATE TRIGGER IF NOT EXISTS statements_fts_delete AFTER DELETE ON statements BEGIN "
    "DELETE FROM statements_fts WHERE rowid = old.pk; END",
    "CREATE TRIGGER IF NOT EXISTS statements_fts_update AFTER UPDATE ON statements BEGIN "
    "DELETE FROM statements_fts WHERE rowid = old.pk; "
    "INSERT INTO statements_fts (rowid, content, speaker) VALUES (new.pk, new.content, "
    "COALESCE(new.speaker_text, '') || ' ' || COALESCE((SELECT name FROM entities e "
    "WHERE e.article_id = new.article_id AND e.id = new.speaker), '')); END",
)
FTS_FILL = ("INSERT INTO statements_fts (rowid, content, speaker) SELECT s.pk, s.content, "
            "COALESCE(s.speaker_text, '') || ' ' || COALESCE(e.name, '') FROM statements s "
            "LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.speaker")


def fts_query(words: Sequence[str]) -> str:
    """Each word as a quoted FTS5 phrase, so no user input is ever read as FTS syntax."""
    return " ".join('"' + w.replace("\x00", "").replace('"', '""') + '"' for w in words)


def _valid(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)          # one for one: offsets stay right
    return value


class SQLiteBackend(Backend):
    name = "sqlite"
    TYPES = {"text": "TEXT", "int": "INTEGER", "real": "REAL", "bool": "INTEGER", "bytes": "BLOB",
             "key": "INTEGER PRIMARY KEY"}
    integrity_errors = (sqlite3.IntegrityError,)

    def __init__(self, target: str | Path, readonly: bool = False):
        super().__init__(str(target), readonly)
        self._fts = False
        try:
            if readonly:
                self.conn = self._connect_readonly()
            else:
                self.conn = sqlite3.connect(self.target, timeout=BUSY_TIMEOUT_S, isolation_level=None)
                self._configure()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database: {exc}", source=self.target) from exc

    def _connect_readonly(self) -> sqlite3.Connection:
        try:
            return self._open_readonly(Path(self.target).absolute().as_uri() + "?mode=ro")
        except sqlite3.OperationalError:
            if not Path(self.target).is_file() or Path(self.target + "-wal").exists():
                raise
            log.info("%s: cannot make its -shm file; reading it as immutable", self.target)
            return self._open_readonly(Path(self.target).absolute().as_uri() + "?mode=ro&immutable=1")

    @staticmethod
    def _open_readonly(uri: str) -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()     # opens the file and its WAL now
        except BaseException:
            conn.close()
            raise
        return conn

    def _configure(self) -> None:
        mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal" and self.target != ":memory:":
            log.warning("%s: journal mode is %s, not WAL", self.target, mode)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")

    def close(self) -> None:
        self.conn.close()

    def execute(self, query: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            try:
                return self.conn.execute(query, tuple(params))
            except UnicodeEncodeError:              # lone surrogates: store U+FFFD in their place
                return self.conn.execute(query, tuple(_valid(p) for p in params))
        except sqlite3.IntegrityError:
            raise                                   # callers decide what a constraint means
        except sqlite3.Error as exc:
            raise StoreError(f"database error: {exc}", source=self.target) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.refuse_writes()
        if self.conn.in_transaction:
            raise StoreError("nested transaction", source=self.target)
        self.execute("BEGIN IMMEDIATE")             # take the write lock now: no upgrade deadlocks
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def is_unique_violation(self, exc: Exception, column: str) -> bool:
        return isinstance(exc, sqlite3.IntegrityError) and f"UNIQUE constraint failed: {column}" in str(exc)

    def table_exists(self, name: str) -> bool:
        return self.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)) is not None

    # -- full-text search ---------------------------------------------------------------------------

    def find_search(self) -> None:
        self._fts = self.table_exists("statements_fts")

    def ensure_search(self) -> None:
        """Create the FTS5 index and its triggers if missing (filling it from stored statements)."""
        self.find_search()
        if self._fts:
            return
        try:
            with self.transaction():
                for statement in FTS_SQL:
                    self.conn.execute(statement)
                self.conn.execute(FTS_FILL)
        except sqlite3.OperationalError as exc:     # e.g. "no such module: fts5"
            log.warning("%s: full-text search unavailable (%s); searching with LIKE", self.target, exc)
            return
        self._fts = True

    @property
    def has_search(self) -> bool:
        return self._fts

    def search_clause(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        if not self._fts:
            return super().search_clause(words)
        return ("s.pk IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)",
                [fts_query(words)])
