"""Who is in focus at a point of the text: recent, subject, speaking mentions weigh most.

Each mention adds its role weight (a statement's speaker adds more); the weight halves with each
sentence back, and mentions further back than ``window`` sentences are forgotten.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc

SPEAKER_BONUS = 100
DECAY = 0.5


class Salience:
    def __init__(self, doc: Doc, window: int = 4):
        self.sent_starts = [s.start_char for s in doc.sents] or [0]
        self.window = window
        self._pos: list[int] = []
        self._ev: list[tuple[int, int, float]] = []     # (char pos, entity idx, weight)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def add(self, ent_idx: int, pos: int, weight: float) -> None:
        k = bisect.bisect_right(self._pos, pos)
        self._pos.insert(k, pos)
        self._ev.insert(k, (pos, ent_idx, weight))

    def positions(self, ent_idx: int, lo: int, hi: int, min_weight: float = 0) -> list[int]:
        """Where the entity is mentioned in [lo, hi) with at least ``min_weight`` (70: a subject)."""
        a, b = bisect.bisect_left(self._pos, lo), bisect.bisect_left(self._pos, hi)
        return [p for p, idx, w in self._ev[a:b] if idx == ent_idx and w >= min_weight]

    def events(self, lo: int, hi: int) -> list[tuple[int, int, float]]:
        """(char pos, entity idx, weight) of the mentions in [lo, hi), in text order."""
        return self._ev[bisect.bisect_left(self._pos, lo):bisect.bisect_left(self._pos, hi)]

    def ranked(self, pos: int, accept: Callable[[int], bool], window: int | None = None,
               skip: tuple[int, int] | None = None) -> list[tuple[float, int]]:
        """(score, entity idx) of accepted entities mentioned before ``pos``, best first."""
        here = self.sent_of(pos)
        window = self.window if window is None else window
        if skip:                        # sentences of the skipped content do not use up the window
            window += self.sent_of(skip[1]) - self.sent_of(skip[0])
        lo_sent = max(0, here - window)
        lo = bisect.bisect_left(self._pos, self.sent_starts[lo_sent])
        hi = bisect.bisect_left(self._pos, pos)
        scores: dict[int, float] = {}
        last: dict[int, int] = {}
        for p, idx, w in self._ev[lo:hi]:
            if skip and skip[0] <= p < skip[1] or not accept(idx):
                continue
            scores[idx] = scores.get(idx, 0.0) + w * DECAY ** (here - self.sent_of(p))
            last[idx] = p
        return sorted(((s, i) for i, s in scores.items()), key=lambda x: (x[0], last[x[1]]), reverse=True)
