"""Claims across articles in the store: linking as articles arrive, known claims, and the claim board.

Functions taking a :class:`~onrecord.store.Store` (the web and API call these):

    link_pending(store)            # fold newly stored (or re-analysed) articles' claims into global claims
    import_known(store, claims)    # fact-checked claims; stored statements are matched to them
    claims(store, limit, offset, search=None) -> [ {id, text, n_statements, n_speakers, ...} ]
    claim(store, claim_id) -> {id, text, ..., supports: [...], refutes: [...], uncertain: [...],
                               timeline: [...], changes: [...]}

Tables (migration 2 in schema.py): ``global_claims`` (one row per claim across articles, with the
centroid of its members' vectors), ``claim_members`` (each statement's stance toward a global claim,
with where it came from) and ``claim_linked`` (which article analyses have been linked). Each article
claim's own vector is stored with it (``claims.vector``, migration 3), so linking encodes only claims
stored without one. The global claims are held in memory while linking (``claim_index.ClaimIndex``: one
matrix product per block of claims). The NLP (encoding, matching thresholds, stance rules) comes from
``onrecord.claims``, handed in or imported lazily; the SQL is portable.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import StoreError
from ..models import STANCES, Claim
from .base import escape_like, now
from .claim_index import ClaimIndex, day_ordinal
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


def _vec_json(vec: np.ndarray) -> str:
    return json.dumps([round(float(x), 6) for x in vec])


def _date(row: dict[str, Any]) -> str:
    return (row.get("published") or row.get("stored_at") or "")[:10]


def _new_id(backend, text: str) -> str:
    base = "gc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    gid, n = base, 1
    while backend.scalar("SELECT 1 FROM global_claims WHERE id = ?", (gid,)) is not None:
        n += 1
        gid = f"{base}-{n}"
    return gid


def _index(backend) -> ClaimIndex:
    return ClaimIndex(backend.rows("SELECT * FROM global_claims ORDER BY created_at, id"))


# -- linking ------------------------------------------------------------------------------------------

CHUNK_ARTICLES = 64     # articles read (and their missing vectors encoded) together


def pending(store: "Store") -> list[str]:
    """Articles whose current analysis has not been linked yet, oldest first."""
    return [r["id"] for r in store.backend.rows(
        "SELECT a.id FROM articles a LEFT JOIN claim_linked l ON l.article_id = a.id "
        "WHERE l.article_id IS NULL OR l.pipeline <> a.pipeline "
        "ORDER BY a.published IS NULL, a.published, a.stored_at, a.id")]


def link_pending(store: "Store", encode: Encode | None = None, threshold: float | None = None,
                 known_threshold: float = KNOWN_MATCH_THRESHOLD, chunk: int = CHUNK_ARTICLES) -> int:
    """Fold every pending article's claims into global claims, one transaction per article.

    A claim joins the global claim whose centroid is closest when ``ClaimIndex.match``'s rule
    accepts it (see claim_index.py), else it starts a new one. The article's statements are also matched
    to known (imported) claims. A claim's vector is the one stored with it (``claims.vector``); only
    claims without one are encoded (one batch per ``chunk`` articles), so the encoder is not even loaded
    when every claim has its vector and no known claims are stored. Returns how many articles were linked.
    """
    from ..claims.linking import LinkConfig
    config = LinkConfig()
    threshold = config.global_threshold if threshold is None else threshold
    encode = _encoder(encode)
    index = _index(store.backend)
    ids = pending(store)
    for start in range(0, len(ids), max(1, chunk)):
        _link_chunk(store, ids[start:start + max(1, chunk)], index, encode, threshold, known_threshold, config)
    return len(ids)


def _claim_vectors(claims: Sequence[Claim], encode: Encode, dim: int) -> np.ndarray:
    """Each claim's vector: the stored one, else encoded (the misses in one batch)."""
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


