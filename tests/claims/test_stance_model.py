"""The shipped stance model: loads, its dev figure is recorded, it judges Emergent headlines sensibly."""
from __future__ import annotations

import json

from onrecord.claims.stance_model import MODEL_PATH, StanceModel, ngrams
from onrecord.training.stance import is_dev

from .conftest import needs_encoder


def test_weights_and_meta():
    m = StanceModel.load()
    assert m.labels == ("supports", "refutes", "uncertain")
    assert m.coef.shape[0] == 3 and m.coef.shape[1] == len(m.vocab) + 9 + 768
    assert m.meta["dev_accuracy"] >= 0.70            # docs/accuracy.md: 0.736 on the claim-disjoint split
    assert MODEL_PATH.stat().st_size < 1_000_000


def test_ngrams():
    assert ngrams("Met police DENIES reports") == ["met", "police", "denies", "reports", "met police",
                                                   "police denies", "denies reports"]


def test_dev_split_is_claim_disjoint(shared):
    rows = [json.loads(x) for x in open(shared / "eval" / "emergent" / "train.jsonl", encoding="utf-8")]
    dev = {r["claim_id"] for r in rows if is_dev(r["claim_id"])}
    train = {r["claim_id"] for r in rows if not is_dev(r["claim_id"])}
    assert not dev & train and 0.15 < len(dev) / len(dev | train) < 0.3


@needs_encoder
def test_emergent_headlines(encode):
    """The older logistic model, still behind ``PairJudge.article``'s own-sentence votes."""
    claim = "Anonymous street artist Banksy was arrested"
    texts = ["Met police denies reports of Banksy arrest",
             "Has Banksy been arrested? Reports claim the artist was caught"]
    from onrecord.claims.stance_model import model
    got = model().predict([claim] * 2, texts, encode([claim] * 2), encode(texts))
    assert got == ["refutes", "uncertain"]
