"""evaluation.acts: per-act accuracy of the pipeline's matched statements against gold."""
from __future__ import annotations

from onrecord.evaluation.acts import Row, halves, per_act, rows


def test_per_act_counts_by_gold_act():
    found = [Row("a", "assert", "assert", "said", "x"), Row("a", "accuse", "assert", "said", "y"),
             Row("b", "accuse", "accuse", "accused", "z")]
    got = per_act(found)
    assert got["n"] == 3 and got["accuracy"] == round(2 / 3, 3)
    assert got["by_act"]["accuse"] == {"n": 2, "accuracy": 0.5}
    assert per_act(found, ["accuse", "accuse", "accuse"])["by_act"]["accuse"]["accuracy"] == 1.0


def test_the_seed_acts_are_all_right(pipeline, shared):
    """The seed's gold acts (Tehran Times 478273): every matched statement's act is the gold's."""
    seed = halves()["seed"]
    assert seed
    got = per_act(rows(seed, pipeline))
    assert got["n"] >= 20 and got["accuracy"] == 1.0
    assert {"deny", "accuse", "assert"} <= set(got["by_act"])
