"""training/stance_encoder.py: the held-out splits of FNC-1 and Emergent stay out of training, and the
FNC-1 score is the competition's (real FNC-1 and Emergent files from ../shared)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.evaluation.splits import is_dev, is_fnc_dev
from onrecord.training import stance_encoder as se


@pytest.fixture(scope="module")
def data(shared):
    return se.datasets(replace(se.TrainConfig(), fnc_dir=shared / "eval" / "fnc1",
                               emergent=shared / "eval" / "emergent" / "train.jsonl"))


def test_no_dev_body_claim_or_headline_is_trained_on(data):
    train = data["train"]
    assert not [p for p in train if p.source == "fnc" and is_fnc_dev(p.key)]
    assert not [p for p in train if p.source == "emergent" and is_dev(p.key)]
    dev_texts = {se._norm(p.claim) for p in data["emergent_dev"]} | {se._norm(p.text) for p in data["emergent_dev"]}
    assert not [p for p in train if p.source == "fnc" and se._norm(p.claim) in dev_texts]
    scored = se.unseen(data["fnc_dev"], train)
    assert not {p.text for p in scored} & {p.text for p in train}
    assert len(scored) > 0.98 * len(data["fnc_dev"])


def test_training_keeps_every_related_pair_and_one_unrelated_in_eight(data):
    fnc = [p for p in data["train"] if p.source == "fnc"]
    unrelated = sum(p.label == "unrelated" for p in fnc)
    assert 0.08 < unrelated / len(fnc) < 0.3
    thin = data["fnc_dev_thin"]
    assert {p.label for p in thin} == set(se.LABELS)
    assert sum(p.label != "unrelated" for p in thin) == sum(p.label != "unrelated" for p in data["fnc_dev"])


def test_fnc_score_weights_related_stances_three_times():
    gold = ["supports", "unrelated", "refutes", "uncertain"]
    assert se.fnc_score(gold, gold)["weighted"] == 1.0
    # related/unrelated right everywhere, one related stance wrong: loses 0.75 of 3.25
    got = se.fnc_score(gold, ["uncertain", "unrelated", "refutes", "uncertain"])
    assert got["weighted"] == round(2.5 / 3.25, 4)
    assert got["f1"]["unrelated"] == 1.0 and got["f1"]["supports"] == 0.0
    # a related pair called unrelated loses all of its 1.0
    assert se.fnc_score(["refutes"], ["unrelated"])["weighted"] == 0.0


def test_emergent_is_scored_on_its_three_labels():
    probs = [[0.2, 0.1, 0.3, 0.4], [0.1, 0.8, 0.05, 0.05]]      # unrelated is never an Emergent answer
    assert se.emergent_score(["uncertain", "refutes"], probs)["accuracy"] == 1.0
