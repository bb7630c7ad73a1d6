"""Global claims in memory while linking, and the one decision: which global claim an article claim joins.

(``across`` uses it to link a stored article; the store only keeps the rows it is built from.)

The rule for joining a global claim (it was ``claims.linking.global_match``, one claim at a time; its
thresholds are ``claims.linking.LinkConfig``, its name test ``names_fit``), made cheap at corpus scale:

* the centroids live in one preallocated float32 matrix that doubles when full (no copy per new claim),
  with each row's norm kept beside it (the rule divides by it);
* which rows are extracted (only those can be joined) and which are known (fact-checked) claims are kept
  as a mask and an index array, not recomputed per claim;
* last dates are day ordinals (NaN when unknown), so the stale-penalty gap is worked out only for the
  few candidates at or above the threshold, and only those are sorted (``np.nonzero``, not an argsort
  of every similarity);
* the similarities of a block of claims (those of many articles) come from one matrix product against
  the matrix as it stood (:meth:`ClaimIndex.begin`); for each claim the rows that changed since (a
  folded centroid, a global claim added within the block) are recomputed (:meth:`ClaimIndex.match`).

The decisions are the old global_match's (tests/store/old_linking.py keeps it as the reference):
candidates in order of similarity (ties: the older global claim first), the first whose similarity
reaches the threshold (raised by ``stale_penalty`` when the gap to its last statement exceeds
``stale_days``) and whose names fit. The similarities themselves are
float32 dot products, as before; only the order in which BLAS sums them differs, which moves them by
about 1e-7 (the old per-claim matrix-vector product was not stable at that level either).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np

from .linking import names_fit

DIM = 384                       # all-MiniLM-L6-v2 (claims.embed.DIM), without importing the encoder
BLOCK_BYTES = 64 << 20          # the similarities of one block of claims: at most this much memory
MAX_BLOCK = 256                 # ... and at most this many claims
_MARGIN = 1e-6                  # the vectorised prefilter keeps this much below the threshold: the exact
                                # comparison is then made as the rule makes it


def day_ordinal(day: str | None) -> float:
    """The date's day number (its first ten characters as an ISO date), NaN when there is none."""
    try:
        return float(date.fromisoformat(day[:10]).toordinal())   # type: ignore[index]
    except (TypeError, ValueError):
        return float("nan")


def _row_norm(rows: np.ndarray) -> np.ndarray:
    """The rule's divisor, as the old global_match computed it."""
    return np.linalg.norm(rows, axis=1) + 1e-9


# -- the index ----------------------------------------------------------------------------------------

