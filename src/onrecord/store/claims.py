"""Claims across articles in the store: the rows linking writes, the known claims, and the claim board.

Linking itself (which global claim an article claim joins, which known claim a statement matches) is
decided by ``onrecord.claims.across`` and run by ``onrecord.batch.link``, the write path; here are only
its reads and writes, plain SQL:

    pending(store) -> [article id]                  # stored (or re-analysed) since last linked
    global_claims(store) -> [row with its centroid] # what the linking index is built from
    write_links(store, article_id, pipeline, linked)   # one article's links, in one transaction
    claims(store, limit, offset, search=None) -> [ {id, text, n_statements, n_speakers, ...} ]
    claim(store, claim_id) -> {id, text, ..., supports: [...], refutes: [...], uncertain: [...],
                               timeline: [...], changes: [...]}

Tables (migration 2 in schema.py): ``global_claims`` (one row per claim across articles, with the
centroid of its members' vectors), ``claim_members`` (each statement's stance toward a global claim,
with where it came from) and ``claim_linked`` (which article analyses have been linked). Each article
claim's own vector is stored with it (``claims.vector``, migration 3). The SQL is portable.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import StoreError, UsageError
from ..models import STANCES
from .base import escape_like, now
from .keys import speaker_key
from .vectors import centroid_json, centroid_of

if TYPE_CHECKING:
    from . import Store

# A member (``claims.across.Member``): global_id, claim_id, statement_id, speaker, stance, similarity, via.


# -- what linking reads and writes ----------------------------------------------------------------------

_UNLINKED = ("FROM articles a LEFT JOIN claim_linked l ON l.article_id = a.id "
             "WHERE l.article_id IS NULL OR l.pipeline <> a.pipeline")


def pending(store: "Store") -> list[str]:
    """Articles whose current analysis has not been linked yet, oldest first."""
    return [r["id"] for r in store.backend.rows(
        f"SELECT a.id {_UNLINKED} ORDER BY a.published IS NULL, a.published, a.stored_at, a.id")]


def unlinked(backend) -> int:
    """How many articles ``pending`` would give."""
    return int(backend.scalar(f"SELECT COUNT(*) {_UNLINKED}") or 0)


def linked(store: "Store") -> list[str]:
    """Articles that have been linked, by id."""
    return [r["article_id"] for r in store.backend.rows("SELECT article_id FROM claim_linked ORDER BY article_id")]


def global_claims(store: "Store") -> list[dict[str, Any]]:
    """Every global claim (id, text, origin, n_claims, last_date, vector: its centroid or None), oldest first."""
    rows = store.backend.rows("SELECT id, text, origin, n_claims, last_date, vector FROM global_claims "
                              "ORDER BY created_at, id")
    for r in rows:                               # row by row: the JSON text goes as its array comes
        r["vector"] = centroid_of(r["vector"])
    return rows


def claim_exists(store: "Store", global_id: str) -> bool:
    return store.backend.scalar("SELECT 1 FROM global_claims WHERE id = ?", (global_id,)) is not None


def article_meta(store: "Store", article_id: str) -> dict[str, Any]:
    """An article's published, stored_at and pipeline."""
    return store.backend.one("SELECT published, stored_at, pipeline FROM articles WHERE id = ?", (article_id,))


def day_of(meta: dict[str, Any]) -> str:
    """The day an article speaks for on the board: published, else stored."""
    return (meta.get("published") or meta.get("stored_at") or "")[:10]


def write_links(store: "Store", article_id: str, pipeline: str, links: Any) -> None:
    """One article's links (``claims.across.Linked``: new global claims, moved centroids, members), in one
    transaction that first drops its earlier ones; the article is marked linked for ``pipeline``."""
    backend = store.backend
    with backend.transaction():
        backend.execute("DELETE FROM claim_members WHERE article_id = ?", (article_id,))
        for g in links.new:
            backend.execute(
                "INSERT INTO global_claims (id, text, polarity, origin, vector, n_claims, first_date, "
                "last_date, created_at) VALUES (?, ?, ?, 'extracted', ?, 1, ?, ?, ?)",
                (g["id"], g["text"], g["polarity"], centroid_json(g["vector"]), g["day"], g["day"], now()))
        for g in links.folded:
            backend.execute(
                "UPDATE global_claims SET vector = ?, n_claims = ?, last_date = ?, "
                "first_date = CASE WHEN first_date IS NULL OR first_date > ? THEN ? ELSE first_date "
                "END WHERE id = ?", (centroid_json(g["vector"]), g["n_claims"], g["last_date"], g["day"], g["day"],
                                     g["id"]))
        _members(backend, article_id, links.members)
        backend.execute("DELETE FROM claim_linked WHERE article_id = ?", (article_id,))
        backend.execute("INSERT INTO claim_linked (article_id, pipeline, linked_at) VALUES (?, ?, ?)",
                        (article_id, pipeline, now()))


