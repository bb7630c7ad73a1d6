"""Reading claims and their boards from the store's ``claims`` / ``stances`` tables (API and web pages).

A claim across articles is every claim row that shares one ``id``: claim linking (src/onrecord/claims)
gives matched claims one id, the same way ``Store.statements(claim=...)`` matches by id. Columns added
to ``claims`` later (a known fact-check's ``rating``, ``url``, ...) are carried through as they are.

These are plain functions over a ``Backend`` (``store.backend``), portable SQL only. They stand in until
the claims package adds ``Store.claims()`` / ``Store.claim(id)``; the pages then call those instead.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..errors import StoreError
from ..models import STANCES
from .base import Backend, escape_like
from .keys import speaker_key

_NEWEST_FIRST = "a.published IS NULL, a.published DESC, a.stored_at DESC, a.id"


def claims(backend: Backend, search: str | None = None, limit: int = 50, offset: int = 0
           ) -> list[dict[str, Any]]:
    """Claims (one per id), most positions first: id, text, articles, and a count per stance."""
    where, params = "", []
    words = (search or "").lower().split()
    if words:
        where = "WHERE " + " AND ".join("(LOWER(c.text) LIKE ? ESCAPE '\\' OR c.id = ?)" for _ in words)
        for w in words:
            params += [f"%{escape_like(w)}%", w]
    counts = ", ".join(f"SUM(CASE WHEN st.stance = '{s}' THEN 1 ELSE 0 END) AS n_{s}" for s in STANCES)
    top = backend.rows(
        f"SELECT c.id, COUNT(DISTINCT c.article_id) AS n_articles, COUNT(st.pk) AS n_positions, {counts} "
        "FROM claims c LEFT JOIN stances st ON st.article_id = c.article_id AND st.claim_id = c.id "
        f"{where} GROUP BY c.id ORDER BY n_positions DESC, n_articles DESC, c.id LIMIT ? OFFSET ?",
        params + [limit, offset])
    texts = _claim_texts(backend, [row["id"] for row in top])
    return [{"id": row["id"], "text": texts.get(row["id"], ""), "n_articles": row["n_articles"],
             "n_positions": row["n_positions"], **{f"n_{s}": row[f"n_{s}"] or 0 for s in STANCES}}
            for row in top]


def _claim_texts(backend: Backend, ids: list[str]) -> dict[str, str]:
    """Each claim id's most frequent wording."""
    texts: dict[str, Counter] = {i: Counter() for i in ids}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in backend.rows(f"SELECT id, text FROM claims WHERE id IN ({marks}) ORDER BY pk", chunk):
            texts[row["id"]][row["text"]] += 1
    return {i: c.most_common(1)[0][0] for i, c in texts.items() if c}


def claim_rows(backend: Backend, claim_id: str) -> list[dict[str, Any]]:
    """Every stored row of one claim (one per article), with all its columns."""
    return backend.rows("SELECT c.* FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ? "
                        f"ORDER BY {_NEWEST_FIRST}", (claim_id,))


_POSITION_COLUMNS = (
    "st.stance, st.claim_id, c.text AS claim_text, a.id AS article_id, a.title AS article_title, a.outlet, a.published, a.url, "
    "s.id AS statement_id, s.content, s.act, s.type, s.cue, s.speaker_text, s.content_start, s.content_end, "
    "s.speaker, COALESCE(e.name, s.speaker_text) AS speaker_name, e.kind AS speaker_kind, "
    "e.titles AS speaker_titles")


def positions(backend: Backend, claim_id: str | None = None, speaker: str | None = None
              ) -> list[dict[str, Any]]:
    """Stances with their statement, speaker and article, oldest first (a claim's timeline).

    ``claim_id`` keeps one claim's; ``speaker`` (a speaker key, see ``keys.speaker_key``) one speaker's.
    """
    where, params = [], []
    if claim_id is not None:
        where.append("st.claim_id = ?")
        params.append(claim_id)
    if speaker is not None:
        where.append("COALESCE(e.name_key, '') = ?")
        params.append(speaker_key(speaker))
    rows = backend.rows(
        f"SELECT {_POSITION_COLUMNS} FROM stances st JOIN articles a ON a.id = st.article_id "
        "JOIN claims c ON c.article_id = st.article_id AND c.id = st.claim_id "
        "JOIN statements s ON s.article_id = st.article_id AND s.id = st.statement_id "
        "LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.speaker "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + "ORDER BY a.published IS NULL, a.published, a.id, s.content_start, st.pk", params)
    for row in rows:
        row["speaker_key"] = speaker_key(row["speaker_name"]) if row["speaker_name"] else None
        row["speaker_titles"] = json.loads(row["speaker_titles"]) if row["speaker_titles"] else []
        row["content_span"] = [row.pop("content_start"), row.pop("content_end")]
    return rows


