"""Claims across articles: what linking decides for one stored article.

``link_article`` takes an article's record and its claims' vectors and decides, claim by claim, which
global claim each joins (``ClaimIndex.match``: see index.py) or starts; ``known_matches`` which known
(fact-checked) claim each statement's proposition is close to, and with what stance. Both return what
is to be written (``Linked``, ``Member``); the store writes it (``store.claims.write_links``), one
transaction an article. The index in memory changes as it decides, so the article's later claims (and
the next articles) see the global claims as they will be stored.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..models import Claim, Record
from .index import ClaimIndex, day_ordinal
from .linking import Encode, LinkConfig

KNOWN_MATCH_THRESHOLD = 0.62     # statement proposition vs known claim text (cosine); see docs/accuracy.md


@dataclass(frozen=True)
class Member:
    """One statement's position on a global claim (a row of ``claim_members``)."""

    global_id: str
    claim_id: str | None                # the article claim it came through (None: matched to a known claim)
    statement_id: str
    speaker: str | None
    stance: str
    similarity: float
    via: str                            # "claim" (linked) or "match" (matched to a known claim)


@dataclass
class Linked:
    """What linking decided for one article, in the order it was decided."""

    new: list[dict[str, Any]] = field(default_factory=list)       # global claims it starts
    folded: list[dict[str, Any]] = field(default_factory=list)    # centroids it moved (their new state)
    members: list[Member] = field(default_factory=list)


def new_id(text: str, taken: Callable[[str], bool]) -> str:
    """A global claim's id from its text ("gc-" and 10 hex digits), suffixed "-2", "-3"... if taken."""
    base = "gc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    gid, n = base, 1
    while taken(gid):
        n += 1
        gid = f"{base}-{n}"
    return gid


class Linker:
    """Links articles one after another against one index; ``begin``/``end`` bracket a chunk of claims
    whose similarities are computed in blocks (``ClaimIndex.begin``)."""

    def __init__(self, index: ClaimIndex, taken: Callable[[str], bool], threshold: float | None = None,
                 config: LinkConfig = LinkConfig()):
        self.index, self.config = index, config
        self.threshold = config.global_threshold if threshold is None else threshold
        self._taken = taken
        self._vecs = np.zeros((0, index.dim), np.float32)
        self._j = self._block_start = self._block_end = 0

    def begin(self, vecs: np.ndarray) -> None:
        """The vectors of the claims of the articles to be linked next, in order."""
        self._vecs, self._j, self._block_start, self._block_end = vecs, 0, 0, 0

    def end(self) -> None:
        self.index.end()

    def link_article(self, record: Record, day: str) -> Linked:
        """Which global claim each of the record's claims joins or starts, and their members."""
        index, out = self.index, Linked()
        day_number = day_ordinal(day)
        for c in record.claims:
            j = self._j
            if j >= self._block_end:
                self._block_end = j + index.block_size()
                index.begin(self._vecs[j:self._block_end])
                self._block_start = j
            v = self._vecs[j]
            k, sim = index.match(v, c.text, day_number, self.threshold, self.config, i=j - self._block_start)
            self._j += 1
            if k is None:
                gid = new_id(c.text, lambda g: g in index.taken or self._taken(g))
                k = index.add(gid, c.text, v, day)
                out.new.append({"id": gid, "text": c.text, "polarity": c.polarity, "vector": v, "day": day})
                sim = 1.0
            else:
                index.fold(k, v, day)
                out.folded.append({"id": index.ids[k], "vector": index.vecs[k].copy(), "n_claims": index.n[k],
                                   "last_date": index.last[k], "day": day})
            out.members += [Member(index.ids[k], c.id, st.statement, st.speaker, st.stance, sim, "claim")
                            for st in c.stances]
        return out


def claim_vectors(claims: Sequence[Claim], encode: Encode, dim: int) -> np.ndarray:
    """Each claim's vector: the one it carries (kept by the store), else encoded (the misses in one batch)."""
    out = np.empty((len(claims), dim), np.float32)
    misses = []
    for j, c in enumerate(claims):
        v = c.vector
        if v is not None and np.shape(v) == (dim,):
            out[j] = v
        else:
            misses.append(j)
    if misses:
        out[misses] = encode([claims[j].text for j in misses])
    return out


def propositions(record: Record) -> list[tuple[Any, Any]]:
    """(statement, proposition) for each statement of the record that has a proposition."""
    from .propositions import of_statements
    return [(s, p) for s, p in of_statements(record.statements) if not p.reference]


Queries = tuple[list, np.ndarray]


def known_queries(records: Sequence[Record], index: ClaimIndex, encode: Encode) -> list[Queries | None]:
    """Per record, its statements' propositions and their vectors (all encoded in one batch), or None
    for every record when no known claims are stored (nothing is encoded then)."""
    if not len(index.known):
        return [None] * len(records)
    items = [propositions(r) for r in records]
    flat = [p.text for its in items for _, p in its]
    qv = encode(flat) if flat else np.zeros((0, index.dim), np.float32)
    out, at = [], 0
    for its in items:
        out.append((its, qv[at:at + len(its)]))
        at += len(its)
    return out


def known_matches(record: Record, index: ClaimIndex, encode: Encode,
                  threshold: float = KNOWN_MATCH_THRESHOLD, queries: Queries | None = None) -> list[Member]:
    """Statements whose proposition is close to a known (fact-checked) claim join it, with a stance.

    ``queries``: the record's (statement, proposition) pairs and their vectors, when already encoded."""
    from .stance import rule_stance
    known = index.known
    if not len(known):
        return []
    items, qv = queries if queries is not None else (propositions(record), None)
    if not items:
        return []
    if qv is None:
        qv = encode([p.text for _, p in items])
    sims = qv @ index.known_vecs().T
    out = []
    for (s, p), row in zip(items, sims):
        j = int(row.argmax())
        if row[j] >= threshold:
            k = int(known[j])
            out.append(Member(index.ids[k], None, s.id, s.speaker, rule_stance(s, p, index.texts[k]),
                              float(row[j]), "match"))
    return out


__all__ = ["KNOWN_MATCH_THRESHOLD", "Linked", "Linker", "Member", "claim_vectors", "known_matches",
           "known_queries", "new_id", "propositions"]