class ClaimIndex:
    """Global claims (rows of ``global_claims`` that have a vector) in memory while linking.

    ``rows``: dicts with id, text, origin, n_claims, last_date and vector (the centroid, a float32 array,
    or None). ``ids``, ``texts``, ``origin``, ``n`` and ``last`` are lists by row; :attr:`vecs` is a view
    of the centroid matrix. Rows are added (:meth:`add`) and folded (:meth:`fold`), never removed.
    """

    def __init__(self, rows: Sequence[dict[str, Any]] = (), dim: int = DIM):
        rows = [r for r in rows if r["vector"] is not None]
        first = np.asarray(rows[0]["vector"], dtype=np.float32) if rows else None
        self.dim = dim if first is None else len(first)
        self.ids: list[str] = [r["id"] for r in rows]
        self.taken: set[str] = set(self.ids)
        self.texts: list[str] = [r["text"] for r in rows]
        self.origin: list[str] = [r["origin"] for r in rows]
        self.n: list[int] = [r["n_claims"] for r in rows]
        self.last: list[str | None] = [r["last_date"] for r in rows]
        size = len(rows)
        self._alloc(max(64, 2 * size))
        if rows:
            for k, r in enumerate(rows):            # row by row: no second copy of a large matrix
                self._mat[k] = first if k == 0 else np.asarray(r["vector"], dtype=np.float32)
            self._den[:size] = _row_norm(self._mat[:size])
            self._last[:size] = [day_ordinal(d) for d in self.last]
            self._extracted[:size] = [o == "extracted" for o in self.origin]
        self.size = size
        self._known: np.ndarray | None = None
        self._known_vecs: np.ndarray | None = None
        self._snap: np.ndarray | None = None      # the current block's similarities (see begin)
        self._snap_size = 0
        self._changed: list[int] = []              # rows folded or added since begin()

    def _alloc(self, capacity: int) -> None:
        self._mat = np.zeros((capacity, self.dim), np.float32)
        self._den = np.ones(capacity, np.float32)
        self._last = np.full(capacity, np.nan)
        self._extracted = np.zeros(capacity, bool)
        self._is_changed = np.zeros(capacity, bool)

    def _grow(self) -> None:
        old = (self._mat, self._den, self._last, self._extracted, self._is_changed)
        self._alloc(2 * len(self._mat))
        for new, was in zip((self._mat, self._den, self._last, self._extracted, self._is_changed), old):
            new[:self.size] = was[:self.size]

    # -- views --------------------------------------------------------------------------------------

    @property
    def vecs(self) -> np.ndarray:
        """The centroids, one row per global claim (a view: it changes as the index does)."""
        return self._mat[:self.size]

    @property
    def extracted(self) -> np.ndarray:
        """Rows of claims found in articles: the ones an article claim can join."""
        return np.flatnonzero(self._extracted[:self.size])

    @property
    def known(self) -> np.ndarray:
        """Rows of known (imported, fact-checked) claims."""
        if self._known is None:
            self._known = np.array([k for k, o in enumerate(self.origin) if o == "known"], dtype=np.intp)
        return self._known

    def known_vecs(self) -> np.ndarray:
        """The known claims' vectors (kept: they never change while linking, folding is for extracted ones)."""
        if self._known_vecs is None:
            self._known_vecs = self._mat[self.known]
        return self._known_vecs

    # -- changes ------------------------------------------------------------------------------------

    def _changed_row(self, k: int) -> None:
        if self._snap is not None and not self._is_changed[k]:
            self._is_changed[k] = True
            self._changed.append(k)

    def add(self, gid: str, text: str, vec: np.ndarray, day: str, origin: str = "extracted") -> int:
        """A new global claim with one member; returns its row."""
        if self.size == len(self._mat):
            self._grow()
        k = self.size
        self.ids.append(gid)
        self.taken.add(gid)
        self.texts.append(text)
        self.origin.append(origin)
        self.n.append(1)
        self.last.append(day)
        self._mat[k] = vec
        self._den[k] = _row_norm(self._mat[k:k + 1])[0]
        self._last[k] = day_ordinal(day)
        self._extracted[k] = origin == "extracted"
        if origin == "known":
            self._known = self._known_vecs = None
        self.size = k + 1
        self._changed_row(k)
        return k

    def fold(self, k: int, vec: np.ndarray, day: str) -> None:
        """One more member of row ``k``: its centroid becomes the normalised running mean."""
        n = self.n[k]
        mean = (self._mat[k] * n + vec) / (n + 1)
        self._mat[k] = mean / (np.linalg.norm(mean) + 1e-9)
        self._den[k] = _row_norm(self._mat[k:k + 1])[0]
        self.n[k] = n + 1
        self.last[k] = max(self.last[k] or "", day)
        self._last[k] = day_ordinal(self.last[k])
        self._changed_row(k)

    # -- matching -----------------------------------------------------------------------------------

    def block_size(self) -> int:
        """How many claims one :meth:`begin` should take at the index's present size."""
        return int(max(1, min(MAX_BLOCK, BLOCK_BYTES // (4 * max(self.size, 1)))))

    def begin(self, queries: np.ndarray) -> None:
        """Compute the similarities of a block of claim vectors against every row, as the index stands.

        :meth:`match` then takes claim ``i`` of the block; rows changed since are recomputed for it."""
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)
        snap = queries @ self._mat[:self.size].T
        snap /= self._den[:self.size]
        self._snap, self._snap_size = snap, self.size
        self._is_changed[self._changed] = False
        self._changed = []

    def end(self) -> None:
        self._is_changed[self._changed] = False
        self._snap, self._snap_size, self._changed = None, 0, []

    def _candidates(self, i: int | None, vec: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray]:
        """Rows (extracted ones) whose similarity to ``vec`` reaches ``floor``, with those similarities."""
        if i is None or self._snap is None:                    # no block: this claim alone
            row = (self._mat[:self.size] @ vec) / self._den[:self.size]
            cand = np.flatnonzero(row >= floor)
            cand = cand[self._extracted[cand]]
            return cand, row[cand]
        row = self._snap[i]
        cand = np.flatnonzero(row >= floor)
        if self._changed:
            cand = cand[~self._is_changed[cand]]                # stale: recomputed below
            changed = np.asarray(self._changed, dtype=np.intp)
            fresh = (self._mat[changed] @ vec) / self._den[changed]
            keep = fresh >= floor
            sims = np.concatenate([row[cand], fresh[keep]])
            cand = np.concatenate([cand, changed[keep]])
        else:
            sims = row[cand]
        ext = self._extracted[cand]
        return cand[ext], sims[ext]

    def match(self, vec: np.ndarray, text: str, day: float, threshold: float, config: Any,
              i: int | None = None) -> tuple[int | None, float]:
        """The row the claim (``vec``, ``text``, day ordinal ``day``) joins and the similarity, or
        (None, 0.0). ``i``: the claim's place in the block given to :meth:`begin`, if any.

        ``config``: a ``claims.linking.LinkConfig`` (stale_days, stale_penalty)."""
        vec = np.asarray(vec, dtype=np.float32)
        cand, sims = self._candidates(i, vec, float(np.float32(threshold)) - _MARGIN)
        if not len(cand):
            return None, 0.0
        order = np.lexsort((cand, -sims))                      # most similar first; ties: the older row
        known_day = day == day                                 # not NaN
        for j in order:
            k, s = int(cand[j]), sims[j]
            need = threshold
            if known_day:
                last = self._last[k]
                if last == last and abs(day - last) > config.stale_days:
                    need += config.stale_penalty
            if s < threshold:
                break
            if s >= need and names_fit(text, self.texts[k]):
                return k, float(s)
        return None, 0.0


__all__ = ["ClaimIndex", "day_ordinal", "DIM"]
