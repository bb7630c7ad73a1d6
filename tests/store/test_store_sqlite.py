"""store/sqlite.py: durability settings, FTS5 search kept in sync, hostile search input, LIKE fallback."""
from __future__ import annotations

import pytest

from onrecord.store import Store
from onrecord.store.sqlite import SQLiteBackend, fts_query


@pytest.fixture
def any_db(db):
    """This file is about the SQLite backend only (test_postgres.py has PostgreSQL's own)."""
    return db


def test_pragmas_for_crash_safety(store):
    b = store.backend
    assert b.scalar("PRAGMA journal_mode") == "wal"
    assert b.scalar("PRAGMA synchronous") == 1               # NORMAL (see the module docstring)
    assert b.scalar("PRAGMA foreign_keys") == 1
    assert b.scalar("PRAGMA busy_timeout") >= 5000


@pytest.mark.parametrize("hostile", ['"', 'AND (', '" OR 1=1 --', "drone*", "NEAR(a b)", "col:x", "^", "'",
                                     "-drones", "%", "_", "\\", "a\x00b", "(((", "NOT", "*"])
def test_hostile_search_never_raises(full, hostile):
    rows = full.statements(search=hostile)
    assert isinstance(rows, list)


def test_fts_words_are_quoted():
    assert fts_query(['say"s', "AND", "("]) == '"say""s" "AND" "("'


def test_search_words_keep_their_meaning_not_their_syntax(full):
    assert full.statements(search="drones OR Kremlin") == []   # OR is a word here, and no statement has it
    assert {r["id"] for r in full.statements(search="drones Kremlin")} == {"s6", "s7"}


def test_fts_index_follows_deletes(store, seed):
    store.save(seed)
    n = store.backend.scalar("SELECT COUNT(*) FROM statements_fts")
    assert n == len(seed.statements)
    with store.backend.transaction():
        store.backend.execute("DELETE FROM articles WHERE id = ?", (seed.article.id,))
    assert store.backend.scalar("SELECT COUNT(*) FROM statements_fts") == 0
    assert store.backend.scalar("SELECT COUNT(*) FROM statements") == 0      # cascaded


@pytest.fixture
def like_store(db, monkeypatch):
    """A store whose SQLite has no FTS5: search falls back to LIKE."""
    monkeypatch.setattr(SQLiteBackend, "ensure_search", lambda self: None)
    with Store(db) as s:
        yield s


def test_search_falls_back_to_like_without_fts5(like_store, seed):
    like_store.save(seed)
    assert like_store.stats()["full_text_search"] is False
    expected = {s.id for s in seed.statements if "drones" in s.content.lower()}
    assert {r["id"] for r in like_store.statements(search="Drones")} == expected
    assert like_store.statements(search='100% "AND (') == []


def test_fts_is_built_for_a_database_made_without_it(db, seed, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(SQLiteBackend, "ensure_search", lambda self: None)
        with Store(db) as s:
            s.save(seed)
    with Store(db) as s:                                     # FTS5 available again: index built and filled
        assert s.stats()["full_text_search"] is True
        assert {r["id"] for r in s.statements(search="Kremlin drones")} == {"s6", "s7"}
