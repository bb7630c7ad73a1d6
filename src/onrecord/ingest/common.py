"""Helpers every source kind shares: decoding, binary detection, language, ids, gzip."""
from __future__ import annotations

import gzip
import logging
import re
import zlib
from pathlib import Path

from ..errors import IngestError

log = logging.getLogger(__name__)

FLAG_INVALID_UTF8 = "invalid-utf8"
# A few stray NUL bytes in a text are replaced and flagged (``article.make_article``), in a file, a
# JSONL line and a POST alike; more than this (or than 1 % of the sniffed head) is a binary file.
FLAG_NUL = "nul-bytes"
MAX_STRAY_NULS = 8
_SNIFF = 8192
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_LANGID_CHARS = 5000


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when its name ends in .gz."""
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
        return data
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"could not read: {exc}", code="E100", source=str(path)) from exc


def check_text_bytes(data: bytes, source: str) -> None:
    """Raise E101 for empty input and E102 for binary input (many NUL bytes or mostly non-text)."""
    if not data.strip():
        raise IngestError("empty input", code="E101", source=source)
    head = data[:_SNIFF]
    if head.count(b"\x00") > max(MAX_STRAY_NULS, len(head) // 100):
        raise IngestError("binary input (NUL bytes): not a text file", code="E102", source=source)
    sample = head.decode("utf-8", errors="replace")
    if len(_CONTROL.findall(sample)) > 0.3 * len(sample):
        raise IngestError("binary input (mostly non-text bytes)", code="E102", source=source)


def decode(data: bytes, source: str, charset: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode as UTF-8 (or the declared charset); invalid bytes become U+FFFD and flag the article."""
    check_text_bytes(data, source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(charset), ()
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %s failed; trying UTF-8", source, charset)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        log.warning("%s: invalid UTF-8, decoded with replacement characters", source)
        return data.decode("utf-8", errors="replace"), (FLAG_INVALID_UTF8,)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None for text too short to tell."""
    sample = text[:_LANGID_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    import py3langid  # imported here: loading its model takes a moment
    lang, _score = py3langid.classify(sample)
    return lang


def stem(path: Path) -> str:
    """File name without its kind suffixes: 'a/b.html.gz' -> 'b'."""
    name = path.name
    for suffix in (".gz", ".html", ".htm", ".txt", ".jsonl", ".warc", ".xml", ".rss", ".atom"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


_SLUG = re.compile(r"[^A-Za-z0-9]+")


def id_from_url(url: str) -> str:
    """A readable id from a URL: host plus the last path segment, e.g. 'example.org-some-story'."""
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    tail = segments[-1] if segments else ""
    slug = _SLUG.sub("-", f"{parts.hostname or ''} {tail} {parts.query}").strip("-")
    return slug[:120] or "url"
