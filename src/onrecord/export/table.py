"""Statements as a table: one row per statement, for CSV and Parquet.

``claim`` and ``stance`` are the statement's stances on claims across articles (ids as in
``onrecord claims``); several are joined with ``"; "`` in the same order in both; none leaves both empty.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

from ..models import Record
from . import Selection, Stances, speaker_name

COLUMNS = ("article_id", "statement_id", "url", "outlet", "date", "speaker", "speaker_kind", "cue", "act",
           "type", "content", "claim", "stance")


def statement_rows(records: Iterable[Record], stances: Stances, selection: Selection = Selection()
                   ) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        a = record.article
        kinds = {e.id: e.kind for e in record.entities}
        for s in record.statements:
            if not selection.keeps(record, s, stances):
                continue
            mine = [(c["claim"], c["stance"]) for c in stances.get((a.id, s.id), ())]
            rows.append({"article_id": a.id, "statement_id": s.id, "url": a.url or "", "outlet": a.outlet or "",
                         "date": a.published or "", "speaker": speaker_name(record, s),
                         "speaker_kind": kinds.get(s.speaker or "", ""), "cue": s.cue or "", "act": s.act,
                         "type": s.type, "content": s.content,
                         "claim": "; ".join(c for c, _ in mine), "stance": "; ".join(x for _, x in mine)})
    return rows


def write_csv(rows: list[dict[str, Any]], out: IO[bytes]) -> int:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    out.write(text.getvalue().encode("utf-8", "surrogatepass"))
    return len(rows)


def write_parquet(rows: list[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    table = pa.Table.from_pylist([{c: _valid(r[c]) for c in COLUMNS} for r in rows], schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    out.write(sink.getvalue().to_pybytes())
    return len(rows)


def _valid(text: str) -> str:
    """Parquet strings are UTF-8: a lone surrogate (undecodable input) becomes U+FFFD."""
    return text.encode("utf-8", "replace").decode("utf-8") if text else text
