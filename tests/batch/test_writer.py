"""batch.write / load / reanalyze: one failing article is a Rejected, duplicates are not analysed, what
is stored gets linked, and the summary says what happened."""
from dataclasses import replace

import pytest

from onrecord import Article, Options, Rejected
from onrecord.batch import Summary, analysis, load, reanalyze, write
from onrecord.store import Store

ONE = replace(Options(), workers=1)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "batch.db") as s:
        yield s


def _articles(*ids):
    return [Article(id=i, text=f"Story {i}: the mayor said the bridge would reopen.", source=f"{i}.txt")
            for i in ids]


def _crash_on_boom(monkeypatch) -> None:
    """The analysis fails on the article with id "boom" (alone or in a batch)."""
    real_many, real_one = analysis.analyze_many, analysis.analyze

    def many(articles, pipe, size=None):
        if any(a.id == "boom" for a in articles):
            raise RuntimeError("component crashed")
        return real_many(articles, pipe, size)

    def one(article, pipe):
        if article.id == "boom":
            raise RuntimeError("component crashed")
        return real_one(article, pipe)

    monkeypatch.setattr(analysis, "analyze_many", many)
    monkeypatch.setattr(analysis, "analyze", one)


def test_a_failure_in_one_article_is_a_rejected_and_the_batch_goes_on(pipeline, store, monkeypatch):
    _crash_on_boom(monkeypatch)
    summary = write(_articles("a", "boom", "c") + [Rejected("bad.txt", "empty input", "E101")], store, ONE,
                    pipeline)
    assert (summary.stored, summary.duplicates) == (2, 0)
    assert [(r.source, r.code) for r in summary.skipped] == [("bad.txt", "E101"), ("boom.txt", "E300")]
    assert "component crashed" in summary.skipped[1].reason
    assert sorted(r["id"] for r in store.articles()) == ["a", "c"]


def test_stored_and_repeated_texts_are_not_analysed(pipeline, store, monkeypatch):
    seen = []
    real = analysis.analyze_many
    monkeypatch.setattr(analysis, "analyze_many", lambda arts, p, s=None: (seen.extend(a.id for a in arts),
                                                                           real(arts, p, s))[1])
    a = Article(id="a", text="The mayor said the bridge would reopen.")
    write([a], store, ONE, pipeline)
    seen.clear()
    summary = write([a, Article(id="b", text="New text, he said."), Article(id="b2", text="New text, he said.")],
                    store, ONE, pipeline)
    assert seen == ["b"] and (summary.stored, summary.duplicates) == (1, 2)
    saved = sorted((s.article_id, s.stored, s.statements is None) for s in summary.saved)
    assert saved == [("a", False, True), ("b", False, True), ("b", True, False)]


def test_nothing_to_analyse_loads_no_pipeline(store, monkeypatch):
    import onrecord.pipeline
    monkeypatch.setattr(onrecord.pipeline, "load_pipeline", lambda *_: pytest.fail("pipeline loaded"))
    summary = write([Rejected("x.txt", "empty input", "E101")], store, ONE)
    assert (summary.stored, len(summary.skipped)) == (0, 1)


def test_a_store_failure_is_that_articles_rejected(pipeline, store, monkeypatch):
    real = store.save

    def save(record):
        if record.article.id == "b":
            raise RuntimeError("disk full")
        return real(record)
    monkeypatch.setattr(store, "save", save)
    summary = write(_articles("a", "b", "c"), store, ONE, pipeline)
    assert summary.stored == 2 and [(r.source, r.code) for r in summary.skipped] == [("b.txt", "E200")]


def test_what_is_stored_is_linked_into_claims_across_articles(pipeline, store, seed_text):
    from onrecord.store import claims as board
    summary = write([Article(id="seed", text=seed_text)], store, ONE, pipeline)
    assert summary.stored == 1 and summary.linked == 1
    assert board.pending(store) == [] and board.claims(store, limit=5)


def test_load_stores_records_once_and_counts_unreadable_rows(pipeline, store):
    from onrecord import analyze
    record = analyze(_articles("a")[0], pipeline)
    bad = Rejected("out/records#x", "not a record: KeyError: 'article'", "E203")
    first = load([record, bad], store)
    again = load([record], store)
    assert (first.stored, first.duplicates, first.skipped) == (1, 0, [bad])
    assert (again.stored, again.duplicates) == (0, 1)


def test_reanalyze_replaces_what_another_pipeline_version_made(pipeline, store):
    from onrecord import analyze
    record = analyze(_articles("a")[0], pipeline)
    store.save(replace(record, pipeline="onrecord-0.0.1/old", statements=()))
    assert store.stale(pipeline.version) == ["a"]
    assert reanalyze(store, pipeline) == 1
    assert store.stale(pipeline.version) == [] and store.record("a").statements == record.statements
    assert reanalyze(store, pipeline) == 0


def test_summary_text():
    s = Summary(stored=30, duplicates=4, skipped=[Rejected("x.txt", "empty input", "E101"),
                                                  Rejected("y.bin", "binary input", "E102")])
    assert s.text() == ("stored 30, already stored 4, skipped 2:\n  x.txt: empty input [E101]\n"
                        "  y.bin: binary input [E102]")
    assert Summary(stored=1).text() == "stored 1, already stored 0, skipped 0"


def test_reanalyze_keeps_the_old_analysis_of_an_article_that_fails_and_goes_on(pipeline, store, monkeypatch):
    from onrecord import analyze
    old = [replace(analyze(a, pipeline), pipeline="onrecord-0.0.1/old") for a in _articles("a", "boom", "c")]
    for record in old:
        store.save(record)
    _crash_on_boom(monkeypatch)
    assert reanalyze(store, pipeline) == 2
    assert store.stale(pipeline.version) == ["boom"]
    assert store.record("boom").pipeline == "onrecord-0.0.1/old"