def _members(backend, article_id: str, members: Iterable[Any]) -> None:
    for m in members:
        backend.execute(
            "INSERT INTO claim_members (global_id, article_id, claim_id, statement_id, speaker, stance, "
            "similarity, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (global_id, article_id, statement_id) DO NOTHING",
            (m.global_id, article_id, m.claim_id, m.statement_id, m.speaker, m.stance,
             round(float(m.similarity), 4), m.via))


# -- known claims -------------------------------------------------------------------------------------

def save_known(store: "Store", known: Sequence[Any], vectors: Sequence[Any], source: str | None = None
               ) -> tuple[int, int]:
    """Store fact-checked claims (``claims.matching.KnownClaim``: id, text, rating, url, reviewer,
    review date) with their vectors, in one transaction; an id seen before is updated. ``source``: the
    file they were imported from. Returns (added, updated)."""
    backend = store.backend
    added = updated = 0
    with backend.transaction():
        for k, v in zip(known, vectors):
            gid = "kc-" + (k.id or hashlib.sha1(k.text.encode()).hexdigest()[:10])
            if claim_exists(store, gid):
                backend.execute("UPDATE global_claims SET text = ?, rating = ?, url = ?, source = ?, "
                                "reviewer = ?, review_date = ?, vector = ? WHERE id = ?",
                                (k.text, k.rating, k.url, source, k.reviewer, k.review_date, centroid_json(v),
                                 gid))
                updated += 1
            else:
                backend.execute(
                    "INSERT INTO global_claims (id, text, origin, external_id, rating, url, source, reviewer, "
                    "review_date, vector, n_claims, created_at) VALUES (?, ?, 'known', ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                    (gid, k.text, k.id, k.rating, k.url, source, k.reviewer, k.review_date, centroid_json(v),
                     now()))
                added += 1
    return added, updated


def replace_matches(store: "Store", article_id: str, members: Iterable[Any]) -> None:
    """An article's matches to known claims (members ``via`` "match"), replacing its earlier ones."""
    backend = store.backend
    with backend.transaction():
        backend.execute("DELETE FROM claim_members WHERE article_id = ? AND via = 'match'", (article_id,))
        _members(backend, article_id, members)


def matches(store: "Store") -> int:
    """How many statements are matched to known claims."""
    return int(store.backend.scalar("SELECT COUNT(*) FROM claim_members WHERE via = 'match'") or 0)


# -- the board ----------------------------------------------------------------------------------------

# How ``claims`` may be ordered: most statements first, then the latest; or the latest first (by the last
# publication date of its articles; claims whose articles are all undated after the dated ones, latest
# stored first; known claims no statement takes a stance on last).
CLAIM_ORDERS = {
    "statements": "n_statements DESC, last_date IS NULL, last_date DESC, last_stored DESC, g.id",
    "latest": "MAX(a.published) IS NULL, MAX(a.published) DESC, MAX(a.stored_at) IS NULL, MAX(a.stored_at) DESC, "
              "COUNT(m.pk) DESC, g.id"}


def claims(store: "Store", limit: int = 50, offset: int = 0, search: str | None = None,
           order: str = "statements") -> list[dict[str, Any]]:
    """Global claims by activity: most statements first, then the latest (``order="latest"``: the latest
    first, ``CLAIM_ORDERS``).

    Each: id, text, origin, rating, n_statements, n_speakers, n_articles, n_supports, n_refutes,
    n_uncertain, first_date, last_date (the first and last publication dates of its articles: None when
    all are undated; never the store's time), last_stored (when its latest article was stored).
    ``search``: words that must all be in the claim's text.
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
        f"{counts}, MIN(a.published) AS first_date, MAX(a.published) AS last_date, "
        "MAX(a.stored_at) AS last_stored "
        "FROM global_claims g LEFT JOIN claim_members m ON m.global_id = g.id "
        "LEFT JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN entities e ON e.article_id = m.article_id AND e.id = m.speaker "
        f"WHERE {' AND '.join(where)} GROUP BY g.id, g.text, g.origin, g.rating, g.url "
        "HAVING COUNT(m.pk) > 0 OR g.origin = 'known' "
        f"ORDER BY {_claim_order(order)} LIMIT ? OFFSET ?",
        params + [limit, offset])
    for r in rows:
        r["n_speakers"] = r["n_speakers"] if r["n_statements"] else 0
        for s in STANCES:
            r[f"n_{s}"] = r[f"n_{s}"] or 0
    return rows


def _claim_order(order: str) -> str:
    if order not in CLAIM_ORDERS:
        raise UsageError(f"unknown order {order!r}: one of {', '.join(CLAIM_ORDERS)}", code="E500")
    return CLAIM_ORDERS[order]


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
        r["link"] = f"{r['article_id']}#{r['statement_id']}"          # what `onrecord show` takes
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


def is_channel(position: dict[str, Any], language: str = "en") -> bool:
    """Whether a position's speaker is a news outlet ("Al Jazeera reported …"): a channel that carries
    others' positions, not a holder of one."""
    from ..lexicons.speakers import load
    name = position.get("speaker_name") or ""
    return bool(name) and load(language).is_outlet(name)


