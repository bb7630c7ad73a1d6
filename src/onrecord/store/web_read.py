"""Reads the API, web pages and commands need beyond the Store's methods: one speaker and their statements,
speaker search, the speakers who said something (the web's index), and which claims across articles
(``store.claims``: ``global_claims`` / ``claim_members``) each statement takes a stance on. Plain functions
over a ``Backend`` (``store.backend``), portable SQL only.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

from ..errors import StoreError
from . import read
from .base import Backend, escape_like
from .keys import speaker_key


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
    """One speaker's statements (exact ``speaker_key`` match), oldest first, each with its ``stances``
    on claims across articles. ``claim``: only statements with a stance on this claim (its id)."""
    where, params = ["e.name_key = ?"], [speaker_key(key)]
    if act:
        where.append("s.act = ?")
        params.append(act)
    if claim:
        where.append("EXISTS (SELECT 1 FROM claim_members m WHERE m.article_id = s.article_id "
                     "AND m.statement_id = s.id AND m.global_id = ?)")
        params.append(claim)
    rows = backend.rows(
        "SELECT a.id AS article_id, a.title AS article_title, a.outlet, a.published, s.id, s.content, "
        "s.act, s.type, s.cue, s.speaker_text, e.name AS speaker_name "
        "FROM statements s JOIN articles a ON a.id = s.article_id "
        "JOIN entities e ON e.article_id = s.article_id AND e.id = s.speaker "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY a.published IS NULL, a.published, a.id, s.content_start, s.pk LIMIT ? OFFSET ?",
        params + [limit, offset])
    stances: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for article_id in {r["article_id"] for r in rows}:
        stances.update(statement_claims(backend, article_id))
    for row in rows:
        row["stances"] = stances.get((row["article_id"], row["id"]), [])
    return rows


def speaker_claims(backend: Backend, key: str) -> list[dict[str, Any]]:
    """The claims across articles one speaker took a stance on: id and text, most statements first."""
    return backend.rows(
        "SELECT g.id, g.text, COUNT(*) AS n FROM claim_members m JOIN global_claims g ON g.id = m.global_id "
        "JOIN entities e ON e.article_id = m.article_id AND e.id = m.speaker WHERE e.name_key = ? "
        "GROUP BY g.id, g.text ORDER BY n DESC, g.id", (speaker_key(key),))


def statement_claims(backend: Backend, article_id: str | None = None
                     ) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(article id, statement id) -> the claims across articles it takes a stance on: id, text, stance."""
    where, params = ("WHERE m.article_id = ? ", [article_id]) if article_id is not None else ("", [])
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in backend.rows("SELECT m.article_id, m.statement_id, g.id, g.text, m.stance FROM claim_members m "
                          f"JOIN global_claims g ON g.id = m.global_id {where}"
                          "ORDER BY m.article_id, m.statement_id, m.similarity DESC, g.id", params):
        out.setdefault((r["article_id"], r["statement_id"]), []).append(
            {"claim": r["id"], "text": r["text"], "stance": r["stance"]})
    return out


def with_titles(backend: Backend, positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each position (``store.claims.positions`` row) given its speaker's ``speaker_titles`` in that
    article, in place (a board's stance groups and speaker rows hold the same rows as its timeline, so
    one call on the timeline reaches them all); returns ``positions``."""
    titles: dict[tuple[str, str], list[str]] = {}
    for article_id in {p["article_id"] for p in positions}:
        for e in backend.rows("SELECT id, titles FROM entities WHERE article_id = ?", (article_id,)):
            titles[(article_id, e["id"])] = json.loads(e["titles"])
    for p in positions:
        p["speaker_titles"] = titles.get((p["article_id"], p.get("speaker") or ""), [])
    return positions


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


def speakers_who_spoke(backend: Backend, order: str = "statements", limit: int = 50, offset: int = 0
                       ) -> list[dict[str, Any]]:
    """``read.speakers`` (in ``order``: "statements" or "name") less those with no statement: entities only
    ever mentioned."""
    rows = [s for s in read.speakers(backend, limit=sys.maxsize, order=order) if s["n_statements"]]
    return rows[offset:offset + limit]


__all__ = ["speaker", "speaker_statements", "speaker_claims", "statement_claims", "with_titles",
           "find_speakers", "speakers_who_spoke"]
