"""Batch runs over ingested articles: analyse safely (one failure is one Rejected) and store.

These hold the logic of `onrecord extract` and `onrecord ingest`, so the CLI only parses and renders.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
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


def analyze_items(items: Iterable[Item], pipeline) -> Iterator[Record | Rejected]:
    """analyze_safely over the articles among ``items``; each Rejected among them is passed on, in
    order, before the result of the next article (``extract`` and the Spark job read through this)."""
    rejects: deque[Rejected] = deque()

    def articles():
        for item in items:
            if isinstance(item, Rejected):
                rejects.append(item)
            else:
                yield item
    for result in analyze_safely(articles(), pipeline):
        while rejects:
            yield rejects.popleft()
        yield result
    yield from rejects


def extract(items: Iterable[Item], pipeline, skipped: list[Rejected]) -> Iterator[Record]:
    """Records of the articles in ``items``; every Rejected (ingest or analysis) goes to ``skipped``."""
    for result in analyze_items(items, pipeline):
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
_BREAKS = 2             # deaths a batch may be in flight at before its articles go one at a time


def _init_worker(options) -> None:
    """Worker initializer: one thread per process (the processes are the parallelism), then the
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
        _worker_pipeline = exc   # (an initializer that raises breaks the pool, hiding the error)


def _analyze_batch(articles: list[Article]) -> list[Record | Rejected]:
    if isinstance(_worker_pipeline, Exception):
        raise _worker_pipeline
    return list(analyze_safely(articles, _worker_pipeline))


@dataclass
class _Batch:
    """Articles sent to a worker together; ``breaks``: worker deaths they were in flight at."""

    articles: list[Article]
    future: Future | None = None
    breaks: int = 0

    def lost(self) -> bool:
        """Whether the pool broke before this batch's result came back (asked once the pool is down)."""
        future = self.future
        return future is not None and (not future.done() or future.cancelled()
                                       or isinstance(future.exception(), BrokenProcessPool))

    def name(self) -> str:
        first, last = self.articles[0], self.articles[-1]
        return _source(first) if first is last else f"{_source(first)} .. {_source(last)}"


class _Workers:
    """A process pool that is replaced when one of its processes dies (the pool is broken then)."""

    def __init__(self, options, workers: int):
        self.options, self.workers = options, workers
        self.ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.ctx, initializer=_init_worker,
                                   initargs=(self.options,))

    def submit(self, batch: _Batch) -> None:
        batch.future = self.pool.submit(_analyze_batch, batch.articles)

    def restart(self) -> str:
        """A fresh pool in place of a broken one; returns how the worker died ("signal SIGKILL")."""
        death = self.stop()
        self.pool = self._start()
        return death

    def stop(self, kill: bool = False) -> str:
        """Shut the pool down (``kill``: without waiting for work in flight); how a worker died, if one did."""
        processes = getattr(self.pool, "_processes", None) or {}  # private, but only it has the exit codes
        if kill:
            for process in list(processes.values()):
                process.kill()
        self.pool.shutdown(wait=True, cancel_futures=kill)
        return _death([process.exitcode for process in processes.values()])

    def alone(self, article: Article) -> Record | Rejected:
        """One article with nothing else in flight: if a worker dies now, this article killed it."""
        try:
            future = self.pool.submit(_analyze_batch, [article])
        except BrokenProcessPool:               # a worker died idle, before this article was sent
            log.warning("an analysis worker died (%s); restarted the workers", self.restart())
            future = self.pool.submit(_analyze_batch, [article])
        try:
            return future.result()[0]
        except BrokenProcessPool:
            death = self.restart()
            log.warning("%s: the analysis worker died (%s) on this article alone; skipped it",
                        _source(article), death)
            return Rejected(_source(article), f"analysis worker died ({death})", code="E302")


def _death(exitcodes: list[int | None]) -> str:
    """How a worker died, from the pool's exit codes (the pool stops the survivors with SIGTERM)."""
    dead = [c for c in exitcodes if c not in (None, 0)]
    code = next((c for c in dead if c != -signal.SIGTERM), dead[0] if dead else None)
    if code is None:
        return "cause unknown"
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"


def _source(article: Article) -> str:
    return article.source or article.id


def analyze_parallel(articles: Iterable[Article], options, workers: int,
                     batch: int = 8) -> Iterator[Record | Rejected]:
    """analyze_safely in ``workers`` processes, over batches of ``batch`` articles; yields in input
    order. At most 2 batches a worker are in flight, so memory stays bounded on any corpus, and the
    input is read in this (the calling) thread only (it may touch the store).

    A worker that dies (SIGKILL, the OOM killer) breaks the pool: a fresh one starts and the batches
    that were in flight are sent again. A batch in flight at two deaths has its articles analysed one
    at a time with nothing else in flight, and an article whose worker dies then is a Rejected (E302):
    the run goes on, and every other article is analysed once it succeeds."""
    pool = _Workers(options, workers)
    window: deque[_Batch] = deque()
    it = iter(articles)
    finished = False
    try:
        while True:
            while len(window) < 2 * workers and (group := list(islice(it, batch))):
                window.append(_Batch(group))
            if not window:
                break
            if window[0].breaks >= _BREAKS:
                _settle(pool, window)
                yield from (pool.alone(article) for article in window.popleft().articles)
                continue
            try:
                for waiting in window:
                    if waiting.future is None and waiting.breaks < _BREAKS:
                        pool.submit(waiting)
                results = window[0].future.result()
            except BrokenProcessPool:             # from submit too: the pool broke with no result due
                _recover(pool, window)
                continue
            window.popleft()
            yield from results
        finished = True
    finally:
        pool.stop(kill=not finished)


def _settle(pool: _Workers, window: deque[_Batch]) -> None:
    """Wait for every batch in flight (so what runs next runs alone), recovering if the pool breaks."""
    wait([b.future for b in window if b.future is not None])
    if any(b.lost() for b in window):
        _recover(pool, window)


def _recover(pool: _Workers, window: deque[_Batch]) -> None:
    """After a worker died: a fresh pool; the batches lost with the old one count a death and go again."""
    death = pool.restart()
    lost = [b for b in window if b.lost()]
    for b in lost:
        b.breaks, b.future = b.breaks + 1, None
    log.warning("an analysis worker died (%s); restarted the workers, analysing again: %s",
                death, "; ".join(b.name() for b in lost) or "nothing was in flight")
    for b in lost:
        if b.breaks >= _BREAKS:
            log.warning("%s: in flight at %d worker deaths; analysing these articles one at a time",
                        b.name(), b.breaks)


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
