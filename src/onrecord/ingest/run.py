"""Batch runs over ingested articles: analyse safely (one failure is one Rejected) and store.

These hold the logic of `onrecord extract` and `onrecord ingest`, so the CLI only parses and renders.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from ..core import analyze, analyze_many
from ..models import Article, Record, Rejected

log = logging.getLogger(__name__)

Item = Article | Rejected
PARALLEL_MIN = 8        # articles a worker below which a run stays in-process (a worker's start costs seconds)


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
           progress: Callable[[str], None] | None = None, workers: int = 1) -> Summary:
    """Analyse and store; articles whose content hash is already stored are not analysed again.

    ``workers`` > 1: the analysis runs in that many processes (each loads the pipeline once, from
    ``pipeline.options``); this process stays the one writer, saving each record in its own
    transaction, in input order. ``pipeline`` may then be the Options alone, so the parent never
    loads the model."""
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

    results = _analyses(fresh(), pipeline, workers)
    for result in results:
        kind = _save(result, store, summary)
        tick(kind)
    if summary.stored:
        _link_claims(store)
    return summary


def _analyses(articles: Iterator[Article], pipeline, workers: int) -> Iterator[Record | Rejected]:
    """In-process with one worker, or when the input is too short to be worth starting processes
    (fewer than ``PARALLEL_MIN`` articles a worker); else in ``workers`` processes."""
    if workers > 1:
        head = list(islice(articles, PARALLEL_MIN * workers))
        if len(head) == PARALLEL_MIN * workers:
            return analyze_parallel(chain(head, articles), getattr(pipeline, "options", pipeline), workers)
        articles = iter(head)
    if not hasattr(pipeline, "nlp"):
        from ..nlp.pipeline import load_pipeline
        pipeline = load_pipeline(pipeline)
    return analyze_safely(articles, pipeline)


# -- analysis in worker processes --------------------------------------------------------------------

_worker_pipeline = None


def _init_worker(options) -> None:
    """Pool initializer: one thread per process (the processes are the parallelism), then the
    pipeline, loaded once for the life of the worker."""
    global _worker_pipeline
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TOKENIZERS_PARALLELISM"):
        os.environ[var] = "false" if var == "TOKENIZERS_PARALLELISM" else "1"
    try:
        import torch
        torch.set_num_threads(1)
    except ImportError:
        pass
    from ..nlp.pipeline import load_pipeline
    try:
        _worker_pipeline = load_pipeline(options)
    except Exception as exc:  # noqa: BLE001 - raised again with the first batch, in the parent
        _worker_pipeline = exc   # (an initializer that raises makes Pool restart workers forever)


def _analyze_batch(articles: list[Article]) -> list[Record | Rejected]:
    if isinstance(_worker_pipeline, Exception):
        raise _worker_pipeline
    return list(analyze_safely(articles, _worker_pipeline))


def analyze_parallel(articles: Iterable[Article], options, workers: int,
                     batch: int = 8) -> Iterator[Record | Rejected]:
    """analyze_safely in ``workers`` processes, over batches of ``batch`` articles; yields in input
    order. At most 2 batches a worker are in flight, so memory stays bounded on any corpus, and the
    input is read in this (the calling) thread only (it may touch the store)."""
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    pending: deque = deque()
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(options,))
    try:
        it = iter(articles)
        while group := list(islice(it, batch)):
            pending.append(pool.apply_async(_analyze_batch, (group,)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()        # after close(): the idle workers just exit
        pool.join()


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
