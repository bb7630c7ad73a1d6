"""The one write path: articles analysed, stored and linked into the claims across articles.

Every writer calls these: ``onrecord ingest`` and POST /api/articles (``write``), ``onrecord load``
(``load``: records analysed elsewhere, by the Spark job), ``onrecord reanalyze`` (``reanalyze``). Each
article is saved in its own transaction and caught on its own: one that cannot be analysed or stored is a
Rejected in the summary, and the rest go on. New articles are deduplicated by content hash before they
are analysed. Linking (``link.py``) runs once the articles are stored; when it fails the articles stay
stored and are linked by the next write or by ``onrecord claims link``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING

from ..errors import OnrecordError, StoreError
from ..models import Article, Record, Rejected
from ..settings import Options
from . import workers
from .analysis import analyze_safely, source_of
from .linking import link

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..store import Store

log = logging.getLogger(__name__)

Progress = Callable[[str], None]        # told "stored", "duplicate" or "skipped" for each article
PARALLEL_MIN = 8        # articles a worker below which a run stays in-process (a worker's start costs seconds)


@dataclass
class Saved:
    """One article of a write: where it is stored and what its analysis found."""

    article_id: str
    content_hash: str
    stored: bool                        # False: the same text was already stored (not analysed again)
    title: str | None = None
    url: str | None = None
    statements: int | None = None       # None when already stored
    claims: int | None = None


@dataclass
class Summary:
    """What a write did: counts, every article written or found stored, every skipped source and why."""

    stored: int = 0
    duplicates: int = 0
    skipped: list[Rejected] = field(default_factory=list)
    saved: list[Saved] = field(default_factory=list)
    linked: int = 0                     # articles folded into the claims across articles

    def text(self) -> str:
        head = f"stored {self.stored}, already stored {self.duplicates}, skipped {len(self.skipped)}"
        if not self.skipped:
            return head
        return head + ":\n" + "\n".join(f"  {r}" for r in self.skipped)


def write(items: Iterable[Article | Rejected], store: "Store", options: Options,
          pipeline: "Pipeline | None" = None, progress: Progress | None = None) -> Summary:
    """Analyse and store ``items``, then link what was stored.

    An article whose text is already stored (or came earlier in ``items``) is counted, not analysed
    again. The analysis runs as ``analyses`` decides: in ``options.workers`` processes,
    or here with ``pipeline`` (loaded from ``options`` when None). This process is the one writer."""
    summary, tick = Summary(), progress or (lambda _kind: None)
    seen: set[str] = set()

    def fresh() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejected):
                summary.skipped.append(item)
                tick("skipped")
            elif item.content_hash in seen:       # its id is known once the first copy is stored
                _duplicate(summary, item, None)
                tick("duplicate")
            elif (stored_as := store.article_id(item.content_hash)) is not None:
                _duplicate(summary, item, stored_as)
                tick("duplicate")
            else:
                seen.add(item.content_hash)
                yield item

    for result in analyses(fresh(), options, pipeline):
        tick(_save(result, store, summary))
    for saved in summary.saved:         # repeats within ``items``: stored as the first copy was
        if not saved.article_id:
            saved.article_id = store.article_id(saved.content_hash) or ""
    summary.saved = [saved for saved in summary.saved if saved.article_id]   # a repeat of a skipped one
    summary.linked = _link(store, summary.stored)
    return summary


def load(records: Iterable[Record | Rejected], store: "Store", progress: Progress | None = None) -> Summary:
    """Store records analysed elsewhere (the Spark job's output), each on its own, then link them; a
    Rejected among them (a row that could not be read) is counted as skipped."""
    summary, tick = Summary(), progress or (lambda _kind: None)
    for record in records:
        tick(_save(record, store, summary))
    summary.linked = _link(store, summary.stored)
    return summary


def reanalyze(store: "Store", pipeline: "Pipeline") -> int:
    """Analyse again the stored articles that another pipeline version analysed, then link them.

    Each article's entities, statements and claims are replaced in one transaction; the article row
    (id, text, stored_at) stays. One whose new analysis fails, or cannot be stored, keeps its old one
    (logged, not counted). Returns how many were re-analysed."""
    ids = store.stale(pipeline.version)
    articles = (store.record(article_id).article for article_id in ids)
    done = 0
    for article_id, result in zip(ids, analyze_safely(articles, pipeline)):
        if isinstance(result, Rejected):
            continue                            # logged by analyze_safely; the old analysis stays
        try:
            store.replace_analysis(article_id, result)
        except StoreError as exc:
            log.warning("%s: %s", article_id, exc)
            continue
        done += 1
    log.info("%s: re-analysed %d article(s) with %s", store.db, done, pipeline.version)
    _link(store, done)
    return done


def analyses(articles: Iterator[Article], options: Options, pipeline: "Pipeline | None" = None
             ) -> Iterator[Record | Rejected]:
    """The analyses of ``articles``, in order: in ``options.workers`` processes (each loads its own
    pipeline from ``options``), or in this process with ``pipeline`` (loaded from ``options`` when
    None and needed) when there is one worker or too few articles to be worth starting processes
    (fewer than ``PARALLEL_MIN`` a worker)."""
    n = options.workers
    if n > 1:
        head = list(islice(articles, PARALLEL_MIN * n))
        if len(head) == PARALLEL_MIN * n:
            return workers.analyze_parallel(chain(head, articles), options, n)
        articles = iter(head)
    return _in_process(articles, options, pipeline)


def _in_process(articles: Iterator[Article], options: Options, pipeline: "Pipeline | None"
                ) -> Iterator[Record | Rejected]:
    first = next(articles, None)
    if first is None:                   # nothing to analyse: the pipeline is not even loaded
        return
    if pipeline is None:
        from ..pipeline import load_pipeline
        pipeline = load_pipeline(options)
    yield from analyze_safely(chain([first], articles), pipeline)


def _duplicate(summary: Summary, article: Article, stored_as: str | None) -> None:
    summary.duplicates += 1
    summary.saved.append(Saved(stored_as or "", article.content_hash, False, article.title, article.url))


def _save(result: Record | Rejected, store: "Store", summary: Summary) -> str:
    """Save one analysis in its own transaction; a failure is this article's Rejected (E200)."""
    if isinstance(result, Rejected):
        summary.skipped.append(result)
        return "skipped"
    article = result.article
    try:
        stored = store.save(result)
        article_id = store.article_id(article.content_hash) or article.id
    except Exception as exc:  # noqa: BLE001 - one article's store failure must not stop the batch
        log.warning("%s: could not be stored: %s", source_of(article), exc)
        summary.skipped.append(Rejected(source_of(article), f"could not be stored: {exc}", "E200"))
        return "skipped"
    if not stored:
        _duplicate(summary, article, article_id)
        return "duplicate"
    summary.stored += 1
    summary.saved.append(Saved(article_id, article.content_hash, True, article.title, article.url,
                               len(result.statements), len(result.claims)))
    return "stored"


def _link(store: "Store", stored: int) -> int:
    """Link what was stored (``stored`` articles); how many articles were linked. A failure (say, the
    sentence encoder is missing) is logged: the articles are stored, and the next write or ``onrecord
    claims link`` links them."""
    if not stored:
        return 0
    try:
        return link(store)
    except OnrecordError as exc:
        log.warning("stored, but not yet linked into claims across articles: %s", exc)
        return 0
