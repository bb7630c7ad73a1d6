"""Standard input (`-`): plain text, or JSON Lines when the first line is a JSON object with text."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import IngestError
from ..models import Article, Rejected
from .jsonl import iter_jsonl_lines
from .text import from_bytes

SOURCE = "<stdin>"


def iter_stdin(stream: BinaryIO | None = None) -> Iterator[Article | Rejected]:
    data = (stream or sys.stdin.buffer).read()
    if looks_like_jsonl(data):
        yield from iter_jsonl_lines(data.splitlines(keepends=True), SOURCE, "stdin")
        return
    try:
        yield from_bytes(data, SOURCE, "stdin")
    except IngestError as exc:
        yield Rejected(SOURCE, exc.message, exc.code)


def looks_like_jsonl(data: bytes) -> bool:
    first = data.lstrip().split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and "text" in obj