def holders(timeline: Sequence[dict[str, Any]]
            ) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The board by speaker: one row per speaker (by name key), with their statements folded under it,
    oldest first, under the stance of their latest statement, ``since`` the date that stance began
    (their first statement's date when it never changed). Returns ({stance: rows, newest first},
    channels, unattributed): the rows of news outlets (``is_channel``), which carry positions but hold
    none, and the statements whose speaker was not resolved to an entity (a bare "he", or none), one row
    each, which are no one's position: both are kept apart from the stance columns."""
    rows: dict[str, dict[str, Any]] = {}
    channels: dict[str, dict[str, Any]] = {}
    unattributed: dict[str, dict[str, Any]] = {}
    for p in timeline:
        named = bool(p.get("speaker") and p["speaker_key"])   # resolved to an entity: "he" alone is not
        key = p["speaker_key"] if named else f"{p['article_id']}/{p['statement_id']}"
        into = (channels if is_channel(p) else rows) if named else unattributed
        row = into.setdefault(key, {"speaker_name": p["speaker_name"] if named else None,
                                    "speaker_text": p.get("speaker_text"),
                                    "speaker_key": p["speaker_key"], "speaker_kind": p.get("speaker_kind"),
                                    "statements": [], "outlets": []})
        if row["statements"] and row["statements"][-1]["stance"] != p["stance"]:
            row["since"] = p["date"]
        row.setdefault("since", p["date"])
        row["statements"].append(p)
        if p.get("outlet") and p["outlet"] not in row["outlets"]:
            row["outlets"].append(p["outlet"])
    for row in (*rows.values(), *channels.values(), *unattributed.values()):
        last = row["statements"][-1]
        row.update(stance=last["stance"], date=last["date"], n_statements=len(row["statements"]),
                   changed=len({x["stance"] for x in row["statements"]}) > 1)
    grouped = {s: sorted((r for r in rows.values() if r["stance"] == s),
                         key=lambda r: (r["date"] or "", r["n_statements"]), reverse=True) for s in STANCES}
    return grouped, list(channels.values()), list(unattributed.values())


def claim(store: "Store", claim_id: str) -> dict[str, Any]:
    """One claim's board: positions grouped by stance, the same by speaker (``holders``: one row per
    speaker under their latest stance; ``channels``: news outlets), the timeline, changes of position.

    StoreError E205 when no global claim has this id.
    """
    row = store.backend.one("SELECT id, text, polarity, origin, external_id, rating, url, source, reviewer, "
                            "review_date, n_claims, first_date, last_date FROM global_claims WHERE id = ?",
                            (claim_id,))
    if row is None:
        raise StoreError(f"no claim with id {claim_id!r}", code="E205", source=store.db)
    timeline = positions(store, claim_id)
    grouped = {s: [p for p in timeline if p["stance"] == s] for s in STANCES}
    by_speaker, channels, unattributed = holders(timeline)
    dates = sorted(p["published"] for p in timeline if p["published"])
    row.update(first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None)
    return {**row, "n_statements": len(timeline), "holders": by_speaker, "channels": channels,
            "unattributed": unattributed,
            "n_articles": len({p["article_id"] for p in timeline}),
            "n_speakers": len({p["speaker_key"] or p["article_id"] + p["statement_id"] for p in timeline}),
            **grouped, "timeline": timeline, "changes": changes(timeline)}


def claim_of_statement(store: "Store", article_id: str, statement_id: str) -> list[dict[str, Any]]:
    """The global claims one statement takes a position on, with its stance."""
    return store.backend.rows(
        "SELECT g.id, g.text, m.stance, m.similarity, m.via FROM claim_members m "
        "JOIN global_claims g ON g.id = m.global_id WHERE m.article_id = ? AND m.statement_id = ? "
        "ORDER BY m.similarity DESC", (article_id, statement_id))


__all__ = ["pending", "linked", "global_claims", "claim_exists", "article_meta", "day_of", "write_links",
           "save_known", "replace_matches", "matches", "claims", "claim", "positions", "changes", "holders",
           "is_channel", "claim_of_statement"]
