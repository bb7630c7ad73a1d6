"""store/postgres.py: what is PostgreSQL's own. The shared behaviour (saving, idempotency, round-trip,
search, speakers, re-analysis) runs on both backends through the ``store`` fixture (conftest.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from onrecord.errors import StoreError
from onrecord.models import Article, Record, Statement
from onrecord.store import Store, is_postgres, schema
from onrecord.store.postgres import PostgresBackend, to_psycopg


@pytest.fixture
def any_db(pg_url):
    """This file is about the PostgreSQL backend only."""
    return pg_url


def test_placeholders_become_psycopg_style_and_literals_stay():
    assert to_psycopg("SELECT ? WHERE a LIKE ? ESCAPE '\\'") == "SELECT %s WHERE a LIKE %s ESCAPE '\\'"
    assert to_psycopg("SELECT '?%' || x, 5 % 2 FROM t WHERE id = ?") == "SELECT '?%' || x, 5 %% 2 FROM t WHERE id = %s"
    assert to_psycopg("SELECT 'it''s ?' , ?") == "SELECT 'it''s ?' , %s"


def test_urls_choose_the_backend():
    assert is_postgres("postgresql://u@host/db") and is_postgres("postgres://u@host/db")
    assert not is_postgres("onrecord.db") and not is_postgres("sqlite:///x.db")


def _versions(url):
    b = PostgresBackend(url)
    try:
        return [r["version"] for r in b.rows("SELECT version FROM schema_migrations ORDER BY 1")]
    finally:
        b.close()


def test_fresh_database_gets_every_migration_once(pg_url):
    Store(pg_url).close()
    Store(pg_url).close()
    assert _versions(pg_url) == [m.version for m in schema.MIGRATIONS]
    with Store(pg_url) as store:
        for table in ("articles", "statements", "global_claims", "claim_members", "claim_linked"):
            assert store.backend.table_exists(table)
        assert store.stats()["backend"] == "postgresql" and store.stats()["full_text_search"] is True


def test_a_newer_schema_is_refused_with_E201(pg_url):
    with Store(pg_url) as store:
        store.backend.execute("INSERT INTO schema_migrations VALUES (?, 'future', 'x')", (schema.LATEST + 1,))
    with pytest.raises(StoreError) as exc:
        Store(pg_url)
    assert exc.value.code == "E201"


def test_migrations_apply_in_order_each_in_one_transaction(pg_url):
    extra = schema.Migration(schema.LATEST + 1, "add a column", sql=("ALTER TABLE articles ADD COLUMN note TEXT",))
    broken = schema.Migration(schema.LATEST + 2, "broken", sql=("ALTER TABLE articles ADD COLUMN other TEXT",
                                                                 "THIS IS NOT SQL",))
    backend = PostgresBackend(pg_url)
    with pytest.raises(StoreError):
        backend.migrate(schema.MIGRATIONS + (extra, broken))
    assert backend.schema_version() == schema.LATEST + 1       # the good step stays, the bad one is undone
    columns = {r["column_name"] for r in backend.rows(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'articles'")}
    assert "note" in columns and "other" not in columns
    backend.close()


def test_several_processes_opening_a_new_database_apply_each_step_once(pg_url):
    with ThreadPoolExecutor(4) as pool:                       # one connection each, like processes
        list(pool.map(lambda _: Store(pg_url).close(), range(4)))
    assert _versions(pg_url) == [m.version for m in schema.MIGRATIONS]


@pytest.mark.parametrize("hostile", ['"', 'AND (', '" OR 1=1 --', "drone*", "drone:*", "a & b", "!x", "a | b",
                                     "<->", "%", "_", "\\", "a\x00b", "(((", "NOT", "*", "'", "?", "%s"])
def test_hostile_search_never_raises(full, hostile):
    assert isinstance(full.statements(search=hostile), list)


def test_search_words_keep_their_meaning_not_their_syntax(full):
    assert full.statements(search="drones | Kremlin") == full.statements(search="drones Kremlin")
    assert {r["id"] for r in full.statements(search="drones Kremlin")} == {"s6", "s7"}
    assert full.statements(search="drones !Kremlin") == full.statements(search="drones Kremlin")


def test_search_column_follows_inserts_updates_and_deletes(store, seed):
    store.save(seed)
    b = store.backend
    assert b.scalar("SELECT COUNT(*) FROM statements WHERE search IS NOT NULL") == len(seed.statements)
    with b.transaction():
        b.execute("UPDATE statements SET content = 'zeppelins overhead' WHERE article_id = ? AND id = 's1'",
                  (seed.article.id,))
    assert [r["id"] for r in store.statements(search="zeppelin")] == ["s1"]
    with b.transaction():
        b.execute("DELETE FROM articles WHERE id = ?", (seed.article.id,))
    assert b.scalar("SELECT COUNT(*) FROM statements") == 0              # cascaded
    assert store.statements(search="zeppelin") == []


def _saved_without_search(pg_url, seed) -> None:
    """A database holding the seed, its search column (and trigger) dropped: as made before search."""
    with Store(pg_url) as store:
        store.save(seed)
        with store.backend.transaction():
            store.backend.execute("DROP TRIGGER statements_search ON statements")
            store.backend.execute("ALTER TABLE statements DROP COLUMN search")


def test_search_is_built_for_a_database_made_without_it(pg_url, seed):
    _saved_without_search(pg_url, seed)
    with Store(pg_url) as store:                                 # reopening adds and fills it
        assert {r["id"] for r in store.statements(search="drones Kremlin")} == {"s6", "s7"}


def test_a_nul_character_is_stored_as_a_replacement_character(store):
    text = "The minister said\x00 the talks would resume."
    statement = Statement(id="s1", type="indirect", act="assert", content="the talks would resume",
                          content_span=(text.index("the talks"), len(text) - 1), speaker_text="The minister")
    assert store.save(Record(article=Article(id="nul", text=text), statements=(statement,), pipeline="p"))
    assert store.record("nul").article.text == text.replace("\x00", "\ufffd")    # one for one
    assert [r["id"] for r in store.statements(search="talks")] == ["s1"]


def test_a_unique_violation_is_told_by_its_constraint(store, seed):
    store.save(seed)
    b = store.backend
    with pytest.raises(b.integrity_errors) as exc:
        with b.transaction():
            b.execute("UPDATE articles SET content_hash = 'x'")
            b.execute("INSERT INTO articles (id, content_hash, text, stored_at, record_json) "
                      "VALUES ('other', 'x', 't', 'now', '{}')")
    assert b.is_unique_violation(exc.value, "articles.content_hash")
    assert not b.is_unique_violation(exc.value, "articles.id")
    assert store.record(seed.article.id) == seed                 # rolled back


def test_a_race_between_two_connections_stores_one_copy(pg_url, seed):
    with Store(pg_url) as a, Store(pg_url) as b:
        assert a.save(seed) is True
        assert b.save(seed) is False
        assert b.save(replace(seed, article=replace(seed.article, id="elsewhere"))) is False
        assert a.backend.scalar("SELECT COUNT(*) FROM articles") == 1


_INGEST = """
import json, sys
from onrecord.models import Article, Record, Statement
from onrecord.store import Store
url, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stored = 0
with Store(url) as store:
    for i in list(range(first, last)) * 2:           # every record twice, interleaved with the other process
        text = f"Article {i}: the minister said the talks number {i} would resume."
        start = text.index("the talks")
        st = Statement(id="s1", type="indirect", act="assert", content=text[start:-1],
                       content_span=(start, len(text) - 1), speaker_text="the minister")
        stored += store.save(Record(article=Article(id=f"a{i % 50}", text=text), statements=(st,), pipeline="p"))
