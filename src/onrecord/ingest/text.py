"""Plain-text files: the article's text is exactly the file's text (decoded, never normalised)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, Rejected
from .article import make_article
from .common import decode, read_bytes, stem


def from_bytes(data: bytes, source: str, id: str, charset: str | None = None, **meta) -> Article:
    """One Article from text bytes; raises IngestError (E101 empty, E102 binary)."""
    text, flags = decode(data, source, charset)
    return make_article(id, text, source, flags=flags, **meta)


def iter_text_file(path: Path) -> Iterator[Article | Rejected]:
    source = str(path)
    try:
        yield from_bytes(read_bytes(path), source, stem(path))
    except IngestError as exc:
        yield Rejected(source, exc.message, exc.code)
