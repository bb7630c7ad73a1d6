"""The story-linking figures (evaluation/stories.py): the metrics on labellings worked by hand, and the
whole scoring on two articles of the tuning story."""
from __future__ import annotations

import pytest

from onrecord.errors import EvaluationError
from onrecord.evaluation import stories


def test_b_cubed_of_a_worked_example():
    # gold {0,1,2} {3}; pred {0,1} {2,3}: precision (1+1+.5+.5)/4, recall (2/3+2/3+1/3+1)/4
    b3 = stories.b_cubed(["a", "a", "a", "b"], [1, 1, 2, 2])
    assert b3["precision"] == pytest.approx(0.75)
    assert b3["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, abs=1e-4)


def test_pairwise_counts_pairs_and_can_keep_some():
    gold, pred = ["a", "a", "a", "b"], [1, 1, 2, 2]
    pw = stories.pairwise(gold, pred)          # gold pairs 01 02 12; predicted 01 23; right 01
    assert (pw["gold_pairs"], pw["pred_pairs"]) == (3, 2)
    assert pw["precision"] == 0.5 and pw["recall"] == pytest.approx(1 / 3, abs=1e-4)
    only_first = stories.pairwise(gold, pred, keep=lambda i, j: i == 0)
    assert (only_first["gold_pairs"], only_first["pred_pairs"]) == (2, 1)


def test_singletons_and_one_cluster_bound_the_figures():
    story = {"articles": {"a": {"statements": [{"claim": c, "optional": False} for c in "xxyz"]}}}
    base = stories.baselines(story)
    assert base["singletons"]["b_cubed"]["precision"] == 1.0
    assert base["one_cluster"]["pairwise"]["recall"] == 1.0


def test_an_unknown_story_is_a_clear_error():
    with pytest.raises(EvaluationError, match="no story 'nope'"):
        stories.evaluate("nope", {"iran-saudi": {}})
