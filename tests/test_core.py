from hypothesis import given, settings, strategies as st

from onrecord import Article, analyze, analyze_many
from onrecord.core import chunk_text


@given(st.text(min_size=0, max_size=3000), st.integers(min_value=50, max_value=800))
@settings(max_examples=200, deadline=None)
def test_chunks_cover_the_text_exactly(text, size):
    chunks = chunk_text(text, size)
    assert "".join(text[a:b] for a, b in chunks) == text
    assert all(b - a <= size for a, b in chunks)


def test_analyze_keeps_text_and_metadata(pipeline, seed_text):
    art = Article(id="seed", text=seed_text, source="seed.txt", language="en")
    rec = analyze(art, pipeline)
    assert rec.article.text == seed_text
    assert rec.format == "onrecord/1"
    assert rec.pipeline.startswith("onrecord-")


def test_non_english_is_kept_but_not_analysed(pipeline):
    art = Article(id="de", text="Der Sprecher sagte, dass nichts passiert sei.", language="de")
    rec = analyze(art, pipeline)
    assert rec.statements == () and "language 'de'" in rec.warnings[0]


def test_analyze_many_keeps_order_and_count_across_chunked_and_skipped(pipeline, seed_text):
    long = Article(id="long", text=(seed_text + "\n\n") * 30, language="en")
    arts = [Article(id="a", text=seed_text), Article(id="empty", text="  "), long,
            Article(id="b", text="Short text.")]
    recs = list(analyze_many(arts, pipeline))
    assert [r.article.id for r in recs] == ["a", "empty", "long", "b"]
    assert any("chunks" in w for w in recs[2].warnings)
    for r in recs:
        for s in r.statements:
            assert r.article.text[s.content_span[0]:s.content_span[1]] == s.content
