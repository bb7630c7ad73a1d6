"""Writing records: one article per transaction, idempotent by content hash.

The rows come from the schema's column lists, so a column added in schema.py is written here by name.
"""
from __future__ import annotations

import json
import logging
from dataclasses import replace
from typing import Any

from ..errors import StoreError
from ..models import Record, Statement
from . import schema
from .base import Backend, now
from .keys import speaker_key
from .vectors import vector_bytes

log = logging.getLogger(__name__)


# -- the record as JSON -------------------------------------------------------------------------------

def record_json(record: Record) -> str:
    """The whole record as JSON, less the article text (kept once, in ``articles.text``).

    Text that is not valid Unicode (lone surrogates from undecodable input) cannot go into a TEXT
    column exactly; then the JSON keeps the text too, escaped, so ``record()`` still returns it exactly.
    """
    d = record.to_dict()
    text = d["article"].pop("text")
    if _encodable(text):
        return json.dumps(d, ensure_ascii=False)
    d["article"]["text"] = text
    return json.dumps(d, ensure_ascii=True)


def load_record(data: str, text: str) -> Record:
    d = json.loads(data)
    d["article"].setdefault("text", text)
    return Record.from_dict(d)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- rows ---------------------------------------------------------------------------------------------

def _span(span, name: str) -> dict[str, Any]:
    return {f"{name}_start": None if span is None else span[0], f"{name}_end": None if span is None else span[1]}


def _statement_row(article_id: str, s: Statement) -> dict[str, Any]:
    return {"article_id": article_id, "id": s.id, "type": s.type, "act": s.act, "content": s.content,
            **_span(s.content_span, "content"), "cue": s.cue, **_span(s.cue_span, "cue"),
            "speaker": s.speaker, "speaker_text": s.speaker_text, **_span(s.speaker_span, "speaker"),
            "nested_in": s.nested_in, "addressee": s.addressee, **_span(s.addressee_span, "addressee"),
            "venue": s.venue, "via": s.via,
            "negated": bool(s.negated), "confidence": s.confidence}


def record_rows(article_id: str, record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows of every record table for one article, keyed by table name."""
    return {
        "entities": [{"article_id": article_id, "id": e.id, "name": e.name, "name_key": speaker_key(e.name),
                      "kind": e.kind, "titles": json.dumps(list(e.titles), ensure_ascii=False),
                      "affiliations": json.dumps(list(e.affiliations), ensure_ascii=False),
                      "mentions": json.dumps([list(m) for m in e.mentions])} for e in record.entities],
        "statements": [_statement_row(article_id, s) for s in record.statements],
        "claims": [{"article_id": article_id, "id": c.id, "text": c.text, "polarity": c.polarity,
                    "vector": vector_bytes(c.vector)} for c in record.claims],
        "stances": [{"article_id": article_id, "claim_id": c.id, "statement_id": st.statement,
                     "speaker": st.speaker, "stance": st.stance} for c in record.claims for st in c.stances],
    }


def _article_row(record: Record, content_hash: str) -> dict[str, Any]:
    a = record.article
    return {"id": a.id, "content_hash": content_hash, "source": a.source, "url": a.url, "title": a.title,
            "outlet": a.outlet, "author": a.author, "published": a.published, "language": a.language,
            "license": a.license, "flags": json.dumps(list(a.flags), ensure_ascii=False), "text": a.text,
            "pipeline": record.pipeline, "stored_at": now(), "record_json": record_json(record)}


def _insert(backend: Backend, table: schema.Table, row: dict[str, Any]) -> None:
    backend.execute(schema.insert_sql(table), [row[name] for name in table.column_names])


def _insert_parts(backend: Backend, article_id: str, record: Record) -> None:
    rows = record_rows(article_id, record)
    for table in schema.RECORD_TABLES:
        for row in rows[table.name]:
            _insert(backend, table, row)


# -- saving -------------------------------------------------------------------------------------------

def free_id(backend: Backend, article_id: str, content_hash: str) -> str:
    """The article's own id, or ``id-<hash prefix>`` when a different text already holds that id."""
    for candidate in (article_id, f"{article_id}-{content_hash[:8]}", f"{article_id}-{content_hash[:16]}",
                      f"{article_id}-{content_hash}"):
        if backend.scalar("SELECT 1 FROM articles WHERE id = ?", (candidate,)) is None:
            return candidate
    raise StoreError(f"no free id for article {article_id!r}", source=article_id)  # pragma: no cover


def save(backend: Backend, record: Record) -> bool:
    """Store one record in one transaction. False when its content hash is already stored."""
    content_hash = record.article.content_hash
    try:
        with backend.transaction():
            if backend.scalar("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)):
                return False
            article_id = free_id(backend, record.article.id, content_hash)
            if article_id != record.article.id:
                log.warning("article id %r is taken by another text; storing as %r",
                            record.article.id, article_id)
                record = replace(record, article=replace(record.article, id=article_id))
            _insert(backend, schema.ARTICLES, _article_row(record, content_hash))
            _insert_parts(backend, article_id, record)
    except backend.integrity_errors as exc:
        if backend.is_unique_violation(exc, "articles.content_hash"):
            return False                              # stored meanwhile by another process
        raise StoreError(f"article {record.article.id!r} not stored: {exc}",
                         source=record.article.source or record.article.id) from exc
    return True


def replace_analysis(backend: Backend, article_id: str, record: Record) -> None:
    """Swap one stored article's entities, statements and claims for ``record``'s, in one transaction."""
    record = replace(record, article=replace(record.article, id=article_id))
    try:
        with backend.transaction():
            for table in reversed(schema.RECORD_TABLES):
                backend.execute(f"DELETE FROM {table.name} WHERE article_id = ?", (article_id,))
            _insert_parts(backend, article_id, record)
            backend.execute("UPDATE articles SET pipeline = ?, record_json = ? WHERE id = ?",
                            (record.pipeline, record_json(record), article_id))
    except backend.integrity_errors as exc:
        raise StoreError(f"article {article_id!r} not re-analysed: {exc}", source=article_id) from exc
