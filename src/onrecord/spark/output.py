"""The job's output: one row per article (columns below), and reading those rows back as Records.

Layout of an output directory::

    DIR/records/outlet=<outlet>/month=<YYYY-MM>/part-*.parquet   one row per analysed article
    DIR/rejects/part-*.json                                      one JSON object per reject
    DIR/jsonl/part-*                                             records as JSONL (with --jsonl)
    DIR/summary.json                                             the run's counts, written last

Each directory Spark writes holds ``_SUCCESS`` once its write has committed; until then its files are
under ``_temporary`` (never read here) or, during the commit, only some are in place. Reading refuses a
records directory without ``_SUCCESS`` unless asked for what it holds (``partial``). Reading needs
pyarrow only (a dependency of onrecord), not Spark.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..models import Record, Rejected

UNKNOWN = "unknown"
_MONTH = re.compile(r"^\d{4}-\d{2}")

# (column, Spark SQL type): the Parquet schema, in order. outlet and month are the partition columns.
COLUMNS = (
    ("article_id", "string"), ("outlet", "string"), ("month", "string"), ("date", "string"),
    ("title", "string"), ("url", "string"), ("language", "string"), ("content_hash", "string"),
    ("statements", "int"), ("entities", "int"), ("claims", "int"), ("warnings", "int"),
    ("pipeline", "string"), ("record", "string"),
)
PARTITION_BY = ("outlet", "month")
SUCCESS = "_SUCCESS"        # Spark writes it in a directory when the write that made it has committed


def record_row(record: Record) -> dict[str, Any]:
    """The Parquet row of one record; ``record`` holds Record.to_dict() as JSON, the rest is for queries."""
    art = record.article
    published = art.published or ""
    return {
        "article_id": art.id, "outlet": art.outlet or UNKNOWN,
        "month": published[:7] if _MONTH.match(published) else UNKNOWN,
        "date": published[:10] or None, "title": art.title, "url": art.url, "language": art.language,
        "content_hash": art.content_hash, "statements": len(record.statements),
        "entities": len(record.entities), "claims": len(record.claims), "warnings": len(record.warnings),
        "pipeline": record.pipeline, "record": json.dumps(record.to_dict(), ensure_ascii=False),
    }


def reject_row(rejected: Rejected) -> dict[str, Any]:
    return {"source": rejected.source, "reason": rejected.reason, "code": rejected.code}


def records_dir(path: str | Path) -> Path:
    """The Parquet records under an output directory (DIR/records), or ``path`` itself."""
    path = Path(path)
    return path / "records" if (path / "records").is_dir() else path


def read_records(path: str | Path, batch_rows: int = 256, partial: bool = False) -> Iterator[Record | Rejected]:
    """The Records in a job's Parquet output (DIR or DIR/records), read in batches; a row that is not a
    record of this format is a Rejected (E203) naming its article, and reading goes on.

    A directory without ``_SUCCESS`` (its job was killed or failed) is a UsageError, unless ``partial``:
    then the files it holds whole are read (never those under ``_temporary``)."""
    import pyarrow.dataset as ds
    where = records_dir(path)
    if not partial and not (where / SUCCESS).is_file():
        raise UsageError(f"{where} has no {SUCCESS}: the Spark job writing it did not finish (killed or "
                         "failed), so it may hold only part of the records. Run `onrecord spark` into the "
                         "same output again, or pass --partial to load what it holds")
    dataset = ds.dataset(str(where), format="parquet", partitioning="hive")
    if not dataset.files:
        return
    for batch in dataset.to_batches(columns=["article_id", "record"], batch_size=batch_rows):
        for article_id, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
            try:
                yield Record.from_dict(json.loads(text))
            except (ValueError, TypeError, KeyError) as exc:
                yield Rejected(f"{where}#{article_id}", f"not a record: {type(exc).__name__}: {exc}", "E203")
