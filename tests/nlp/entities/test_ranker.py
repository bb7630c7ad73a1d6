"""nlp.entities.ranker: candidates and features from the resolver, the shipped model's choices, its files."""
from __future__ import annotations

import json

import numpy as np
import pytest

from onrecord.errors import PipelineError
from onrecord.lexicons.speakers import load
from onrecord.nlp.entities import ranker
from onrecord.nlp.entities.resolve import Resolver

LEX = load("en")
TEXT = ("Iranian Foreign Ministry spokesman Nasser Kanaani rejected the claims on Monday. Mahsa Amini's family "
        "was not at the briefing. He said that Tehran and Moscow have long-standing defense cooperation.")


@pytest.fixture(scope="module")
def doc(pipeline):
    return pipeline.nlp(TEXT)


def _pronoun(doc, word="He"):
    a = TEXT.index(word)
    span = doc.char_span(a, a + len(word))
    return span, ranker.Anaphor(span.start_char, span.end_char, "pronoun", info=LEX.pronoun(word))


def test_candidates_are_the_entities_before_the_mention_with_their_features(doc):
    res = Resolver(doc, LEX)
    _, an = _pronoun(doc)
    idxs, x, null = ranker.candidate_features(res, an, ranker.first_names())
    names = [res.reg.ents[i].name for i in idxs]
    assert "Nasser Kanaani" in names and "Mahsa Amini" in names
    assert x.shape == (len(idxs), len(ranker.FEATURES)) and null.shape == (len(ranker.NULL_FEATURES),)
    row = {n: dict(zip(ranker.FEATURES, x[k])) for k, n in enumerate(names)}
    # "He" is masculine: the first-name table says Mahsa is a woman's name, Nasser a man's
    assert row["Mahsa Amini"]["gender_clashes"] > 0.8 and row["Nasser Kanaani"]["gender_agrees"] > 0.8
    assert row["Nasser Kanaani"]["rule_choice"] == 1.0
    assert all(0.0 <= v <= 1.0 for v in x.ravel())


def test_shipped_ranker_resolves_the_pronoun_to_the_spokesman(doc):
    res = Resolver(doc, LEX, ranker.load())
    span, _ = _pronoun(doc)
    assert res.by_pronoun(span, span.start_char).name == "Nasser Kanaani"


def test_nobody_wins_when_there_is_no_candidate():
    model = ranker.load()
    assert model.choose([], np.zeros((0, len(ranker.FEATURES)), dtype=np.float32),
                        np.zeros(len(ranker.NULL_FEATURES), dtype=np.float32)) is None


def test_female_share_reads_titles_then_first_names():
    from onrecord.nlp.entities.cluster import Ent
    names = {"mahsa": 0.97}
    assert ranker.female_share(Ent(0, "person", "Mahsa Amini", tokens=("Mahsa", "Amini")), names) == 0.97
    assert ranker.female_share(Ent(0, "person", "X Y", gender="m", tokens=("X", "Y")), names) == 0.0
    assert ranker.female_share(Ent(0, "person", "Amini", tokens=("Amini",)), names) is None
    assert ranker.female_share(Ent(0, "organization", "Mahsa Ltd", tokens=("Mahsa", "Ltd")), names) is None


def test_missing_or_wrong_model_files_are_pipeline_errors(tmp_path):
    with pytest.raises(PipelineError) as err:
        ranker.read(tmp_path)
    assert err.value.code == "E300" and "make train" in str(err.value)
    (tmp_path / ranker.WEIGHTS).write_text(json.dumps({"format": "other/1"}), encoding="utf-8")
    with pytest.raises(PipelineError):
        ranker.read(tmp_path)
    meta = json.loads((ranker.MODEL_DIR / ranker.WEIGHTS).read_text(encoding="utf-8"))
    meta["weights"]["w1"] = meta["weights"]["w1"][:-1]
    (tmp_path / ranker.WEIGHTS).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(PipelineError):
        ranker.load(str(tmp_path))
    with pytest.raises(PipelineError):
        ranker.first_names.__wrapped__(str(tmp_path))
