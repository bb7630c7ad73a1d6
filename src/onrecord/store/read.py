"""Reading the store: listings of articles, statements and speakers, and summary counts.

Portable SQL only; the one backend-specific piece, how a text search matches, comes from
``Backend.search_clause``.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..errors import StoreError
from ..models import Record
from .base import Backend, escape_like
from .keys import speaker_key
from .write import load_record

_NEWEST_FIRST = "a.published IS NULL, a.published DESC, a.stored_at DESC, a.id"


def articles(backend: Backend, limit: int = 50, offset: int = 0, outlet: str | None = None
             ) -> list[dict[str, Any]]:
    where, params = ("WHERE LOWER(a.outlet) = LOWER(?)", [outlet]) if outlet else ("", [])
    return backend.rows(
        "SELECT a.id, a.title, a.outlet, a.published, a.language, a.license, a.source, "
        "(SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS n_statements, a.stored_at "
        f"FROM articles a {where} ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?", params + [limit, offset])


def record(backend: Backend, article_id: str) -> Record:
    row = backend.one("SELECT text, record_json FROM articles WHERE id = ?", (article_id,))
    if row is None:
        raise StoreError(f"no article with id {article_id!r}", code="E202", source=backend.target)
    return load_record(row["record_json"], row["text"])


def article_id(backend: Backend, content_hash: str) -> str | None:
    return backend.scalar("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))


# -- statements ---------------------------------------------------------------------------------------

_STATEMENT_COLUMNS = (
    "a.id AS article_id, a.title AS article_title, a.outlet, a.published, s.id, s.speaker, "
    "COALESCE(e.name, s.speaker_text) AS speaker_name, s.speaker_text, s.content, s.cue, s.act, s.type, "
    "s.negated, s.content_start, s.content_end, s.cue_start, s.cue_end, s.speaker_start, s.speaker_end")

_CLAIM_MATCH = ("FROM stances st JOIN claims c ON c.article_id = st.article_id AND c.id = st.claim_id "
                "WHERE st.article_id = s.article_id AND st.statement_id = s.id "
                "AND (c.id = ? OR LOWER(c.text) LIKE ? ESCAPE '\\')")


def _statement_filters(backend: Backend, f: dict[str, Any]) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.get("speaker"):
        key = speaker_key(f["speaker"])
        where.append("((' ' || e.name_key || ' ') LIKE ? ESCAPE '\\' OR "
                     "(e.pk IS NULL AND LOWER(s.speaker_text) LIKE ? ESCAPE '\\'))")
        params += [f"% {escape_like(key)} %", f"%{escape_like(f['speaker'].lower())}%"]
    if f.get("act"):
        where.append("s.act = ?")
        params.append(f["act"])
    if f.get("search") and f["search"].split():
        clause, more = backend.search_clause(f["search"].split())
        where.append(clause)
        params += more
    if f.get("claim"):
        where.append(f"EXISTS (SELECT 1 {_CLAIM_MATCH})")
        params += [f["claim"], f"%{escape_like(f['claim'].lower())}%"]
    if f.get("outlet"):
        where.append("LOWER(a.outlet) = LOWER(?)")
        params.append(f["outlet"])
    if f.get("since"):
        where.append("a.published >= ?")
        params.append(f["since"])
    if f.get("until"):                                # inclusive: "2020-01" takes all of January
        where.append("SUBSTR(a.published, 1, ?) <= ?")
        params += [len(f["until"]), f["until"]]
    return where, params


def _span(row: dict[str, Any], name: str) -> list[int] | None:
    start, end = row.pop(f"{name}_start"), row.pop(f"{name}_end")
    return None if start is None else [start, end]


def statements(backend: Backend, *, limit: int = 100, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
    """Statements matching every given filter (speaker, act, search, claim, outlet, since, until)."""
    where, params = _statement_filters(backend, filters)
    columns = _STATEMENT_COLUMNS
    if filters.get("claim"):
        columns += f", (SELECT st.stance {_CLAIM_MATCH} LIMIT 1) AS stance"
        params = [filters["claim"], f"%{escape_like(filters['claim'].lower())}%"] + params
    sql = (f"SELECT {columns} FROM statements s JOIN articles a ON a.id = s.article_id "
           "LEFT JOIN entities e ON e.article_id = s.article_id AND e.id = s.speaker "
           + (f"WHERE {' AND '.join(where)} " if where else "")
           + f"ORDER BY {_NEWEST_FIRST}, s.content_start, s.pk LIMIT ? OFFSET ?")
    out = backend.rows(sql, params + [limit, offset])
    for row in out:
        row["negated"] = bool(row["negated"])
        for name in ("content", "cue", "speaker"):
            row[f"{name}_span"] = _span(row, name)
    return out


# -- speakers -----------------------------------------------------------------------------------------

def speakers(backend: Backend, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Speakers across articles (one per name key), most statements first."""
    top = backend.rows(
        "SELECT e.name_key, COUNT(DISTINCT s.pk) AS n_statements, COUNT(DISTINCT e.article_id) AS n_articles "
        "FROM entities e LEFT JOIN statements s ON s.article_id = e.article_id AND s.speaker = e.id "
        "GROUP BY e.name_key ORDER BY n_statements DESC, n_articles DESC, e.name_key LIMIT ? OFFSET ?",
        (limit, offset))
    details = _speaker_details(backend, [row["name_key"] for row in top])
    return [{**details[row["name_key"]], "n_statements": row["n_statements"],
             "n_articles": row["n_articles"]} for row in top]


def _speaker_details(backend: Backend, keys: list[str]) -> dict[str, dict[str, Any]]:
    """For each key: its most frequent spelling and kind, and every title seen, first seen first."""
    names: dict[str, Counter] = {k: Counter() for k in keys}
    kinds: dict[str, Counter] = {k: Counter() for k in keys}
    titles: dict[str, dict[str, None]] = {k: {} for k in keys}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in backend.rows(f"SELECT name_key, name, kind, titles FROM entities WHERE name_key IN ({marks}) "
                                "ORDER BY pk", chunk):
            k = row["name_key"]
            names[k][row["name"]] += 1
            kinds[k][row["kind"]] += 1
            titles[k].update(dict.fromkeys(json.loads(row["titles"])))
    return {k: {"name": names[k].most_common(1)[0][0], "key": k, "kind": kinds[k].most_common(1)[0][0],
                "titles": list(titles[k])} for k in keys}


# -- summary ------------------------------------------------------------------------------------------

def stats(backend: Backend) -> dict[str, Any]:
    count = {t: backend.scalar(f"SELECT COUNT(*) FROM {t}")
             for t in ("articles", "entities", "statements", "claims", "stances")}
    by = {}
    for column in ("outlet", "language", "pipeline"):
        by[column] = {r["v"] if r["v"] is not None else "": r["n"] for r in backend.rows(
            f"SELECT {column} AS v, COUNT(*) AS n FROM articles GROUP BY {column} ORDER BY n DESC, v")}
    return {**count, "speakers": backend.scalar("SELECT COUNT(DISTINCT name_key) FROM entities"),
            "acts": {r["act"]: r["n"] for r in backend.rows(
                "SELECT act, COUNT(*) AS n FROM statements GROUP BY act ORDER BY n DESC, act")},
            "outlets": by["outlet"], "languages": by["language"], "pipelines": by["pipeline"],
            "schema_version": backend.schema_version(), "backend": backend.name,
            "full_text_search": backend.has_search, "db": backend.target}
