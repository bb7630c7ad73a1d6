"""training/pairs.py: passages from real GAP and GUM, labelled by their chains; a tiny run writes a
model the resolver loads, and a second run gives the same bytes."""
from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from onrecord.nlp.entities import pairs
from onrecord.training import pairs as pt

pytest.importorskip("torch")


def test_gap_items_pair_the_pronoun_with_both_names(shared):
    items = pt.gap_items(shared / "eval" / "gap" / "gap-development.tsv", limit=5)
    assert len(items) == 5
    for it in items:
        assert len(it.candidates) == 2 and set(it.labels) <= {0, 1}
        assert it.text[it.anaphor[0]:it.anaphor[1]].lower() in pt.PRONOUNS


def test_gum_items_are_pronouns_with_earlier_mentions_labelled_by_chain(shared):
    from onrecord.evaluation import gum
    docs = gum.read_split(shared / "eval" / "gum-coref", "train")[:3]
    items = pt.gum_items(docs)
    assert items
    for it in items:
        assert it.text[it.anaphor[0]:it.anaphor[1]].lower() in pt.PRONOUNS
        assert all(b <= it.anaphor[0] for _, b in it.candidates)          # antecedents come first
        assert len(it.candidates) <= pt.MAX_CANDIDATES
    assert any(sum(it.labels) == 1 for it in items) and any(sum(it.labels) == 0 for it in items)


def _run(shared, tmp_path, name):
    config = replace(pt.TrainConfig(), limit=6, epochs=1, cache=tmp_path / "cache", out_dir=tmp_path / name)
    return config, pt.train(config)


@pytest.mark.slow
def test_a_tiny_run_writes_a_model_the_resolver_loads_and_reproduces(shared, tmp_path):
    config, meta = _run(shared, tmp_path, "a")
    assert meta["format"] == pairs.FORMAT and meta["train"]["pairs"] > 0
    scorer = pairs.load(str(config.out_dir))
    text = "Kanaani met Lavrov in Moscow. He said the talks went well."
    got = scorer.logits(text, (text.index("He"), text.index("He") + 2), [(0, 7), (12, 18)])
    assert len(got) == 2 and all(isinstance(v, float) for v in got)
    _, _ = _run(shared, tmp_path, "b")
    digest = [hashlib.sha256((tmp_path / n / pairs.WEIGHTS_NAME).read_bytes()).hexdigest() for n in "ab"]
    assert digest[0] == digest[1]
