"""store/__init__.py: the Store API others code against, and replacing an article's analysis."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.errors import StoreError
from onrecord.models import Entity, Statement
from onrecord.store import Store


def test_default_db_honours_ONRECORD_DB(tmp_path, monkeypatch):
    monkeypatch.setenv("ONRECORD_DB", str(tmp_path / "env.db"))
    with Store() as store:
        assert store.db == str(tmp_path / "env.db")
    assert (tmp_path / "env.db").exists()


def test_default_db_is_onrecord_db_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("ONRECORD_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    Store().close()
    assert (tmp_path / "onrecord.db").exists()


def test_an_unreachable_postgres_server_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        Store(f"postgresql://nobody@/onrecord?host={tmp_path}&port=1&connect_timeout=2")


def test_store_is_importable_from_the_package():
    import onrecord
    assert onrecord.Store is Store


def _fresh_analysis(record, pipeline="test-pipeline/2"):
    """Another analysis of the same article: one statement, its first sentence, by a new entity."""
    from onrecord.models import Record
    a = record.article
    end = a.text.index(".")
    return Record(article=a, pipeline=pipeline, entities=(Entity(id="x1", name="Fresh Speaker", kind="person"),),
                  statements=(Statement(id="n1", type="indirect", act="assert", content=a.text[:end],
                                        content_span=(0, end), speaker="x1"),))


def test_replace_analysis_swaps_the_analysis_and_keeps_the_article_row(full, seed, trump_records):
    before = {r["id"]: r["stored_at"] for r in full.articles()}
    assert full.stale("test-pipeline/2") == sorted(before)
    full.replace_analysis(seed.article.id, _fresh_analysis(seed))
    record = full.record(seed.article.id)
    assert record.pipeline == "test-pipeline/2" and [s.id for s in record.statements] == ["n1"]
    assert record.article == seed.article and record.claims == ()
    assert {r["id"]: r["stored_at"] for r in full.articles()} == before      # article rows kept
    assert seed.article.id not in full.stale("test-pipeline/2")
    assert full.record(trump_records[0].article.id) == trump_records[0]
    assert {r["article_id"] for r in full.statements(search="Kremlin")} <= {r.article.id for r in trump_records}
    assert "Fresh Speaker" in {r["name"] for r in full.speakers()}
    assert "Nasser Kanaani" not in {r["name"] for r in full.speakers()}


def test_a_replacement_that_cannot_be_stored_keeps_the_old_analysis(full, seed):
    fresh = _fresh_analysis(seed)
    broken = replace(fresh, statements=fresh.statements * 2)               # duplicate statement ids
    with pytest.raises(StoreError):
        full.replace_analysis(seed.article.id, broken)
    assert full.record(seed.article.id) == seed
