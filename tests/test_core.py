from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_analyze_many_encodes_the_claims_of_a_batch_in_one_call(pipeline, seed_text):
    """The claims' sentence encoder runs once per batch of articles, not once per article, and the
    claims come out as analysing each article alone gives them."""
    from dataclasses import replace as dc_replace

    from onrecord.claims.embed import encode
    from onrecord.claims.linking import ClaimBuilder

    calls = []

    def counting(texts):
        calls.append(len(texts))
        return encode(texts)

    counted = dc_replace(pipeline, claims=ClaimBuilder(encode=counting))
    paragraphs = [p for p in seed_text.split("\n") if p.strip()]
    arts = [Article(id=f"a{k}", text="\n".join(paragraphs[k:k + 4])) for k in range(0, len(paragraphs), 4)]
    arts.append(Article(id="seed", text=seed_text))
    recs = list(analyze_many(arts, counted))
    assert len(calls) == 1 and sum(len(r.claims) for r in recs) >= 2
    alone = [analyze(a, counted) for a in arts]
    assert [r.claims for r in recs] == [r.claims for r in alone]
    seed = recs[-1]
    assert all(c.vector is not None and abs(float(c.vector @ c.vector) - 1) < 1e-4 for c in seed.claims)


def test_statements_only_is_an_option_of_the_pipeline(seed_text):
    from onrecord import Options, load_pipeline
    pipeline = load_pipeline(Options(claims=False))
    record = analyze(Article(id="seed", text=seed_text), pipeline)
    assert pipeline.claims is None and "+claims" not in pipeline.version
    assert record.statements and record.claims == ()


def test_only_the_first_max_chars_are_analysed_and_the_record_says_so(pipeline, seed_text):
    from dataclasses import replace
    short = replace(pipeline, options=replace(pipeline.options, max_chars=1200))
    record = analyze(Article(id="seed", text=seed_text), short)
    assert record.article.text == seed_text                       # the stored text is whole
    assert record.statements and all(s.content_span[1] <= 1200 for s in record.statements)
    assert any("only the first 1,200 analysed" in w for w in record.warnings)
    assert not any("only the first" in w for w in analyze(Article(id="seed", text=seed_text), pipeline).warnings)


def test_text_with_no_sentence_ends_is_cut_and_says_so(pipeline, seed_text):
    import re
    text = re.sub(r"\s+", " ", re.sub(r"[.!?;…]", "", seed_text))
    record = analyze(Article(id="runaway", text=text), pipeline)
    assert any("no sentence ends: cut into sentences of 100 tokens" in w for w in record.warnings)
    assert all(len(s.content) < 1500 for s in record.statements)
    assert not any("no sentence ends" in w for w in analyze(Article(id="seed", text=seed_text), pipeline).warnings)
