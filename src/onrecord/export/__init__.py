"""Exports: records from the store to files others read. Pure functions from records / store rows to
bytes; ``onrecord export`` only picks the format, the filter and the file.

    jsonl        one Record (``Record.to_dict()``) per line           export.jsonl
    csv          one row per statement (``table.COLUMNS``)             export.table
    parquet      the same rows, typed                                  export.table
    graphml      speakers and claims, stance on the edges              export.graph
    claimreview  schema.org ClaimReview JSON-LD for fact-checked claims export.claimreview
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from ..errors import UsageError
from ..models import Record, Statement
from ..store.keys import speaker_key

FORMATS = ("jsonl", "csv", "parquet", "graphml", "claimreview")


@dataclass(frozen=True)
class Selection:
    """Which statements an export keeps: those by ``speaker`` (words of the name, as
    ``Store.statements`` matches them) and with a stance on claim ``claim`` (its id). None: all."""

    claim: str | None = None
    speaker: str | None = None

    @property
    def everything(self) -> bool:
        return not self.claim and not self.speaker

    def keeps(self, record: Record, statement: Statement) -> bool:
        if self.speaker and not speaker_matches(speaker_name(record, statement), self.speaker):
            return False
        if self.claim and not any(c.id == self.claim and any(st.statement == statement.id for st in c.stances)
                                  for c in record.claims):
            return False
        return True

    def keeps_record(self, record: Record) -> bool:
        return self.everything or any(self.keeps(record, s) for s in record.statements)


def speaker_name(record: Record, statement: Statement) -> str:
    names = {e.id: e.name for e in record.entities}
    return names.get(statement.speaker or "") or statement.speaker_text or ""


def speaker_matches(name: str, query: str) -> bool:
    """``query``'s words appear together, as whole words, in ``name`` (case and accents ignored)."""
    key = speaker_key(query)
    return bool(key) and f" {key} " in f" {speaker_key(name)} "


def records(store, selection: Selection = Selection(), page: int = 200) -> Iterator[Record]:
    """The stored records that hold a statement the selection keeps, newest first."""
    offset = 0
    while True:
        ids = [a["id"] for a in store.articles(limit=page, offset=offset)]
        for article_id in ids:
            record = store.record(article_id)
            if selection.keeps_record(record):
                yield record
        if len(ids) < page:
            return
        offset += page


def write(store, fmt: str, out: IO[bytes], selection: Selection = Selection()) -> int:
    """Write the export in ``fmt`` to the binary file ``out``; returns how many items it holds."""
    from . import claimreview, graph, jsonl, table
    if fmt == "jsonl":
        return jsonl.write(records(store, selection), out)
    if fmt in ("csv", "parquet"):
        rows = table.statement_rows(records(store, selection), selection)
        return table.write_csv(rows, out) if fmt == "csv" else table.write_parquet(rows, out)
    if fmt == "graphml":
        return graph.write_graphml(graph.build(records(store, selection), selection), out)
    if fmt == "claimreview":
        return claimreview.write(claimreview.from_store(store, selection), out)
    raise UsageError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "Selection", "records", "write", "speaker_matches"]
