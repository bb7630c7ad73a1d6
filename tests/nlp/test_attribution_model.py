"""nlp/attribution_model.py: the shipped weights load and tag real text with valid spans."""
from __future__ import annotations

import pytest

from onrecord.errors import PipelineError
from onrecord.nlp import attribution_model as am

DEV_ARTICLE = "breitbart_2016-09-12_stealth-over-health-hillary-clin"


@pytest.fixture(scope="module")
def model():
    return am.load()


def _check(doc, atts):
    n = len(doc.text)
    for att in atts:
        assert isinstance(att, am.Attribution)
        for span in (att.content, att.cue, att.source):
            if span is None:
                continue
            a, b = span
            assert 0 <= a < b <= n
            assert doc.text[a:b] == doc.char_span(a, b).text          # on token boundaries
            assert doc.text[a:b].strip() == doc.text[a:b]
        assert 0.0 <= att.score <= 1.0


def test_load_is_cached(model):
    assert am.load() is model
    assert model.meta["train"]["data"] == "PolNeAR train"


def test_predicts_on_a_polnear_dev_article(model, pipeline, shared):
    text = (shared / "eval" / "polnear" / "dev" / "text" / f"{DEV_ARTICLE}.txt").open(
        encoding="utf-8", newline="").read()
    doc = pipeline.nlp(text)
    atts = model.predict(doc)
    _check(doc, atts)
    assert len(atts) >= 3
    said = [a for a in atts if a.cue and doc.text[a.cue[0]:a.cue[1]] == "said"]
    assert said and any(a.source for a in said)


def test_predicts_on_the_seed(model, pipeline, seed_text):
    doc = pipeline.nlp(seed_text)
    atts = model.predict(doc)
    _check(doc, atts)
    assert len(atts) >= 8
    assert atts == sorted(atts, key=lambda a: a.content)


def test_empty_doc(model, pipeline):
    assert model.predict(pipeline.nlp("")) == []


def test_missing_weights_are_a_pipeline_error(tmp_path):
    with pytest.raises(PipelineError):
        am.load(str(tmp_path))


def test_bio_spans():
    import spacy
    doc = spacy.blank("en")("a b c d e")
    assert [s[2:] for s in am.bio_spans(doc, ["B", "I", "O", "I", "B"])] == [(0, 2), (3, 4), (4, 5)]


def _wikinews(shared, wid: str) -> str:
    import json
    with open(shared / "corpora" / "wikinews.jsonl", encoding="utf-8") as f:
        return next(json.loads(line)["text"] for line in f if json.loads(line)["id"] == wid)


def test_a_quote_that_continues_its_frame_takes_the_frames_cue(pipeline, shared):
    text = _wikinews(shared, "wikinews-2019-094")
    first = '"It is never an easy decision to suspend search efforts,"'
    second = '"We know that this is a very difficult time for families and friends of the victims."'
    a = text.index(first)
    doc = pipeline.nlp(text)

    def span(part, start=0):
        lo = text.index(part, start)
        s = doc.char_span(lo, lo + len(part))
        return (s.start_char, s.end_char, s.start, s.end)

    spans = {"content": [span(first), span(second, a)], "cue": [span("said", a)], "source": [span("she", a)]}
    atts = am.group(doc, spans, {}, parse_fallback=False)
    assert [text[x.cue[0]:x.cue[1]] if x.cue else None for x in atts] == ["said", "said"]
    assert all(text[x.source[0]:x.source[1]] == "she" for x in atts)
    # in its own paragraph, a quote does not take the cue of the one before
    later = text.index("\n", a + len(first) + 60)
    moved = text[:later] + "\n\n" + second + text[later:]
    doc = pipeline.nlp(moved)
    text = moved
    spans = {"content": [span(first), span(second, later)], "cue": [span("said", a)],
             "source": [span("she", a)]}
    assert am._frame_cue(text, am.group(doc, spans, {}, parse_fallback=False)[0],
                         spans["content"][1], spans["cue"]) is None
