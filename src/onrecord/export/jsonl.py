"""JSONL: one whole record (``Record.to_dict()``, docs/record-format.md) per line."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..models import Record


def line(record: Record) -> bytes:
    return json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"


def write(records: Iterable[Record], out: IO[bytes]) -> int:
    n = 0
    for record in records:
        out.write(line(record))
        n += 1
    return n
