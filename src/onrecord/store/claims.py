"""Claims across articles in the store: linking as articles arrive, known claims, and the claim board.

Functions taking a :class:`~onrecord.store.Store` (the web and API call these):

    link_pending(store)            # fold newly stored (or re-analysed) articles' claims into global claims
    import_known(store, claims)    # fact-checked claims; stored statements are matched to them
    claims(store, limit, offset, search=None) -> [ {id, text, n_statements, n_speakers, ...} ]
    claim(store, claim_id) -> {id, text, ..., supports: [...], refutes: [...], uncertain: [...],
                               timeline: [...], changes: [...]}

Tables (migration 2 in schema.py): ``global_claims`` (one row per claim across articles, with the
centroid of its members' vectors), ``claim_members`` (each statement's stance toward a global claim,
with where it came from) and ``claim_linked`` (which article analyses have been linked). The NLP
(encoding, matching thresholds, stance rules) comes from ``onrecord.claims``, handed in or imported
lazily; the SQL is portable.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import StoreError
from ..models import STANCES
from .base import escape_like, now
from .keys import speaker_key

if TYPE_CHECKING:
    from ..claims.matching import KnownClaim
    from . import Store

log = logging.getLogger(__name__)

Encode = Callable[[list[str]], np.ndarray]
KNOWN_MATCH_THRESHOLD = 0.62     # statement proposition vs known claim text (cosine); see docs/accuracy.md


def _encoder(encode: Encode | None) -> Encode:
    if encode is not None:
        return encode
    from ..claims.embed import encode as default
    return default


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


# -- linking ------------------------------------------------------------------------------------------

def pending(store: "Store") -> list[str]:
    """Articles whose current analysis has not been linked yet, oldest first."""
    return [r["id"] for r in store.backend.rows(
        "SELECT a.id FROM articles a LEFT JOIN claim_linked l ON l.article_id = a.id "
        "WHERE l.article_id IS NULL OR l.pipeline <> a.pipeline "
        "ORDER BY a.published IS NULL, a.published, a.stored_at, a.id")]


def link_pending(store: "Store", encode: Encode | None = None, threshold: float | None = None,
                 known_threshold: float = KNOWN_MATCH_THRESHOLD) -> int:
    """Fold every pending article's claims into global claims, one transaction per article.

    A claim joins the global claim whose centroid is closest when ``linking.global_match`` accepts it,
    else it starts a new one. The article's statements are also matched to known (imported) claims.
    Returns how many articles were linked.
    """
    from ..claims.linking import LinkConfig
    encode = _encoder(encode)
    threshold = LinkConfig().global_threshold if threshold is None else threshold
    backend = store.backend
    index = _Index(backend.rows("SELECT * FROM global_claims ORDER BY created_at, id"))
    done = 0
    for article_id in pending(store):
        _link_article(store, article_id, index, encode, threshold, known_threshold)
        done += 1
    return done


def _link_article(store: "Store", article_id: str, index: _Index, encode: Encode, threshold: float,
                  known_threshold: float) -> None:
    from ..claims.linking import global_match
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
    from ..claims.propositions import of_statement
    from ..claims.stance import rule_stance
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


# -- known claims -------------------------------------------------------------------------------------

def import_known(store: "Store", known: Iterable["KnownClaim"], encode: Encode | None = None,
                 source: str | None = None, threshold: float = KNOWN_MATCH_THRESHOLD) -> dict[str, int]:
    """Store fact-checked claims (an id seen before is updated) and match stored statements to them."""
    encode = _encoder(encode)
    known = list(known)
    vecs = encode([k.text for k in known])
    backend = store.backend
    added = updated = 0
    with backend.transaction():
        for k, v in zip(known, vecs):
            gid = "kc-" + (k.id or hashlib.sha1(k.text.encode()).hexdigest()[:10])
            exists = backend.scalar("SELECT 1 FROM global_claims WHERE id = ?", (gid,)) is not None
            if exists:
                backend.execute("UPDATE global_claims SET text = ?, rating = ?, url = ?, source = ?, "
                                "vector = ? WHERE id = ?",
                                (k.text, k.rating, k.url, source, _vec_json(v), gid))
                updated += 1
            else:
                backend.execute(
                    "INSERT INTO global_claims (id, text, origin, external_id, rating, url, source, vector, "
                    "n_claims, created_at) VALUES (?, ?, 'known', ?, ?, ?, ?, ?, 0, ?)",
                    (gid, k.text, k.id, k.rating, k.url, source, _vec_json(v), now()))
                added += 1
    matched = rematch_known(store, encode, threshold)
    return {"added": added, "updated": updated, "statements_matched": matched}


def rematch_known(store: "Store", encode: Encode | None = None, threshold: float = KNOWN_MATCH_THRESHOLD
                  ) -> int:
    """Match every linked article's statements to the known claims again; returns the matches made."""
    encode = _encoder(encode)
    backend = store.backend
    index = _Index(backend.rows("SELECT * FROM global_claims ORDER BY created_at, id"))
    ids = [r["article_id"] for r in backend.rows("SELECT article_id FROM claim_linked ORDER BY article_id")]
    for article_id in ids:
        with backend.transaction():
            backend.execute("DELETE FROM claim_members WHERE article_id = ? AND via = 'match'", (article_id,))
            _match_known(backend, store.record(article_id), article_id, index, encode, threshold)
    return int(backend.scalar("SELECT COUNT(*) FROM claim_members WHERE via = 'match'") or 0)


# -- the board ----------------------------------------------------------------------------------------

