"""Exports: records from the store to files others read. Pure functions from records / store rows to
bytes; ``onrecord export`` only picks the format, the filter and the file. An export only reads (the store
may be opened read-only): its claims are those linked so far.

    jsonl        one Record (``Record.to_dict()``) per line           export.jsonl
    csv          one row per statement (``table.COLUMNS``)             export.table
    parquet      the same rows, typed                                  export.table
    graphml      speakers and claims, stance on the edges              export.graph
    claimreview  schema.org ClaimReview JSON-LD for fact-checked claims export.claimreview
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import UsageError
from ..models import Record, Statement
from ..store.keys import speaker_key

FORMATS = ("jsonl", "csv", "parquet", "graphml", "claimreview")


# (article id, statement id) -> the claims across articles it takes a stance on: [{claim, text, stance}]
Stances = dict[tuple[str, str], list[dict[str, Any]]]


@dataclass(frozen=True)
class Selection:
    """Which statements an export keeps: those by ``speaker`` (words of the name, as
    ``Store.statements`` matches them) and with a stance on claim ``claim`` (the id of a claim across
    articles, as in ``onrecord claims``). None: all."""

    claim: str | None = None
    speaker: str | None = None

    @property
    def everything(self) -> bool:
        return not self.claim and not self.speaker

    def keeps(self, record: Record, statement: Statement, stances: Stances) -> bool:
        if self.speaker and not speaker_matches(speaker_name(record, statement), self.speaker):
            return False
        if self.claim and self.claim not in {c["claim"] for c in stances.get((record.article.id, statement.id), ())}:
            return False
        return True

    def keeps_record(self, record: Record, stances: Stances) -> bool:
        return self.everything or any(self.keeps(record, s, stances) for s in record.statements)


def speaker_name(record: Record, statement: Statement) -> str:
    names = {e.id: e.name for e in record.entities}
    return names.get(statement.speaker or "") or statement.speaker_text or ""


def speaker_matches(name: str, query: str) -> bool:
    """``query``'s words appear together, as whole words, in ``name`` (case and accents ignored)."""
    key = speaker_key(query)
    return bool(key) and f" {key} " in f" {speaker_key(name)} "


def stances(store) -> Stances:
    """Every statement's stances on claims across articles, as linked so far."""
    from ..store import web_read
    return web_read.statement_claims(store.backend)


def records(store, selection: Selection = Selection(), page: int = 200,
            claims: Stances | None = None) -> Iterator[Record]:
    """The stored records that hold a statement the selection keeps, newest first."""
    claims = stances(store) if claims is None and not selection.everything else claims or {}
    offset = 0
    while True:
        ids = [a["id"] for a in store.articles(limit=page, offset=offset)]
        for article_id in ids:
            record = store.record(article_id)
            if selection.keeps_record(record, claims):
                yield record
        if len(ids) < page:
            return
        offset += page


def write(store, fmt: str, out: IO[bytes], selection: Selection = Selection(), reviewer: str | None = None,
          review_date: str | None = None) -> int:
    """Write the export in ``fmt`` to the binary file ``out``; returns how many items it holds.
    ``reviewer`` / ``review_date``: a ClaimReview's author and date where the fact-check came without."""
    from . import claimreview, graph, jsonl, table
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "claimreview":
        return claimreview.write(claimreview.from_store(store, selection, reviewer, review_date), out)
    claims = stances(store)
    found = records(store, selection, claims=claims)
    if fmt == "jsonl":
        return jsonl.write(found, out)
    if fmt == "graphml":
        return graph.write_graphml(graph.build(found, claims, selection), out)
    rows = table.statement_rows(found, claims, selection)
    return table.write_csv(rows, out) if fmt == "csv" else table.write_parquet(rows, out)


__all__ = ["FORMATS", "Selection", "Stances", "stances", "records", "write", "speaker_matches"]
