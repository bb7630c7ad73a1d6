"""Precision, recall and F1 from counts: the one definition every scorer uses.

Precision is ``tp / predicted`` and recall ``tp / gold``, each 0 when its count is 0; F1 is their
harmonic mean, 0 when both are 0. Scorers round where they report (3 or 4 places).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PRF:
    """Counts of one figure; ``add`` sums them over items (micro-averaging)."""

    tp: float = 0
    n_pred: float = 0
    n_gold: float = 0

    def add(self, tp: float, n_pred: float, n_gold: float) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self, digits: int = 4) -> dict[str, float]:
        return {"precision": round(self.precision, digits), "recall": round(self.recall, digits),
                "f1": round(self.f1, digits), "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """(precision, recall, F1) of one set of counts."""
    m = PRF(tp, n_pred, n_gold)
    return m.precision, m.recall, m.f1