def claims(store: "Store", limit: int = 50, offset: int = 0, search: str | None = None
           ) -> list[dict[str, Any]]:
    """Global claims by activity: most statements first, then the latest.

    Each: id, text, origin, rating, n_statements, n_speakers, n_articles, n_supports, n_refutes,
    n_uncertain, first_date, last_date. ``search``: words that must all be in the claim's text.
    """
    where, params = ["1 = 1"], []
    for w in (search or "").lower().split():
        where.append("LOWER(g.text) LIKE ? ESCAPE '\\'")
        params.append(f"%{escape_like(w)}%")
    counts = ", ".join(f"SUM(CASE WHEN m.stance = '{s}' THEN 1 ELSE 0 END) AS n_{s}" for s in STANCES)
    rows = store.backend.rows(
        f"SELECT g.id, g.text, g.origin, g.rating, g.url, COUNT(m.pk) AS n_statements, "
        "COUNT(DISTINCT COALESCE(e.name_key, m.article_id || '/' || COALESCE(m.speaker, m.statement_id))) "
        "AS n_speakers, COUNT(DISTINCT m.article_id) AS n_articles, "
        f"{counts}, MIN(COALESCE(a.published, a.stored_at)) AS first_date, "
        "MAX(COALESCE(a.published, a.stored_at)) AS last_date "
        "FROM global_claims g LEFT JOIN claim_members m ON m.global_id = g.id "
        "LEFT JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN entities e ON e.article_id = m.article_id AND e.id = m.speaker "
        f"WHERE {' AND '.join(where)} GROUP BY g.id, g.text, g.origin, g.rating, g.url "
        "HAVING COUNT(m.pk) > 0 OR g.origin = 'known' "
        "ORDER BY n_statements DESC, last_date IS NULL, last_date DESC, g.id LIMIT ? OFFSET ?",
        params + [limit, offset])
    for r in rows:
        r["n_speakers"] = r["n_speakers"] if r["n_statements"] else 0
        for s in STANCES:
            r[f"n_{s}"] = r[f"n_{s}"] or 0
    return rows


_POSITION_SQL = (
    "SELECT m.stance, m.similarity, m.via, m.claim_id, a.id AS article_id, a.title AS article_title, "
    "a.outlet, a.published, a.url, a.source, s.id AS statement_id, s.content, s.act, s.type, s.cue, "
    "s.speaker_text, s.content_start, s.content_end, s.speaker, "
    "COALESCE(e.name, s.speaker_text) AS speaker_name, e.kind AS speaker_kind "
    "FROM claim_members m JOIN articles a ON a.id = m.article_id "
    "JOIN statements s ON s.article_id = m.article_id AND s.id = m.statement_id "
    "LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.speaker "
    "WHERE m.global_id = ? "
    "ORDER BY a.published IS NULL, a.published, a.stored_at, a.id, s.content_start, m.pk")


def positions(store: "Store", claim_id: str) -> list[dict[str, Any]]:
    """Every statement on one global claim, oldest first, with speaker, date, outlet, quote and link."""
    rows = store.backend.rows(_POSITION_SQL, (claim_id,))
    for r in rows:
        r["speaker_key"] = speaker_key(r["speaker_name"]) if r["speaker_name"] else None
        r["content_span"] = [r.pop("content_start"), r.pop("content_end")]
        r["date"] = (r["published"] or "")[:10] or None
        r["link"] = f"{r['url'] or r['source'] or r['article_id']}#{r['statement_id']}"
    return rows


def changes(timeline: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where a speaker's stance differs from their previous one on the same claim, in time order."""
    last: dict[str, dict[str, Any]] = {}
    out = []
    for p in timeline:
        key = p["speaker_key"]
        if not key:
            continue
        before = last.get(key)
        if before and before["stance"] != p["stance"] and before["article_id"] != p["article_id"]:
            out.append({"speaker": p["speaker_name"], "speaker_key": key, "from": before["stance"],
                        "to": p["stance"], "from_date": before["date"], "to_date": p["date"],
                        "from_statement": [before["article_id"], before["statement_id"]],
                        "to_statement": [p["article_id"], p["statement_id"]]})
        last[key] = p
    return out


def claim(store: "Store", claim_id: str) -> dict[str, Any]:
    """One claim's board: positions grouped by stance, the timeline, and changes of position.

    StoreError E205 when no global claim has this id.
    """
    row = store.backend.one("SELECT id, text, polarity, origin, external_id, rating, url, source, "
                            "n_claims, first_date, last_date FROM global_claims WHERE id = ?", (claim_id,))
    if row is None:
        raise StoreError(f"no claim with id {claim_id!r}", code="E205", source=store.db)
    timeline = positions(store, claim_id)
    grouped = {s: [p for p in timeline if p["stance"] == s] for s in STANCES}
    return {**row, "n_statements": len(timeline),
            "n_articles": len({p["article_id"] for p in timeline}),
            "n_speakers": len({p["speaker_key"] or p["article_id"] + p["statement_id"] for p in timeline}),
            **grouped, "timeline": timeline, "changes": changes(timeline)}


def claim_of_statement(store: "Store", article_id: str, statement_id: str) -> list[dict[str, Any]]:
    """The global claims one statement takes a position on, with its stance."""
    return store.backend.rows(
        "SELECT g.id, g.text, m.stance, m.similarity, m.via FROM claim_members m "
        "JOIN global_claims g ON g.id = m.global_id WHERE m.article_id = ? AND m.statement_id = ? "
        "ORDER BY m.similarity DESC", (article_id, statement_id))


__all__ = ["link_pending", "pending", "import_known", "rematch_known", "claims", "claim", "positions",
           "changes", "claim_of_statement"]
