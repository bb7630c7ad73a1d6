"""What every store backend provides, and the generic logic written once against it.

Generic SQL in the store uses ``?`` placeholders and portable SQL; a backend's ``execute`` translates
placeholders where its driver wants another style, maps the schema's portable types (``Backend.TYPES``)
and supplies the few things that differ: connecting, durability settings, the full-text index and how a
search matches.

A backend opened ``readonly`` writes nothing: it is not migrated (``check_schema`` refuses a schema
that is not this onrecord's), creates no full-text index (``find_search`` uses one that exists), and
refuses transactions.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from ..errors import StoreError
from . import schema

log = logging.getLogger(__name__)


class Backend:
    """A connection to one database. Subclasses fill in the backend-specific parts."""

    name = "base"
    TYPES: dict[str, str] = {}
    integrity_errors: tuple[type[Exception], ...] = ()   # what a violated constraint raises

    def __init__(self, target: str, readonly: bool = False):
        self.target = target
        self.readonly = readonly

    # -- backend-specific -------------------------------------------------------------------------

    def close(self) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside commits together or not at all."""
        raise NotImplementedError
        yield  # pragma: no cover

    def is_unique_violation(self, exc: Exception, column: str) -> bool:
        raise NotImplementedError

    def ensure_search(self) -> None:
        """Create (and fill) the full-text index when the backend has one and it is missing."""

    def find_search(self) -> None:
        """Use the full-text index if the database has one; create nothing (a read-only store)."""

    @property
    def has_search(self) -> bool:
        return False

    def search_clause(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        """A WHERE fragment (over alias ``s`` for statements) matching all ``words``; portable fallback."""
        return like_clause(words)

    def table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def execute(self, query: str, params: Sequence[Any] = ()) -> Any:
        """Run generic SQL (``?`` placeholders); a violated constraint raises ``integrity_errors``."""
        raise NotImplementedError

    # -- generic ----------------------------------------------------------------------------------

    def refuse_writes(self) -> None:
        """Called first by ``transaction()``: a store opened read-only never starts one."""
        if self.readonly:
            raise StoreError("opened read-only: only a store opened for writing (onrecord ingest, "
                             "claims link, ...) changes it", source=self.target)

    def rows(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(query, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def one(self, query: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(query, params)
        return found[0] if found else None

    def scalar(self, query: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(query, params).fetchone()
        return None if row is None else row[0]

    def migrate(self, migrations: Sequence[schema.Migration] = schema.MIGRATIONS) -> int:
        """Bring the schema up to date, one transaction per migration. Returns the version reached."""
        if not self.table_exists(schema.MIGRATIONS_TABLE.name):   # opening an up-to-date db writes nothing
            with self.transaction():
                for ddl in schema.create_table(schema.MIGRATIONS_TABLE, self.TYPES):
                    self.execute(ddl)
        current = self.schema_version()
        latest = migrations[-1].version if migrations else 0
        self._refuse_newer(current, latest)
        for migration in migrations:
            if migration.version <= current:
                continue
            with self.transaction():
                if self.schema_version() >= migration.version:   # another process got here first
                    continue
                for statement in schema.migration_sql(migration, self.TYPES):
                    self.execute(statement)
                self.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                             (migration.version, migration.name, now()))
            log.info("%s: applied migration %d (%s)", self.target, migration.version, migration.name)
            current = migration.version
        return current

    def check_schema(self, migrations: Sequence[schema.Migration] = schema.MIGRATIONS) -> int:
        """For a store opened read-only, instead of ``migrate``: the schema must already be this
        onrecord's. Returns its version."""
        current = self.schema_version() if self.table_exists(schema.MIGRATIONS_TABLE.name) else 0
        latest = migrations[-1].version if migrations else 0
        self._refuse_newer(current, latest)
        if current < latest:
            raise StoreError(f"schema version {current}; this onrecord needs {latest}. "
                             "A store opened read-only is never migrated: open it once for writing "
                             "(e.g. `onrecord claims link`) to bring it up to date", code="E206",
                             source=self.target)
        return current

    def _refuse_newer(self, current: int, latest: int) -> None:
        if current > latest:
            raise StoreError(f"{self.target} has schema version {current}; this onrecord knows up to "
                             f"{latest}. Upgrade onrecord to open it.", code="E201", source=self.target)

    def schema_version(self) -> int:
        return int(self.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") or 0)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_clause(words: Sequence[str]) -> tuple[str, list[Any]]:
    """Every word appears (case-insensitively) in the statement's content or speaker text."""
    parts, params = [], []
    for word in words:
        pattern = f"%{escape_like(word.lower())}%"
        parts.append("(LOWER(s.content) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(s.speaker_text, '')) "
                     "LIKE ? ESCAPE '\\')")
        params += [pattern, pattern]
    return " AND ".join(parts) or "1 = 1", params
