"""Ingestion: sources (files, directories, globs, URLs, feeds, WARC, JSONL, stdin) to Articles.

``iter_articles(sources, options)`` yields, in order, an ``Article`` for every article read and a
``Rejected(source, reason, code)`` for everything that could not be read. It never raises for a bad
input: a batch goes on past it.
"""
from __future__ import annotations

import glob
import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from ..models import Article, Rejected
from ..settings import Options
from . import feed, html, jsonl, stdin, text, url, warc
from .common import read_bytes
from .http import is_url

log = logging.getLogger(__name__)

# File name endings and the kind each one is read as (longest match wins).
SUFFIX_KINDS = {
    ".txt": "text", ".txt.gz": "text",
    ".html": "html", ".htm": "html", ".html.gz": "html", ".htm.gz": "html",
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".warc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_GLOB_CHARS = set("*?[")


def iter_articles(sources: list[str], options: Options | None = None) -> Iterator[Article | Rejected]:
    """Every article in ``sources``, in order, or a Rejected for what could not be read."""
    options = options or Options.from_env()
    for source in sources:
        yield from iter_source(source, options)


def iter_source(source: str, options: Options) -> Iterator[Article | Rejected]:
    if source == "-":
        yield from stdin.iter_stdin()
    elif is_url(source):
        yield from url.iter_url(source, options)
    elif Path(source).is_dir():
        yield from _iter_dir(Path(source), options)
    elif Path(source).exists():
        yield from iter_file(Path(source), options)
    elif _GLOB_CHARS & set(source):
        yield from _iter_glob(source, options)
    else:
        yield Rejected(source, "no such file or directory", "E100")


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    matches = [s for s in SUFFIX_KINDS if name.endswith(s)]
    return SUFFIX_KINDS[max(matches, key=len)] if matches else None


def iter_file(path: Path, options: Options) -> Iterator[Article | Rejected]:
    """One file, read as the kind its name says (or, for an unknown ending, as its content says)."""
    kind = kind_of(path) or _sniff(path)
    log.debug("%s: reading as %s", path, kind)
    if kind == "text":
        yield from text.iter_text_file(path)
    elif kind == "html":
        yield from html.iter_html_file(path)
    elif kind == "jsonl":
        yield from jsonl.iter_jsonl_file(path)
    elif kind == "warc":
        yield from warc.iter_warc_file(path)
    elif kind == "feed":
        yield from _feed_or_page(path, options)
    else:
        yield Rejected(str(path), "unsupported source kind", "E109")


def _feed_or_page(path: Path, options: Options) -> Iterator[Article | Rejected]:
    """.xml files are feeds when they look like one; anything else with that ending is unsupported."""
    try:
        head = read_bytes(path)[:4096]
    except IngestError as exc:
        yield Rejected(str(path), exc.message, exc.code)
        return
    if feed.looks_like_feed(head) or path.suffix.lower() in (".rss", ".atom"):
        yield from feed.iter_feed_file(path, options)
    else:
        yield Rejected(str(path), "XML that is not an RSS or Atom feed", "E109")


def _sniff(path: Path) -> str:
    """The kind of a file whose name does not say: HTML, feed or (by default) text."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).lstrip().lower()
    except OSError:
        return "text"
    if feed.looks_like_feed(head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    if head.startswith(b"warc/"):
        return "warc"
    return "text"


def _iter_dir(root: Path, options: Options) -> Iterator[Article | Rejected]:
    """Files under ``root`` of a known kind, recursively, in sorted order; hidden files are left out."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and kind_of(p)
                   and not any(part.startswith(".") for part in p.relative_to(root).parts))
    for path in files:
        yield from iter_file(path, options)


def _iter_glob(pattern: str, options: Options) -> Iterator[Article | Rejected]:
    paths = sorted(glob.glob(pattern, recursive=True))
    if not paths:
        yield Rejected(pattern, "no file matches this pattern", "E100")
    for p in paths:
        path = Path(p)
        yield from (_iter_dir(path, options) if path.is_dir() else iter_file(path, options))


__all__ = ["iter_articles", "iter_source", "iter_file", "kind_of", "SUFFIX_KINDS"]
