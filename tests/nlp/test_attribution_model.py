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
