"""nlp/entities/pairs.py: passages read around a pronoun and its candidates; a missing model is an E300
that names the file and ``make train``."""
from __future__ import annotations

import json

import pytest

from onrecord.errors import PipelineError
from onrecord.nlp.entities import pairs


@pytest.fixture(scope="module")
def enc():
    from onrecord.encoder import encoder
    return encoder()


def _wikinews(shared, wid):
    with open(shared / "corpora" / "wikinews.jsonl", encoding="utf-8") as f:
        return next(json.loads(line)["text"] for line in f if json.loads(line)["id"] == wid)


def test_a_passage_covers_each_mention_with_its_pieces(shared, enc):
    text = _wikinews(shared, "wikinews-2019-094")
    she = text.index(" she said") + 1
    names = [(m, m + len(w)) for w in ("Coast Guard",) if (m := text.find(w)) >= 0 and m < she]
    p = pairs.passage(enc.tokenizer, text, [*names, (she, she + 3)], enc.cls, enc.sep)
    assert p.ids[0] == enc.cls and p.ids[-1] == enc.sep and len(p.ids) <= pairs.MAX_PIECES + 2
    assert all(s is not None and s[0] >= 1 and s[1] > s[0] for s in p.spans)
    lo, hi = p.spans[-1]
    assert enc.tokenizer.decode(list(p.ids[lo:hi])) == "she"


def test_a_candidate_far_before_the_pronoun_falls_outside(enc):
    text = "Ali Rezaei spoke first. " + "The talks went on for hours and hours. " * 120 + "He said no."
    he = text.rindex("He")
    p = pairs.passage(enc.tokenizer, text, [(0, 10), (he, he + 2)], enc.cls, enc.sep)
    assert p.spans[0] is None and p.spans[1] is not None


def test_distance_buckets_grow_with_distance():
    got = [pairs.distance_bucket(n) for n in (0, 1, 3, 7, 40, 500)]
    assert got == sorted(got) and got[0] == 0 and got[-1] == pairs.DIST_BUCKETS - 1


def test_a_missing_model_is_an_e300_naming_the_file(tmp_path):
    with pytest.raises(PipelineError) as err:
        pairs.load(str(tmp_path))
    assert err.value.code == "E300" and "pairs.json" in str(err.value) and "make train" in str(err.value)


def test_the_shipped_model_scores_a_news_pronoun(shared):
    # Wikinews 2019-094: "she said" after the Coast Guard captain is named
    text = _wikinews(shared, "wikinews-2019-094")
    scorer = pairs.load()
    assert scorer.meta["ranker_weight"] > 0 and scorer.meta["train"]["chosen_epoch"] >= 1
    she = text.index(" she said") + 1
    mentions = [(m.start(), m.end()) for m in __import__("re").finditer(r"[A-Z][a-z]+ [A-Z][a-z]+", text[:she])][-4:]
    got = scorer.logits(text, (she, she + 3), mentions)
    assert len(got) == len(mentions) and all(v is None or isinstance(v, float) for v in got)
    assert any(v is not None for v in got)