print(json.dumps(stored))
"""


def test_two_processes_ingesting_overlapping_records_store_each_once(pg_url):
    Store(pg_url).close()
    procs = [subprocess.Popen([sys.executable, "-c", _INGEST, pg_url, str(a), str(b)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for a, b in ((0, 80), (40, 120))]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    stored = sum(json.loads(out) for out, _ in results)
    with Store(pg_url) as store:
        b = store.backend
        assert stored == 120 == b.scalar("SELECT COUNT(*) FROM articles")
        assert b.scalar("SELECT COUNT(DISTINCT content_hash) FROM articles") == 120
        assert b.scalar("SELECT COUNT(*) FROM statements") == 120
        # ids a0..a49 are shared by several texts: each extra text got its own disambiguated id
        assert b.scalar("SELECT COUNT(DISTINCT id) FROM articles") == 120
        assert len(store.statements(search="talks", limit=1000)) == 120


# -- read-only ---------------------------------------------------------------------------------------

def test_a_store_opened_readonly_is_a_read_only_session(pg_url, seed):
    with Store(pg_url) as store:
        store.save(seed)
    with Store(pg_url, readonly=True) as store:
        assert store.backend.scalar("SHOW default_transaction_read_only") == "on"
        assert {r["id"] for r in store.statements(search="drones Kremlin")} == {"s6", "s7"}
        with pytest.raises(StoreError, match="read-only"):
            with store.backend.transaction():
                pass
        with pytest.raises(StoreError, match="read-only transaction"):
            store.backend.execute("DELETE FROM articles")        # the server itself refuses
        assert store.stats()["articles"] == 1


def test_a_role_that_may_only_select_reads_read_only(pg_url, pg_reader, seed):
    with Store(pg_url) as store:
        store.save(seed)
    reader = pg_reader()
    with Store(reader) as store, pytest.raises(StoreError, match="permission denied"):
        with store.backend.transaction():                      # the role really may not write
            store.backend.execute("DELETE FROM articles")
    with Store(reader, readonly=True) as store:
        assert store.record(seed.article.id) == seed
        assert store.stats()["full_text_search"] is True


def test_readonly_searches_with_like_when_there_is_no_search_column(pg_url, seed):
    _saved_without_search(pg_url, seed)
    with Store(pg_url, readonly=True) as store:                # nothing is built on a read-only open
        assert store.stats()["full_text_search"] is False
        assert {r["id"] for r in store.statements(search="drones Kremlin")} == {"s6", "s7"}
        assert not store.backend._search_column()


def test_readonly_refuses_a_database_it_would_have_to_migrate(pg_url):
    with pytest.raises(StoreError, match="open it once for writing"):
        Store(pg_url, readonly=True)                           # nothing there yet
    backend = PostgresBackend(pg_url)
    assert not backend.table_exists("schema_migrations")
    backend.close()