def board(backend: Backend, claim_id: str) -> dict[str, Any]:
    """One claim's board: its text and rows, its positions by stance, and the timeline of them all.

    StoreError E203 when no claim has this id.
    """
    rows = claim_rows(backend, claim_id)
    if not rows:
        raise StoreError(f"no claim with id {claim_id!r}", code="E203", source=backend.target)
    timeline = positions(backend, claim_id=claim_id)
    text = _claim_texts(backend, [claim_id])[claim_id]
    return {"id": claim_id, "text": text, "polarity": rows[0].get("polarity"),
            "n_articles": len({r["article_id"] for r in rows}),
            "rows": rows, **{s: [p for p in timeline if p["stance"] == s] for s in STANCES},
            "timeline": timeline}


def speaker(backend: Backend, key: str) -> dict[str, Any]:
    """One speaker (by ``speaker_key``): most frequent name and kind, titles seen, article count.

    StoreError E204 when no entity has this key.
    """
    key = speaker_key(key)
    rows = backend.rows("SELECT article_id, name, kind, titles FROM entities WHERE name_key = ? ORDER BY pk",
                        (key,))
    if not rows:
        raise StoreError(f"no speaker {key!r}", code="E204", source=backend.target)
    titles: dict[str, None] = {}
    for row in rows:
        titles.update(dict.fromkeys(json.loads(row["titles"])))
    return {"key": key, "name": Counter(r["name"] for r in rows).most_common(1)[0][0],
            "kind": Counter(r["kind"] for r in rows).most_common(1)[0][0], "titles": list(titles),
            "n_articles": len({r["article_id"] for r in rows})}


def speaker_statements(backend: Backend, key: str, act: str | None = None, claim: str | None = None,
                       limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """One speaker's statements (exact ``speaker_key`` match), oldest first, each with its stances."""
    where, params = ["e.name_key = ?"], [speaker_key(key)]
    if act:
        where.append("s.act = ?")
        params.append(act)
    if claim:
        where.append("EXISTS (SELECT 1 FROM stances st WHERE st.article_id = s.article_id "
                     "AND st.statement_id = s.id AND st.claim_id = ?)")
        params.append(claim)
    rows = backend.rows(
        "SELECT a.id AS article_id, a.title AS article_title, a.outlet, a.published, s.id, s.content, "
        "s.act, s.type, s.cue, s.speaker_text, e.name AS speaker_name "
        "FROM statements s JOIN articles a ON a.id = s.article_id "
        "JOIN entities e ON e.article_id = s.article_id AND e.id = s.speaker "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY a.published IS NULL, a.published, a.id, s.content_start, s.pk LIMIT ? OFFSET ?",
        params + [limit, offset])
    stances = _stances_of(backend, rows)
    for row in rows:
        row["stances"] = stances.get((row["article_id"], row["id"]), [])
    return rows


def _stances_of(backend: Backend, rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for article_id in {r["article_id"] for r in rows}:
        for st in backend.rows(
                "SELECT st.statement_id, st.claim_id, st.stance, c.text FROM stances st JOIN claims c "
                "ON c.article_id = st.article_id AND c.id = st.claim_id WHERE st.article_id = ? "
                "ORDER BY st.pk", (article_id,)):
            out.setdefault((article_id, st["statement_id"]), []).append(
                {"claim": st["claim_id"], "text": st["text"], "stance": st["stance"]})
    return out


def find_speakers(backend: Backend, words: str, limit: int = 20) -> list[dict[str, Any]]:
    """Speakers whose name key holds every word (as a word prefix), most statements first."""
    keys = speaker_key(words).split()
    if not keys:
        return []
    where = " AND ".join("(' ' || e.name_key) LIKE ? ESCAPE '\\'" for _ in keys)
    params = [f"% {escape_like(k)}%" for k in keys]
    return backend.rows(
        "SELECT e.name_key AS key, MIN(e.name) AS name, COUNT(DISTINCT s.pk) AS n_statements, "
        "COUNT(DISTINCT e.article_id) AS n_articles FROM entities e LEFT JOIN statements s "
        f"ON s.article_id = e.article_id AND s.speaker = e.id WHERE {where} GROUP BY e.name_key "
        "ORDER BY n_statements DESC, e.name_key LIMIT ?", params + [limit])


__all__ = ["claims", "claim_rows", "positions", "board", "speaker", "speaker_statements", "find_speakers"]
