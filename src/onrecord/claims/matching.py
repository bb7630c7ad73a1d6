"""Matching statements (or tweets, or any text) to known, fact-checked claims.

Score of a (query, claim) pair: a weighted sum of BM25 over the claim's text and title (scaled by the
query's best BM25 score, so it lies in [0, 1]) and MiniLM cosine of the query with the claim text and
with its title. The weights were chosen on CheckThat! 2020 task 2 train queries and are reported with
the dev figure in docs/accuracy.md.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from . import lexicon

Encode = Callable[[list[str]], np.ndarray]
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|www\.\S+")
_TWEET_TAIL = re.compile(r"\s+[—-]+\s+[^—]*\(@\w+\)\s+\w+ \d{1,2}, \d{4}\s*\"?$")


@dataclass(frozen=True)
class Weights:
    bm25: float = 0.2             # grid-searched on CheckThat! 2020 task 2 train queries
    text: float = 0.8
    title: float = 0.2


def clean(text: str) -> str:
    """A query without URLs and the '— Name (@handle) Month D, YYYY' tail of an embedded tweet."""
    text = _TWEET_TAIL.sub("", text.strip().strip('"'))
    text = _URL.sub(" ", text).replace("#", " ").replace('""', '"')
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str, language: str = "en") -> list[str]:
    """Lower-cased word tokens less the lexicon's ``match_stop_words``."""
    stop = lexicon.load(language).match_stop_words
    return [t for t in _TOKEN.findall(text.lower()) if t not in stop]


@dataclass(frozen=True)
class KnownClaim:
    id: str
    text: str
    title: str = ""
    rating: str | None = None
    url: str | None = None
    reviewer: str | None = None        # who made the fact-check (a ClaimReview's author)
    review_date: str | None = None     # when (its datePublished)


class Matcher:
    """Ranks known claims for a query: ``matcher.top(["text", ...], k=5)``."""

    def __init__(self, claims: Sequence[KnownClaim], encode: Encode | None = None,
                 weights: Weights = Weights(), claim_vecs: tuple[np.ndarray, np.ndarray] | None = None):
        from rank_bm25 import BM25Okapi
        self.claims = list(claims)
        self.weights = weights
        self._encode = encode
        self.bm25 = BM25Okapi([tokens(f"{c.text} {c.title}") or ["_"] for c in self.claims])
        if claim_vecs is None:
            claim_vecs = (self.encode([c.text for c in self.claims]),
                          self.encode([c.title or c.text for c in self.claims]))
        self.text_vecs, self.title_vecs = claim_vecs

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._encode is None:
            from .embed import encode
            self._encode = encode
        return self._encode(texts)

    def scores(self, queries: Sequence[str], query_vecs: np.ndarray | None = None) -> np.ndarray:
        """(n_queries, n_claims) fused scores."""
        cleaned = [clean(q) for q in queries]
        qv = self.encode(cleaned) if query_vecs is None else query_vecs
        out = np.zeros((len(queries), len(self.claims)), np.float32)
        for k, q in enumerate(cleaned):
            bm = np.asarray(self.bm25.get_scores(tokens(q) or ["_"]), np.float32)
            bm = bm / bm.max() if bm.max() > 0 else bm
            out[k] = (self.weights.bm25 * bm + self.weights.text * (self.text_vecs @ qv[k])
                      + self.weights.title * (self.title_vecs @ qv[k]))
        return out

    def top(self, queries: Sequence[str], k: int = 5, query_vecs: np.ndarray | None = None
            ) -> list[list[tuple[KnownClaim, float]]]:
        s = self.scores(queries, query_vecs)
        order = np.argsort(-s, axis=1, kind="stable")[:, :k]
        return [[(self.claims[j], round(float(s[i, j]), 4)) for j in row] for i, row in enumerate(order)]


def average_precision_at(ranked: Sequence[str], relevant: set[str], k: int = 5) -> float:
    """AP@k as CheckThat! 2020 task 2 defines it: precision at each relevant hit in the top k,
    summed, over the number of relevant claims (capped at k)."""
    hits, total = 0, 0.0
    for i, cid in enumerate(ranked[:k]):
        if cid in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), k) if relevant else 0.0
