"""store/sqlite.py: durability settings, FTS5 search kept in sync, hostile search input, LIKE fallback,
and opening read-only (WAL, a directory it may not write, an old schema)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.errors import StoreError
from onrecord.store import Store, schema
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


# -- read-only ---------------------------------------------------------------------------------------

def _file_state(path):
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_store_opened_readonly_reads_and_writes_nothing(db, seed):
    with Store(db) as s:
        s.save(seed)
    before = _file_state(db)
    with Store(db, readonly=True) as s:
        assert s.readonly and s.stats()["articles"] == 1 and s.stats()["full_text_search"] is True
        assert {r["id"] for r in s.statements(search="Kremlin drones")} == {"s6", "s7"}
        with pytest.raises(StoreError, match="read-only"):
            with s.backend.transaction():
                pass
        with pytest.raises(StoreError, match="readonly"):
            s.backend.execute("DELETE FROM articles")            # SQLite itself refuses (mode=ro)
        with pytest.raises(StoreError, match="read-only"):
            s.save(replace(seed, article=replace(seed.article, id="other", text=seed.article.text + " More.")))
    assert _file_state(db) == before


def test_readonly_sees_what_a_writer_commits_to_the_wal(db, seed, trump_records):
    with Store(db) as writer:
        writer.save(seed)
        assert (db.parent / (db.name + "-wal")).exists()         # the writer's log holds the commit
        with Store(db, readonly=True) as reader:
            assert reader.stats()["articles"] == 1
        writer.save(trump_records[0])
        with Store(db, readonly=True) as reader:
            assert reader.stats()["articles"] == 2
            assert reader.record(trump_records[0].article.id) == trump_records[0]


def test_readonly_in_a_directory_it_may_not_write(tmp_path, seed):
    from store.frozen import frozen
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "onrecord.db"
    with Store(db) as s:
        s.save(seed)
    assert sorted(p.name for p in folder.iterdir()) == ["onrecord.db"]      # the last writer's WAL is gone
    before = _file_state(db)
    with frozen(db, folder) as how:
        if how is None:
            pytest.skip("nothing here stops root from writing (no chattr +i)")
        with Store(db, readonly=True) as s:                  # no -shm can be made: read as immutable
            assert s.record(seed.article.id) == seed
            assert {r["id"] for r in s.statements(search="Kremlin drones")} == {"s6", "s7"}
    assert _file_state(db) == before and sorted(p.name for p in folder.iterdir()) == ["onrecord.db"]


def test_readonly_searches_with_like_when_there_is_no_fts_index(db, seed, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(SQLiteBackend, "ensure_search", lambda self: None)
        with Store(db) as s:
            s.save(seed)
    with Store(db, readonly=True) as s:                      # nothing is built on a read-only open
        assert s.stats()["full_text_search"] is False
        assert {r["id"] for r in s.statements(search="Kremlin drones")} == {"s6", "s7"}
        assert not s.backend.table_exists("statements_fts")


def test_readonly_refuses_a_schema_it_would_have_to_migrate(db):
    backend = SQLiteBackend(db)
    backend.migrate(schema.MIGRATIONS[:2])
    backend.close()
    with pytest.raises(StoreError, match="open it once for writing") as exc:
        Store(db, readonly=True)
    assert f"schema version 2; this onrecord needs {schema.LATEST}" in str(exc.value)
    with Store(db):                                          # opened for writing once: migrated
        pass
    with Store(db, readonly=True) as s:
        assert s.stats()["schema_version"] == schema.LATEST


def test_readonly_refuses_a_newer_schema_with_E201(db):
    with Store(db) as s:
        s.backend.execute("INSERT INTO schema_migrations VALUES (?, 'future', 'x')", (schema.LATEST + 1,))
    with pytest.raises(StoreError) as exc:
        Store(db, readonly=True)
    assert exc.value.code == "E201"


def test_readonly_never_creates_a_database(db):
    with pytest.raises(StoreError, match="cannot open database"):
        Store(db, readonly=True)
    assert not db.exists()
