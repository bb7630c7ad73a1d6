"""The cross-article linking as it was before claim vectors were stored and the index was vectorised
(``store/claims.py`` at 7d45f22, with ``claims.linking.global_match``), kept verbatim as the reference
the new code must agree with.

Test-only: per claim it re-lists the extracted rows, copies their centroids, parses every last date and
argsorts every similarity; per article it encodes the claims' texts again.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from onrecord.claims.across import KNOWN_MATCH_THRESHOLD
from onrecord.store.base import now

Encode = Callable[[list[str]], np.ndarray]


def _encoder(encode: Encode | None) -> Encode:
    if encode is not None:
        return encode
    from onrecord.claims.embed import encode as default
    return default


def global_match(vec: np.ndarray, text: str, centroids: np.ndarray, texts: Sequence[str],
                 threshold: float, gaps_days: Sequence[float] | None = None,
                 config: Any = None) -> tuple[int | None, float]:
    """The index of the global claim a new claim joins (and the similarity), or (None, best)."""
    from onrecord.claims.linking import LinkConfig, names_fit
    config = config or LinkConfig()
    if not len(centroids):
        return None, 0.0
    norms = np.linalg.norm(centroids, axis=1) + 1e-9
    sims = (centroids @ vec) / norms
    for k in np.argsort(-sims):
        need = threshold
        if gaps_days is not None and gaps_days[k] is not None and gaps_days[k] > config.stale_days:
            need += config.stale_penalty
        if sims[k] < threshold:
            break
        if sims[k] >= need and names_fit(text, texts[k]):
            return int(k), float(sims[k])
    return None, float(sims.max())


def _vec(text: str | None) -> np.ndarray | None:
    return None if not text else np.asarray(json.loads(text), dtype=np.float32)


def _vec_json(vec: np.ndarray) -> str:
    return json.dumps([round(float(x), 6) for x in vec])


def _date(row: dict[str, Any]) -> str:
    return (row.get("published") or row.get("stored_at") or "")[:10]


class _Index:
    """Global claims in memory while linking: ids, texts, centroids, counts, last dates."""

    def __init__(self, rows: list[dict[str, Any]]):
        rows = [r for r in rows if r["vector"]]
        self.ids = [r["id"] for r in rows]
        self.texts = [r["text"] for r in rows]
        self.origin = [r["origin"] for r in rows]
        self.n = [r["n_claims"] for r in rows]
        self.last = [r["last_date"] for r in rows]
        self.vecs = np.stack([_vec(r["vector"]) for r in rows]) if rows else np.zeros((0, 384), np.float32)

    def add(self, gid: str, text: str, vec: np.ndarray, date: str, origin: str = "extracted") -> int:
        self.ids.append(gid)
        self.texts.append(text)
        self.origin.append(origin)
        self.n.append(1)
        self.last.append(date)
        self.vecs = np.vstack([self.vecs, vec[None, :]]) if len(self.vecs) else vec[None, :]
        return len(self.ids) - 1

    def fold(self, k: int, vec: np.ndarray, date: str) -> None:
        n = self.n[k]
        mean = (self.vecs[k] * n + vec) / (n + 1)
        self.vecs[k] = mean / (np.linalg.norm(mean) + 1e-9)
        self.n[k] = n + 1
        self.last[k] = max(self.last[k] or "", date)


def _gap_days(a: str | None, b: str | None) -> float | None:
    from datetime import date
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


def _new_id(backend, text: str) -> str:
    base = "gc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    gid, n = base, 1
    while backend.scalar("SELECT 1 FROM global_claims WHERE id = ?", (gid,)) is not None:
        n += 1
        gid = f"{base}-{n}"
    return gid


def pending(store: Any) -> list[str]:
    """Articles whose current analysis has not been linked yet, oldest first."""
    return [r["id"] for r in store.backend.rows(
        "SELECT a.id FROM articles a LEFT JOIN claim_linked l ON l.article_id = a.id "
        "WHERE l.article_id IS NULL OR l.pipeline <> a.pipeline "
        "ORDER BY a.published IS NULL, a.published, a.stored_at, a.id")]


def link_pending(store: Any, encode: Encode | None = None, threshold: float | None = None,
                 known_threshold: float = KNOWN_MATCH_THRESHOLD) -> int:
    """Fold every pending article's claims into global claims, one transaction per article.

    A claim joins the global claim whose centroid is closest when ``linking.global_match`` accepts it,
    else it starts a new one. The article's statements are also matched to known (imported) claims.
    Returns how many articles were linked.
    """
    from onrecord.claims.linking import LinkConfig
    encode = _encoder(encode)
    threshold = LinkConfig().global_threshold if threshold is None else threshold
    backend = store.backend
    index = _Index(backend.rows("SELECT * FROM global_claims ORDER BY created_at, id"))
    done = 0
    for article_id in pending(store):
        _link_article(store, article_id, index, encode, threshold, known_threshold)
        done += 1
    return done


def _link_article(store: Any, article_id: str, index: _Index, encode: Encode, threshold: float,
                  known_threshold: float) -> None:
    backend = store.backend
    record = store.record(article_id)
    meta = backend.one("SELECT published, stored_at, pipeline FROM articles WHERE id = ?", (article_id,))
    date = _date(meta)
    claims = list(record.claims)
    vecs = encode([c.text for c in claims]) if claims else np.zeros((0, 384), np.float32)
    with backend.transaction():
        backend.execute("DELETE FROM claim_members WHERE article_id = ?", (article_id,))
        for c, v in zip(claims, vecs):
            extracted = [k for k, o in enumerate(index.origin) if o == "extracted"]
            k_sub, sim = global_match(v, c.text, index.vecs[extracted] if extracted else index.vecs[:0],
                                      [index.texts[k] for k in extracted], threshold,
                                      [_gap_days(date, index.last[k]) for k in extracted])
            if k_sub is None:
                gid = _new_id(backend, c.text)
                k = index.add(gid, c.text, v, date)
                backend.execute(
                    "INSERT INTO global_claims (id, text, polarity, origin, vector, n_claims, first_date, "
                    "last_date, created_at) VALUES (?, ?, ?, 'extracted', ?, 1, ?, ?, ?)",
                    (gid, c.text, c.polarity, _vec_json(v), date, date, now()))
                sim = 1.0
            else:
                k = extracted[k_sub]
                index.fold(k, v, date)
                backend.execute(
                    "UPDATE global_claims SET vector = ?, n_claims = ?, last_date = ?, "
                    "first_date = CASE WHEN first_date IS NULL OR first_date > ? THEN ? ELSE first_date END "
                    "WHERE id = ?", (_vec_json(index.vecs[k]), index.n[k], index.last[k], date, date,
                                     index.ids[k]))
            for st in c.stances:
                _member(backend, index.ids[k], article_id, c.id, st.statement, st.speaker, st.stance, sim,
                        "claim")
        _match_known(backend, record, article_id, index, encode, known_threshold)
        backend.execute("DELETE FROM claim_linked WHERE article_id = ?", (article_id,))
        backend.execute("INSERT INTO claim_linked (article_id, pipeline, linked_at) VALUES (?, ?, ?)",
                        (article_id, meta["pipeline"], now()))


def _member(backend, gid, article_id, claim_id, statement_id, speaker, stance, sim, via) -> None:
    backend.execute(
        "INSERT INTO claim_members (global_id, article_id, claim_id, statement_id, speaker, stance, "
        "similarity, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (global_id, article_id, statement_id) DO NOTHING",
        (gid, article_id, claim_id, statement_id, speaker, stance, round(float(sim), 4), via))


def _match_known(backend, record, article_id: str, index: _Index, encode: Encode, threshold: float) -> None:
    """Statements whose proposition is close to a known (fact-checked) claim join it, with a stance."""
    from onrecord.claims.propositions import of_statement
    from onrecord.claims.stance import rule_stance
    known = [k for k, o in enumerate(index.origin) if o == "known"]
    if not known:
        return
    items = [(s, p) for s in record.statements if (p := of_statement(s))]
    if not items:
        return
    qv = encode([p.text for _, p in items])
    sims = qv @ index.vecs[known].T
    for (s, p), row in zip(items, sims):
        j = int(row.argmax())
        if row[j] >= threshold:
            k = known[j]
            _member(backend, index.ids[k], article_id, None, s.id, s.speaker,
                    rule_stance(s, p, index.texts[k]), float(row[j]), "match")
