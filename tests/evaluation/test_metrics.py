"""evaluation/metrics.py: precision, recall and F1 from counts."""
from __future__ import annotations

import pytest

from onrecord.evaluation.metrics import PRF, prf


@pytest.mark.parametrize("tp, n_pred, n_gold, want", [
    (2, 2, 3, (1.0, 2 / 3, 0.8)),
    (0, 0, 0, (0.0, 0.0, 0.0)),
    (0, 4, 0, (0.0, 0.0, 0.0)),
    (0, 0, 5, (0.0, 0.0, 0.0)),
    (1, 4, 2, (0.25, 0.5, 1 / 3)),
])
def test_prf(tp, n_pred, n_gold, want):
    assert prf(tp, n_pred, n_gold) == pytest.approx(want)


def test_counts_add_up_micro():
    m = PRF()
    m.add(2, 2, 3)
    m.add(0, 1, 1)
    assert (m.tp, m.n_pred, m.n_gold) == (2, 3, 4)
    assert m.to_dict() == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714, "tp": 2, "pred": 3, "gold": 4}
    assert m.to_dict(3)["f1"] == 0.571


@pytest.mark.parametrize("tp, n_pred, n_gold", [(a, a + b, a + c) for a in range(6) for b in range(4)
                                                  for c in range(4)])
def test_the_same_as_the_formulas_it_replaced(tp, n_pred, n_gold):
    """The gold scorer's max(..., 1) / max(p + r, 1e-9) form gives the same floats."""
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    assert prf(tp, n_pred, n_gold) == (p, r, 2 * p * r / max(p + r, 1e-9))
