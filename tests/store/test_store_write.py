"""store/write.py: one transaction per article, idempotent by content hash, exact round-trip."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import numpy as np
import pytest

from onrecord.errors import StoreError
from onrecord.models import Article, Claim, Record, Statement
from onrecord.store import Store, schema


def _count(store, table, article_id=None):
    sql = f"SELECT COUNT(*) FROM {table}" + (" WHERE article_id = ?" if article_id else "")
    return store.backend.scalar(sql, (article_id,) if article_id else ())


def test_same_content_twice_is_stored_once(store, seed):
    assert not store.has(seed.article.content_hash)
    assert store.save(seed) is True
    assert store.has(seed.article.content_hash)
    again = replace(seed, article=replace(seed.article, id="another-id", source="elsewhere.txt"))
    assert store.save(again) is False
    assert store.save(seed) is False
    assert [a["id"] for a in store.articles()] == [seed.article.id]
    assert _count(store, "statements") == len(seed.statements) == 21


@pytest.mark.parametrize("which", ["hand-built", "analysed"])
def test_record_round_trips_exactly(store, seed, trump_records, analysed, which):
    # the analysed seed has the hand-built seed's text, so each set goes into its own store
    records = [seed, *trump_records] if which == "hand-built" else analysed
    for record in records:
        assert store.save(record)
        back = store.record(record.article.id)
        assert back == record
        assert Record.from_dict(back.to_dict()) == record


def test_rows_keep_every_statement_field(store, seed):
    store.save(seed)
    s7 = next(s for s in seed.statements if s.id == "s7")
    row = store.backend.one("SELECT * FROM statements WHERE article_id = ? AND id = 's7'", (seed.article.id,))
    assert (row["content_start"], row["content_end"]) == s7.content_span
    assert seed.article.text[row["content_start"]:row["content_end"]] == row["content"]
    assert row["speaker"] == "kremlin-spokesperson" and row["act"] == "confirm" and row["confidence"] == 0.9
    assert _count(store, "stances") == len(seed.claims[0].stances)


def test_a_failure_mid_save_leaves_nothing_of_that_article(store, seed, trump_records):
    store.save(trump_records[0])
    before = {t: _count(store, t) for t in ("articles", "entities", "statements", "claims", "stances")}
    # a second statement with the same id violates UNIQUE (article_id, id) after the article row,
    # the entities and twenty statements are already written
    broken = replace(seed, statements=seed.statements + (replace(seed.statements[0], content="dup"),))
    with pytest.raises(StoreError, match="not stored"):
        store.save(broken)
    assert {t: _count(store, t) for t in before} == before
    assert not store.has(seed.article.content_hash)
    assert store.record(trump_records[0].article.id) == trump_records[0]
    assert store.save(seed) is True                          # and the good record still goes in


def test_a_bad_span_is_refused_by_the_schema(store, trump_records):
    record = trump_records[0]
    bad = replace(record, statements=(replace(record.statements[0], content_span=(50, 10)),))
    with pytest.raises(StoreError):
        store.save(bad)
    assert _count(store, "articles") == 0


def test_an_id_taken_by_another_text_is_disambiguated(store, seed):
    store.save(seed)
    other = Article(id=seed.article.id, text=seed.article.text + "\nCorrection: the interview ran on Monday.")
    assert store.save(Record(article=other, pipeline="p")) is True
    new_id = f"{seed.article.id}-{other.content_hash[:8]}"
    assert store.article_id(other.content_hash) == new_id
    assert store.record(new_id).article.text == other.text
    assert store.record(new_id).article.id == new_id
    assert store.record(seed.article.id) == seed


def test_text_that_is_not_valid_unicode_round_trips(store):
    text = "The minister said \udcff the talks \udce9 would resume."
    article = Article(id="bad-bytes", text=text, flags=("invalid-utf8",))
    statement = Statement(id="s1", type="indirect", act="assert", content="the talks \udce9 would resume",
                          content_span=(text.index("the talks"), len(text) - 1), speaker_text="The minister")
    record = Record(article=article, statements=(statement,), pipeline="p")
    assert store.save(record)
    assert store.record("bad-bytes") == record
    assert store.statements(search="talks")[0]["content"] == "the talks \ufffd would resume"


def test_concurrent_writers_store_one_copy(db, seed):
    with Store(db) as a, Store(db) as b:
        assert a.save(seed) is True
        assert b.save(seed) is False
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone() == (1,)


# -- the claims' sentence vectors (migration 3) --------------------------------------------------------

def _unit(v):
    return (v / np.linalg.norm(v)).astype(np.float32)


def test_migration_3_adds_a_nullable_vector_column_to_claims(store):
    assert store.backend.schema_version() >= 3
    assert [m.version for m in schema.MIGRATIONS][:3] == [1, 2, 3]
    assert "vector" in schema.CLAIMS_NOW.column_names and "vector" not in schema.CLAIMS.column_names
    assert schema.migration_sql(schema.MIGRATIONS[2], type(store.backend).TYPES) == [
        f"ALTER TABLE claims ADD COLUMN vector {'BLOB' if store.backend.name == 'sqlite' else 'BYTEA'}"]
    assert store.backend.scalar("SELECT COUNT(*) FROM claims WHERE vector IS NULL") == 0


def test_the_claim_vector_round_trips_through_save(store, seed):
    vec = _unit(np.random.default_rng(1).standard_normal(384))
    claims = (replace(seed.claims[0], vector=vec), Claim(id="claim-bare", text="Iran sent no drones"))
    record = replace(seed, claims=claims)
    assert store.save(record)
    back = store.record(record.article.id)
    assert back == record                                           # vector is not compared ...
    got = {c.id: c.vector for c in back.claims}
    assert got["claim-bare"] is None
    assert got[seed.claims[0].id].dtype == np.float32 and np.array_equal(got[seed.claims[0].id], vec)
    raw = store.backend.scalar("SELECT vector FROM claims WHERE id = ?", (seed.claims[0].id,))
    assert bytes(raw) == vec.astype("<f4").tobytes()                # ... but it is stored, exactly


def test_replaced_analysis_stores_the_new_vectors(store, seed):
    assert store.save(seed)                                         # no vectors
    vec = _unit(np.random.default_rng(2).standard_normal(384))
    store.replace_analysis(seed.article.id, replace(seed, pipeline="test-pipeline/2",
                                                    claims=(replace(seed.claims[0], vector=vec),)))
    assert store.stale("test-pipeline/2") == []
    assert np.array_equal(store.record(seed.article.id).claims[0].vector, vec)
