"""nlp/tagger.py: the shipped tagger loads, tags real text with valid spans, and a missing or corrupt
weights file is an E300 naming the file and ``make train``."""
from __future__ import annotations

import json
import shutil

import pytest

from onrecord.errors import PipelineError
from onrecord.nlp import tagger as tg
from onrecord.nlp.attribution_model import Attribution

DEV_ARTICLE = "breitbart_2016-09-12_stealth-over-health-hillary-clin"


@pytest.fixture(scope="module")
def tagger():
    return tg.load()


def _plain(pipeline, text):
    ours = [n for n in pipeline.nlp.pipe_names if n.startswith("onrecord")]
    with pipeline.nlp.select_pipes(disable=ours):
        return pipeline.nlp(text)


def _check(doc, atts):
    for att in atts:
        assert isinstance(att, Attribution)
        for span in (att.content, att.cue, att.source):
            if span is None:
                continue
            a, b = span
            assert 0 <= a < b <= len(doc.text)
            assert doc.char_span(a, b) is not None                   # on token boundaries
        assert 0.0 <= att.score <= 1.0


def test_the_shipped_weights_say_what_they_were_trained_on(tagger):
    assert tg.load() is tagger
    assert tagger.meta["train"]["data"] == "PolNeAR train" and tagger.meta["train"]["articles"] == 840
    assert tagger.meta["dev"]["chosen_epoch"] in [h["epoch"] for h in tagger.meta["dev"]["history"]]


def test_tags_the_seed(tagger, pipeline, seed_text):
    doc = _plain(pipeline, seed_text)
    atts = tagger.predict(doc)
    _check(doc, atts)
    assert atts == sorted(atts, key=lambda a: a.content)
    cues = {doc.text[a.cue[0]:a.cue[1]] for a in atts if a.cue}
    assert "added" in cues and "earlier noted" in cues          # PolNeAR's cues keep their adverb
    sources = {doc.text[a.source[0]:a.source[1]] for a in atts if a.source}
    assert {"The top Iranian diplomat", "A senior U.S. State Department official"} <= sources


def test_tags_a_polnear_dev_article(tagger, pipeline, shared):
    text = (shared / "eval" / "polnear" / "dev" / "text" / f"{DEV_ARTICLE}.txt").open(
        encoding="utf-8", newline="").read()
    doc = _plain(pipeline, text)
    atts = tagger.predict(doc)
    _check(doc, atts)
    said = [a for a in atts if a.cue and doc.text[a.cue[0]:a.cue[1]] == "said"]
    assert len(atts) >= 3 and said and all(a.source for a in said)


def test_an_empty_doc_has_no_attributions(tagger, pipeline):
    assert tagger.predict(_plain(pipeline, "")) == []


def test_missing_metadata_names_the_file_and_make_train(tmp_path):
    with pytest.raises(PipelineError) as err:
        tg.load(str(tmp_path))
    assert err.value.code == "E300"
    assert "tagger.json" in str(err.value) and "make train" in str(err.value)


def _copy(tmp_path):
    for name in (tg.META_NAME, tg.WEIGHTS_NAME):
        shutil.copy(tg.MODEL_DIR / name, tmp_path / name)
    return tmp_path


def test_corrupt_weights_name_the_file_and_make_train(tmp_path):
    root = _copy(tmp_path)
    (root / tg.WEIGHTS_NAME).write_bytes(b"\x00garbage" * 10)
    with pytest.raises(PipelineError) as err:
        tg.load(str(root))
    assert err.value.code == "E300"
    assert tg.WEIGHTS_NAME in str(err.value) and "make train" in str(err.value)


def test_weights_of_another_shape_are_refused(tmp_path):
    root = _copy(tmp_path)
    meta = json.loads((root / tg.META_NAME).read_text())
    meta["config"]["lstm"] = meta["config"]["lstm"] + 8
    (root / tg.META_NAME).write_text(json.dumps(meta))
    with pytest.raises(PipelineError) as err:
        tg.load(str(root))
    assert err.value.code == "E300" and "make train" in str(err.value)


def test_another_format_is_refused(tmp_path):
    root = _copy(tmp_path)
    meta = json.loads((root / tg.META_NAME).read_text())
    meta["format"] = "onrecord-tagger/0"
    (root / tg.META_NAME).write_text(json.dumps(meta))
    with pytest.raises(PipelineError) as err:
        tg.load(str(root))
    assert err.value.code == "E300"


def _crf():
    return tg.build_net(tg.Config(), [], 3).crf          # no encoder layers: the CRF alone, zero transitions


def test_a_span_across_a_window_edge_decodes_as_one_span():
    torch = pytest.importorskip("torch")
    con_b, con_i = tg.LABELS.index("B-CON"), tg.LABELS.index("I-CON")
    first = torch.full((3, len(tg.LABELS)), -5.0)
    first[0, 0] = first[1, con_b] = first[2, con_i] = 5.0        # O B-CON I-CON | the window ends
    second = torch.full((2, len(tg.LABELS)), -5.0)
    second[0, con_i] = second[1, con_i] = 5.0                    # the span goes on: I-CON I-CON
    crf = _crf()
    alone = crf.decode(second[None], torch.ones((1, 2), dtype=torch.bool))[0]
    assert tg.LABELS[alone[0]] != "I-CON"                        # a window alone may not start with I-
    joined, empty = tg.decode_docs(crf, [[first, second], []])
    assert [tg.LABELS[t] for t in joined] == ["O", "B-CON", "I-CON", "I-CON", "I-CON"]
    assert empty == []


def test_a_window_that_starts_inside_a_span_is_trained_without_bio_start():
    torch = pytest.importorskip("torch")
    tags = torch.tensor([[tg.LABELS.index("I-CON"), tg.LABELS.index("I-CON"), 0]])
    em, mask = torch.zeros((1, 3, len(tg.LABELS))), torch.ones((1, 3), dtype=torch.bool)
    crf = _crf()
    held = float(crf.nll(em, tags, mask))
    free = float(crf.nll(em, tags, mask, free=torch.tensor([True])))
    assert held > 1e3                                           # an impossible path under BIO's start
    assert 0 < free < 10