def _link_chunk(store: "Store", article_ids: Sequence[str], index: ClaimIndex, encode: Encode,
                threshold: float, known_threshold: float, config: Any) -> None:
    backend = store.backend
    metas = [backend.one("SELECT published, stored_at, pipeline FROM articles WHERE id = ?", (a,))
             for a in article_ids]
    records = [store.record(a) for a in article_ids]
    claims = [c for r in records for c in r.claims]
    vecs = _claim_vectors(claims, encode, index.dim)
    known = _known_queries(records, index, encode)
    j = 0                                   # the chunk's claims, in order
    block_start = block_end = 0             # the claims whose similarities begin() computed
    try:
        for article_id, record, meta, queries in zip(article_ids, records, metas, known):
            day = _date(meta)
            day_number = day_ordinal(day)
            with backend.transaction():
                backend.execute("DELETE FROM claim_members WHERE article_id = ?", (article_id,))
                for c in record.claims:
                    if j >= block_end:
                        block_end = j + index.block_size()
                        index.begin(vecs[j:block_end])
                        block_start = j
                    v = vecs[j]
                    k, sim = index.match(v, c.text, day_number, threshold, config, i=j - block_start)
                    j += 1
                    if k is None:
                        gid = _new_id(backend, c.text)
                        k = index.add(gid, c.text, v, day)
                        backend.execute(
                            "INSERT INTO global_claims (id, text, polarity, origin, vector, n_claims, first_date, "
                            "last_date, created_at) VALUES (?, ?, ?, 'extracted', ?, 1, ?, ?, ?)",
                            (gid, c.text, c.polarity, _vec_json(v), day, day, now()))
                        sim = 1.0
                    else:
                        index.fold(k, v, day)
                        backend.execute(
                            "UPDATE global_claims SET vector = ?, n_claims = ?, last_date = ?, "
                            "first_date = CASE WHEN first_date IS NULL OR first_date > ? THEN ? ELSE first_date "
                            "END WHERE id = ?", (_vec_json(index.vecs[k]), index.n[k], index.last[k], day, day,
                                                 index.ids[k]))
                    for st in c.stances:
                        _member(backend, index.ids[k], article_id, c.id, st.statement, st.speaker, st.stance,
                                sim, "claim")
                _match_known(backend, record, article_id, index, encode, known_threshold, queries)
                backend.execute("DELETE FROM claim_linked WHERE article_id = ?", (article_id,))
                backend.execute("INSERT INTO claim_linked (article_id, pipeline, linked_at) VALUES (?, ?, ?)",
                                (article_id, meta["pipeline"], now()))
    finally:
        index.end()


def _member(backend, gid, article_id, claim_id, statement_id, speaker, stance, sim, via) -> None:
    backend.execute(
        "INSERT INTO claim_members (global_id, article_id, claim_id, statement_id, speaker, stance, "
        "similarity, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (global_id, article_id, statement_id) DO NOTHING",
        (gid, article_id, claim_id, statement_id, speaker, stance, round(float(sim), 4), via))


def _propositions(record) -> list[tuple[Any, Any]]:
    from ..claims.propositions import of_statement
    return [(s, p) for s in record.statements if (p := of_statement(s))]


def _known_queries(records, index: ClaimIndex, encode: Encode) -> list[tuple[list, np.ndarray] | None]:
    """Per record, its statements' propositions and their vectors (all encoded in one batch), or None
    for every record when no known claims are stored (nothing is encoded then)."""
    if not len(index.known):
        return [None] * len(records)
    items = [_propositions(r) for r in records]
    flat = [p.text for its in items for _, p in its]
    qv = encode(flat) if flat else np.zeros((0, index.dim), np.float32)
    out, at = [], 0
    for its in items:
        out.append((its, qv[at:at + len(its)]))
        at += len(its)
    return out


def _match_known(backend, record, article_id: str, index: ClaimIndex, encode: Encode, threshold: float,
                 queries: tuple[list, np.ndarray] | None = None) -> None:
    """Statements whose proposition is close to a known (fact-checked) claim join it, with a stance.

    ``queries``: the record's (statement, proposition) pairs and their vectors, when already encoded."""
    from ..claims.stance import rule_stance
    known = index.known
    if not len(known):
        return
    items, qv = queries if queries is not None else (_propositions(record), None)
    if not items:
        return
    if qv is None:
        qv = encode([p.text for _, p in items])
    sims = qv @ index.known_vecs().T
    for (s, p), row in zip(items, sims):
        j = int(row.argmax())
        if row[j] >= threshold:
            k = int(known[j])
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
    index = _index(backend)
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
