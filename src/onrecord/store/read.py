"""Reading the store: listings of articles, statements and speakers, and summary counts.

Portable SQL only; the one backend-specific piece, how a text search matches, comes from
``Backend.search_clause``.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from typing import Any

from ..errors import StoreError, UsageError
from ..models import Record
from .base import Backend, escape_like
from .claims import unlinked
from .keys import speaker_key
from .vectors import vector_of
from .write import load_record

_NEWEST_FIRST = "a.published IS NULL, a.published DESC, a.stored_at DESC, a.id"
# How ``articles`` may be ordered; undated articles come last either way (they have no place in time).
ARTICLE_ORDERS = {"newest": _NEWEST_FIRST, "oldest": "a.published IS NULL, a.published, a.stored_at, a.id",
                  "statements": f"n_statements DESC, {_NEWEST_FIRST}"}
MAX_OFFSET = 10**12          # rows to skip at most: a larger offset is a usage error, not an SQL overflow
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?([T ].*)?$"      # what --since / --until / ?since= accept


def _ordering(orders: dict[str, Any], order: str) -> Any:
    if order not in orders:
        raise UsageError(f"unknown order {order!r}: one of {', '.join(orders)}", code="E500")
    return orders[order]


def articles(backend: Backend, limit: int = 50, offset: int = 0, outlet: str | None = None,
             order: str = "newest") -> list[dict[str, Any]]:
    """Stored articles with their number of statements. ``order``: one of ``ARTICLE_ORDERS`` (newest
    published first, oldest first, most statements first)."""
    where, params = ("WHERE LOWER(a.outlet) = LOWER(?)", [outlet]) if outlet else ("", [])
    return backend.rows(
        "SELECT a.id, a.title, a.outlet, a.published, a.language, a.license, a.source, "
        "(SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS n_statements, a.stored_at "
        f"FROM articles a {where} ORDER BY {_ordering(ARTICLE_ORDERS, order)} LIMIT ? OFFSET ?",
        params + [limit, offset])


def record(backend: Backend, article_id: str) -> Record:
    """The stored record; each claim with its stored sentence vector (``Claim.vector``) when it has one."""
    row = backend.one("SELECT text, record_json FROM articles WHERE id = ?", (article_id,))
    if row is None:
        raise StoreError(f"no article with id {article_id!r}", code="E202", source=backend.target)
    record = load_record(row["record_json"], row["text"])
    if not record.claims:
        return record
    vectors = {r["id"]: r["vector"] for r in backend.rows(
        "SELECT id, vector FROM claims WHERE article_id = ? AND vector IS NOT NULL", (article_id,))}
    if not vectors:
        return record
    return replace(record, claims=tuple(replace(c, vector=vector_of(vectors[c.id])) if c.id in vectors else c
                                        for c in record.claims))


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
# ... or a claim across articles (gc-…, kc-…: the ids `onrecord claims` prints), by its members
_GLOBAL_MATCH = ("FROM claim_members m WHERE m.article_id = s.article_id AND m.statement_id = s.id "
                 "AND m.global_id = ?")


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
        where.append(f"(EXISTS (SELECT 1 {_CLAIM_MATCH}) OR EXISTS (SELECT 1 {_GLOBAL_MATCH}))")
        params += [f["claim"], f"%{escape_like(f['claim'].lower())}%", f["claim"]]
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
    """Statements matching every given filter (speaker, act, search, claim, outlet, since, until).
    ``claim``: an article claim's id or words of its text, or a claim across articles' id (its members;
    ``stance`` is then the member's stance toward it)."""
    where, params = _statement_filters(backend, filters)
    columns = _STATEMENT_COLUMNS
    if filters.get("claim"):
        columns += (f", COALESCE((SELECT m.stance {_GLOBAL_MATCH} LIMIT 1), "
                    f"(SELECT st.stance {_CLAIM_MATCH} LIMIT 1)) AS stance")
        params = [filters["claim"], filters["claim"], f"%{escape_like(filters['claim'].lower())}%"] + params
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

# How ``speakers`` may be ordered: most statements first, or by name (A to Z, case and accents ignored).
SPEAKER_ORDERS = {"statements": lambda x: (-x["n_statements"], -x["n_articles"], x["key"]),
                  "name": lambda x: (speaker_key(x["name"]), x["key"])}


def speakers(backend: Backend, limit: int = 100, offset: int = 0, order: str = "statements"
             ) -> list[dict[str, Any]]:
    """Speakers across articles, most statements first (``order="name"``: by name).

    Entities with the same normalised name are one speaker; then a name that is another's part
    ("Amir Abdollahian" / "Hossein Amir Abdollahian", or a bare surname whose title or organisation
    agrees) or its spelling variant ("Dmitry Kuleba" / "Dmytro Kuleba") joins it when it fits exactly
    one (``identity.same_speaker``: never on a surname alone)."""
    from ..identity import same_speaker

    rows = backend.rows(
        "SELECT e.name_key, e.name, e.kind, e.titles, e.affiliations, e.article_id, "
        "COUNT(DISTINCT s.pk) AS n FROM entities e "
        "LEFT JOIN statements s ON s.article_id = e.article_id AND s.speaker = e.id "
        "GROUP BY e.pk ORDER BY e.pk")
    groups: dict[str, dict[str, Any]] = {}
    for r in rows:
        g = groups.setdefault(r["name_key"], {"key": r["name_key"], "names": Counter(), "kinds": Counter(),
                                               "titles": {}, "affiliations": {}, "articles": set(), "n": 0})
        g["names"][r["name"]] += 1
        g["kinds"][r["kind"]] += 1
        g["titles"].update(dict.fromkeys(json.loads(r["titles"])))
        g["affiliations"].update(dict.fromkeys(json.loads(r["affiliations"])))
        g["articles"].add(r["article_id"])
        g["n"] += r["n"]
    _merge_partial_names(groups, same_speaker)
    out = [{"name": g["names"].most_common(1)[0][0], "key": g["key"], "kind": g["kinds"].most_common(1)[0][0],
            "titles": list(g["titles"]), "aliases": sorted(g["names"]), "n_statements": g["n"],
            "n_articles": len(g["articles"])} for g in groups.values()]
    out.sort(key=_ordering(SPEAKER_ORDERS, order))
    return out[offset:offset + limit]


def _merge_partial_names(groups: dict[str, dict[str, Any]], same_speaker) -> None:
    """Fold a group whose name is a part of exactly one longer person's name into it, and a spelling
    variant of exactly one other person's name ("Dmitry Kuleba", "Dmytro Kuleba") into the one with
    more statements."""
    from ..identity import skeleton

    people = [k for k, g in groups.items() if g["kinds"].most_common(1)[0][0] == "person"]
    by_last: dict[str, list[str]] = {}
    for k in people:
        if k:
            by_last.setdefault(skeleton(k.split()[-1]), []).append(k)

    def rank(k: str) -> tuple:
        return groups[k]["n"], len(groups[k]["articles"]), k

    def fits(key: str, longer: bool) -> list[str]:
        me, size = _as_speaker(groups[key]), len(key.split())
        return [o for o in by_last.get(skeleton(key.split()[-1]), ())
                if o != key and o in groups and (len(o.split()) > size if longer else len(o.split()) == size)
                and same_speaker(me, _as_speaker(groups[o]))]

    # spelling variants first: the most stated spelling takes the others ("Volodymyr Zelensky" takes
    # "Zelenskyy" and "Zelenskiy"), so that a part of the name then fits one person, not three
    for key in sorted(people, key=rank, reverse=True):
        if key in groups and key:
            for other in fits(key, longer=False):
                _fold(groups, other, key)
    for key in sorted((k for k in people if k in groups), key=lambda k: (len(k.split()), rank(k))):
        if key in groups and key:
            found = fits(key, longer=True)
            if len(found) == 1:
                _fold(groups, key, found[0])


def _as_speaker(g: dict[str, Any]) -> dict[str, Any]:
    return {"name": g["names"].most_common(1)[0][0], "kind": g["kinds"].most_common(1)[0][0],
            "titles": list(g["titles"]), "affiliations": list(g["affiliations"])}


def _fold(groups: dict[str, dict[str, Any]], src: str, dst: str) -> None:
    a, b = groups.pop(src), groups[dst]
    b["names"].update(a["names"])
    b["kinds"].update(a["kinds"])
    b["titles"].update(a["titles"])
    b["affiliations"].update(a["affiliations"])
    b["articles"] |= a["articles"]
    b["n"] += a["n"]


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
            "full_text_search": backend.has_search, "db": backend.target,
            "articles_unlinked": unlinked(backend)}   # not yet in the claims across articles


def stale(backend: Backend, pipeline_version: str) -> list[str]:
    """Ids of the articles analysed by another pipeline version than ``pipeline_version``, in id order."""
    return [r["id"] for r in backend.rows("SELECT id FROM articles WHERE pipeline <> ? ORDER BY id",
                                          (pipeline_version,))]
