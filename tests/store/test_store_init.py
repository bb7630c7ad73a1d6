"""store/__init__.py: the Store API others code against, and reanalyze."""
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


class _Pipeline:
    version = "test-pipeline/2"


def _fake_analyze_many(articles, pipeline):
    """Stands in for core.analyze_many: one statement, the article's first sentence, by a new entity."""
    from onrecord.models import Record
    for a in articles:
        end = a.text.index(".") if "." in a.text else len(a.text)
        yield Record(article=a, pipeline=pipeline.version,
                     entities=(Entity(id="x1", name="Fresh Speaker", kind="person"),),
                     statements=(Statement(id="n1", type="indirect", act="assert", content=a.text[:end],
                                           content_span=(0, end), speaker="x1"),))


def test_reanalyze_replaces_analysis_on_version_change(full, seed, trump_records):
    done_already = replace(trump_records[0], pipeline=_Pipeline.version)
    before = {r["id"]: r["stored_at"] for r in full.articles()}
    # one article is already at the new version: mark it so
    with full.backend.transaction():
        full.backend.execute("UPDATE articles SET pipeline = ? WHERE id = ?",
                             (_Pipeline.version, done_already.article.id))
    assert full.reanalyze(_Pipeline(), _fake_analyze_many) == 3
    assert full.reanalyze(_Pipeline(), _fake_analyze_many) == 0           # nothing left to redo
    record = full.record(seed.article.id)
    assert record.pipeline == _Pipeline.version and [s.id for s in record.statements] == ["n1"]
    assert record.article == seed.article and record.claims == ()
    assert {r["id"]: r["stored_at"] for r in full.articles()} == before      # article rows kept
    assert full.record(done_already.article.id).statements == trump_records[0].statements
    assert full.statements(search="Kremlin") == []                          # FTS follows the swap
    assert {r["name"] for r in full.speakers()} >= {"Fresh Speaker"}
    assert "Nasser Kanaani" not in {r["name"] for r in full.speakers()}
    assert full.stats()["pipelines"] == {_Pipeline.version: 4}


def test_reanalyze_with_the_real_pipeline(store, pipeline, trump_records):
    store.save(trump_records[1])
    assert store.reanalyze(pipeline) == 1
    record = store.record(trump_records[1].article.id)
    assert record.pipeline == pipeline.version and record.article == trump_records[1].article
    for s in record.statements:
        assert record.article.text[s.content_span[0]:s.content_span[1]] == s.content


def test_a_failed_reanalysis_keeps_the_old_analysis_and_goes_on(full, seed, caplog):
    def broken_for_the_seed(articles, pipeline):
        for record in _fake_analyze_many(articles, pipeline):
            if record.article.id == seed.article.id:                          # duplicate statement ids
                record = replace(record, statements=record.statements * 2)
            yield record
    assert full.reanalyze(_Pipeline(), broken_for_the_seed) == 3
    assert full.record(seed.article.id) == seed
    assert "not re-analysed" in caplog.text
    assert full.stats()["pipelines"] == {_Pipeline.version: 3, seed.pipeline: 1}
