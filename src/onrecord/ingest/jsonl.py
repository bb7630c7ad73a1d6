"""JSON Lines: one article a line with fields id, text and optional title, url, outlet, published,
license, language, author. A malformed line is a Rejected naming its line number; the run goes on."""
from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, Rejected
from .article import make_article
from .common import FLAG_INVALID_UTF8, stem

log = logging.getLogger(__name__)
META_FIELDS = ("title", "url", "outlet", "published", "license", "language", "author")

__all__ = ["iter_jsonl_file", "iter_jsonl_lines", "read_line", "META_FIELDS"]


def iter_jsonl_file(path: Path) -> Iterator[Article | Rejected]:
    source = str(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as lines:
            yield from iter_jsonl_lines(lines, source, stem(path))
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejected(source, f"could not read to the end: {exc}", "E100")


def iter_jsonl_lines(lines: Iterable[bytes], source: str, prefix: str) -> Iterator[Article | Rejected]:
    """Articles from JSONL byte lines; ``prefix`` makes ids for lines without one."""
    seen = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen = True
        yield read_line(raw, number, source, prefix)
    if not seen:
        yield Rejected(source, "empty input", "E101")


def read_line(raw: bytes, number: int, source: str, prefix: str) -> Article | Rejected:
    """Line ``number`` (non-blank) of JSONL ``source`` as an Article, or a Rejected naming the line.
    The Spark job reads its lines with this too."""
    try:
        return _article(raw, number, source, prefix)
    except IngestError as exc:
        return Rejected(f"{source}:{number}", exc.message, exc.code)


def _article(raw: bytes, number: int, source: str, prefix: str) -> Article:
    flags: tuple[str, ...] = ()
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line, flags = raw.decode("utf-8", errors="replace"), (FLAG_INVALID_UTF8,)
    where = f"{source}:{number}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(f"line {number}: malformed JSON ({exc.msg} at column {exc.colno})",
                          code="E108", source=where) from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise IngestError(f"line {number}: not an object with a string 'text' field",
                          code="E108", source=where)
    if not obj["text"].strip():
        raise IngestError(f"line {number}: empty text", code="E101", source=where)
    meta = {k: str(obj[k]) for k in META_FIELDS if obj.get(k) not in (None, "")}
    flags += tuple(obj.get("flags") or ())
    art_id = str(obj.get("id") or f"{prefix}-{number}")
    return make_article(art_id, obj["text"], where, flags=flags, **meta)
