"""ingest.run: one failing article becomes a Rejected; duplicates are not analysed; the summary."""
from onrecord import Article, Rejected
from onrecord.ingest import run


class FakeStore:
    def __init__(self):
        self.saved = {}

    def has(self, content_hash):
        return content_hash in self.saved

    def save(self, record):
        if record.article.content_hash in self.saved:
            return False
        self.saved[record.article.content_hash] = record
        return True


def test_a_failure_in_one_article_is_a_rejected_and_the_batch_goes_on(pipeline, monkeypatch):
    real_many, real_one = run.analyze_many, run.analyze

    def many(articles, pipe, size=None):
        if any(a.id == "boom" for a in articles):
            raise RuntimeError("component crashed")
        return real_many(articles, pipe, size)

    def one(article, pipe):
        if article.id == "boom":
            raise RuntimeError("component crashed")
        return real_one(article, pipe)

    monkeypatch.setattr(run, "analyze_many", many)
    monkeypatch.setattr(run, "analyze", one)
    arts = [Article(id=i, text=f"Story {i}: the mayor said the bridge would reopen.", source=f"{i}.txt")
            for i in ("a", "boom", "c")]
    store = FakeStore()
    summary = run.ingest(arts + [Rejected("bad.txt", "empty input", "E101")], store, pipeline)
    assert (summary.stored, summary.duplicates) == (2, 0)
    assert [(r.source, r.code) for r in summary.skipped] == [("bad.txt", "E101"), ("boom.txt", "E300")]
    assert "component crashed" in summary.skipped[1].reason


def test_stored_and_repeated_texts_are_not_analysed(pipeline, monkeypatch):
    seen = []
    real = run.analyze_many
    monkeypatch.setattr(run, "analyze_many", lambda arts, p, s=None: (seen.extend(a.id for a in arts),
                                                                      real(arts, p, s))[1])
    store = FakeStore()
    a = Article(id="a", text="The mayor said the bridge would reopen.")
    run.ingest([a], store, pipeline)
    seen.clear()
    summary = run.ingest([a, Article(id="b", text="New text, he said."), Article(id="b2", text="New text, he said.")],
                         store, pipeline)
    assert seen == ["b"] and (summary.stored, summary.duplicates) == (1, 2)


def test_summary_text():
    s = run.Summary(stored=30, duplicates=4, skipped=[Rejected("x.txt", "empty input", "E101"),
                                                      Rejected("y.bin", "binary input", "E102")])
    assert s.text() == ("stored 30, already stored 4, skipped 2:\n  x.txt: empty input [E101]\n"
                        "  y.bin: binary input [E102]")
    assert run.Summary(stored=1).text() == "stored 1, already stored 0, skipped 0"
