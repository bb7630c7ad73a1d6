"""store/schema.py and Backend.migrate: one schema, versioned migrations, newer schemas refused."""
from __future__ import annotations

import sqlite3

import pytest

from onrecord.errors import StoreError
from onrecord.store import Store, schema
from onrecord.store.sqlite import SQLiteBackend


def _versions(db):
    return [r[0] for r in sqlite3.connect(db).execute("SELECT version FROM schema_migrations ORDER BY 1")]


def test_fresh_database_gets_every_migration_once(db):
    Store(db).close()
    assert _versions(db) == [m.version for m in schema.MIGRATIONS]
    Store(db).close()                                        # reopening applies nothing again
    assert _versions(db) == [m.version for m in schema.MIGRATIONS]
    tables = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "entities", "statements", "claims", "stances", "schema_migrations"} <= tables


def test_a_newer_schema_is_refused_with_E201(db):
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01')", (schema.LATEST + 1,))
    conn.commit()
    with pytest.raises(StoreError) as exc:
        Store(db)
    assert exc.value.code == "E201"


def test_migrations_apply_in_order_each_in_one_transaction(db):
    extra = schema.Migration(schema.LATEST + 1, "add a column", sql=("ALTER TABLE articles ADD COLUMN note TEXT",))
    broken = schema.Migration(schema.LATEST + 2, "broken", sql=("ALTER TABLE articles ADD COLUMN other TEXT",
                                                                 "THIS IS NOT SQL",))
    backend = SQLiteBackend(db)
    with pytest.raises(StoreError):
        backend.migrate(schema.MIGRATIONS + (extra, broken))
    assert backend.schema_version() == schema.LATEST + 1       # the good step stays, the bad one is undone
    columns = {r["name"] for r in backend.rows("PRAGMA table_info(articles)")}
    assert "note" in columns and "other" not in columns
    backend.close()


def test_one_schema_renders_for_each_backend():
    types = {"text": "TEXT", "int": "BIGINT", "real": "DOUBLE PRECISION", "bool": "BOOLEAN",
             "key": "BIGSERIAL PRIMARY KEY"}             # what a PostgreSQL backend would map to
    ddl = schema.create_table(schema.STATEMENTS, types)
    assert ddl[0].startswith("CREATE TABLE IF NOT EXISTS statements")
    assert "pk BIGSERIAL PRIMARY KEY" in ddl[0] and "negated BOOLEAN NOT NULL DEFAULT FALSE" in ddl[0]
    assert any("CREATE INDEX IF NOT EXISTS statements_act ON statements (act)" == d for d in ddl)


def test_statement_columns_cover_every_statement_field():
    from dataclasses import fields

    from onrecord.models import Statement
    columns = set(schema.STATEMENTS.column_names)
    for f in fields(Statement):
        if not f.metadata.get("json", True):
            continue                    # in memory only (Statement.nominal): neither written nor stored
        assert f.name in columns or {f"{f.name[:-5]}_start", f"{f.name[:-5]}_end"} <= columns, f.name
