"""The stance cross-encoder (claims/stance_encoder.py) and PairJudge (claims/pairs.py) on real text."""
from __future__ import annotations

import shutil

import pytest

from onrecord.claims.pairs import PairJudge
from onrecord.claims.sentences import sentences
from onrecord.claims.stance_encoder import LABELS, TEXT_PIECES, StanceEncoder, model, passage
from onrecord.errors import PipelineError

from .conftest import needs_encoder

BANKSY = "Anonymous street artist Banksy was arrested"


def test_passage_keeps_the_lead_and_the_sentences_nearest_the_claim_in_order(seed_text):
    claim = "Russia and Iran refuted allegations that Tehran sent Moscow drones"
    got = passage(claim, seed_text)
    spans = [seed_text[a:b].strip() for a, b in sentences(seed_text)]
    kept = [s for s in spans if s in got]
    assert kept[0] == spans[0]                                     # the lead
    assert any("categorically refuted allegations" in s for s in kept)
    assert [spans.index(s) for s in kept] == sorted(spans.index(s) for s in kept)
    assert int(len(got.split()) * 1.3) <= TEXT_PIECES + 60         # one sentence may overrun
    assert len(got) < len(seed_text) / 2


def test_passage_of_a_short_text_is_the_text():
    assert passage(BANKSY, "Met police denies reports of Banksy arrest") == \
        "Met police denies reports of Banksy arrest"


@needs_encoder
def test_headlines_on_emergent_claims():
    texts = ["Met police denies reports of Banksy arrest",
             "Has Banksy been arrested? Reports claim the artist was caught"]
    probs = model().probabilities([BANKSY] * 2, texts)
    assert probs.shape == (2, len(LABELS))
    assert abs(float(probs.sum(1).max()) - 1.0) < 1e-4
    assert model().predict([BANKSY] * 2, texts) == ["refutes", "uncertain"]


@needs_encoder
def test_an_article_that_reports_a_denial_supports_the_claim_of_the_denial(seed_text):
    assert model().predict(["Iran denies sending drones to Russia"], [seed_text]) == ["supports"]


def test_missing_weights_name_the_file_and_make_train(tmp_path):
    with pytest.raises(PipelineError) as e:
        StanceEncoder(tmp_path)
    assert e.value.code == "E300" and "make train" in str(e.value) and str(tmp_path) in str(e.value)


@needs_encoder
def test_corrupt_weights_are_e300(tmp_path):
    from onrecord.claims.stance_encoder import META_NAME, MODEL_DIR, WEIGHTS_NAME
    shutil.copy(MODEL_DIR / META_NAME, tmp_path / META_NAME)
    (tmp_path / WEIGHTS_NAME).write_bytes(b"not a safetensors file")
    with pytest.raises(PipelineError) as e:
        StanceEncoder(tmp_path)
    assert e.value.code == "E300"


class _Cross:
    """Counts what reaches the cross-encoder (PairJudge's filter is what is tested)."""

    def __init__(self):
        self.pairs = []

    def probabilities(self, claims, texts, cut=True):
        import numpy as np
        self.pairs.extend(zip(claims, texts))
        return np.tile(np.array([[0.1, 0.7, 0.1, 0.1]], np.float32), (len(claims), 1))

    def passage(self, claim, text):
        return passage(claim, text)


@needs_encoder
def test_judge_filters_far_pairs_and_encodes_each_text_once(encode, seed_text):
    seen = []

    def counting(texts):
        seen.extend(texts)
        return encode(texts)

    cross = _Cross()
    judge = PairJudge(encode=counting, cross=cross, chunk=2)
    pairs = [{"claim": "Iran has supplied drones to Russia for use in Ukraine", "text": seed_text},
             {"claim": "The price of gold rose sharply this week", "text": seed_text},
             {"claim": BANKSY, "text": "Met police denies reports of Banksy arrest"},
             {"claim": BANKSY, "text": "Apple Watch battery lasts 18 hours"},
             {"claim": "Russia and Iran refuted allegations that Tehran sent drones", "text": seed_text}]
    got = judge.judge(pairs)
    assert [v.stance for v in got] == ["refutes", "unrelated", "refutes", "unrelated", "refutes"]
    assert [v.evidence[0]["filtered"] for v in got] == [False, True, False, True, False]
    assert len(cross.pairs) == 3
    first = [s for a, b in sentences(seed_text) if (s := seed_text[a:b].strip())][0]
    assert seen.count(first) == 1                                  # the seed's sentences, once over 3 chunks
    assert "passage" in got[0].evidence[0] and "passage" not in got[2].evidence[0]


@needs_encoder
def test_a_headline_that_cannot_confirm_is_uncertain_not_a_denial():
    """The model alone reads "could not confirm that P" as refuting P; the lexicon's cue decides."""
    claim = "The drones Russia used in Ukraine were built in Iran"
    text = "Pentagon could not confirm that the drones deployed by Russia to strike Ukraine were built in Iran"
    assert model().predict([claim], [text]) == ["refutes"]
    [verdict] = PairJudge().judge([{"claim": claim, "text": text}])
    assert verdict.stance == "uncertain" and verdict.evidence[0]["cue"] == "could not confirm"
