"""Batch runs over ingested articles: analyse safely (one failure is one Rejected) and store.

These hold the logic of `onrecord extract` and `onrecord ingest`, so the CLI only parses and renders.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..core import analyze, analyze_many
from ..models import Article, Record, Rejected

log = logging.getLogger(__name__)

Item = Article | Rejected


@dataclass
class Summary:
    """What a run did: counts, and every skipped source with its reason."""

    stored: int = 0
    duplicates: int = 0
    skipped: list[Rejected] = field(default_factory=list)

    def text(self) -> str:
        head = f"stored {self.stored}, already stored {self.duplicates}, skipped {len(self.skipped)}"
        if not self.skipped:
            return head
        return head + ":\n" + "\n".join(f"  {r}" for r in self.skipped)


def analyze_safely(articles: Iterable[Article], pipeline, batch_size: int | None = None
                   ) -> Iterator[Record | Rejected]:
    """analyze_many in groups; when a group fails, its articles are analysed one by one and the one
    that fails becomes a Rejected (E300), so a batch never stops on one article."""
    size = batch_size or pipeline.options.batch_size
    it = iter(articles)
    while group := list(islice(it, size)):
        try:
            results = list(analyze_many(group, pipeline, size))
        except Exception:  # noqa: BLE001 - find the article at fault below
            log.debug("a batch failed; analysing its %d articles one by one", len(group), exc_info=True)
            results = [_analyze_one(article, pipeline) for article in group]
        yield from results


def _analyze_one(article: Article, pipeline) -> Record | Rejected:
    try:
        return analyze(article, pipeline)
    except Exception as exc:  # noqa: BLE001 - reported as a Rejected with its reason
        log.warning("%s: analysis failed: %s", article.source or article.id, exc)
        return Rejected(article.source or article.id, f"analysis failed: {type(exc).__name__}: {exc}",
                        "E300")


def extract(items: Iterable[Item], pipeline, skipped: list[Rejected]) -> Iterator[Record]:
    """Records of the articles in ``items``; every Rejected (ingest or analysis) goes to ``skipped``."""
    def articles():
        for item in items:
            if isinstance(item, Rejected):
                skipped.append(item)
            else:
                yield item
    for result in analyze_safely(articles(), pipeline):
        if isinstance(result, Rejected):
            skipped.append(result)
        else:
            yield result


def ingest(items: Iterable[Item], store: Any, pipeline,
           progress: Callable[[str], None] | None = None) -> Summary:
    """Analyse and store; articles whose content hash is already stored are not analysed again."""
    summary, seen = Summary(), set()
    tick = progress or (lambda _kind: None)

    def fresh():
        for item in items:
            if isinstance(item, Rejected):
                summary.skipped.append(item)
                tick("skipped")
            elif item.content_hash in seen or store.has(item.content_hash):
                summary.duplicates += 1
                tick("duplicate")
            else:
                seen.add(item.content_hash)
                yield item

    for result in analyze_safely(fresh(), pipeline):
        kind = _save(result, store, summary)
        tick(kind)
    if summary.stored:
        _link_claims(store)
    return summary


def _link_claims(store: Any) -> None:
    """Fold the new articles' claims into the claims across articles (and known fact-checks).

    A failure here (say, the sentence encoder is missing) is logged: the articles are stored, and
    `onrecord claims link` or the next ingest links them."""
    from ..errors import OnrecordError
    try:
        from ..store import claims as board
        linked = board.link_pending(store)
        log.info("linked %d article(s) into claims across articles", linked)
    except (OnrecordError, AttributeError) as exc:
        log.warning("stored, but not yet linked into claims across articles: %s", exc)


def _save(result: Record | Rejected, store: Any, summary: Summary) -> str:
    if isinstance(result, Rejected):
        summary.skipped.append(result)
        return "skipped"
    source = result.article.source or result.article.id
    try:
        stored = store.save(result)
    except Exception as exc:  # noqa: BLE001 - one article's store failure must not stop the batch
        log.warning("%s: could not be stored: %s", source, exc)
        summary.skipped.append(Rejected(source, f"could not be stored: {exc}", "E200"))
        return "skipped"
    if stored:
        summary.stored += 1
        return "stored"
    summary.duplicates += 1
    return "duplicate"
