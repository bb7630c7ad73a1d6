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
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.connection import wait as mp_wait
from typing import Any

from ..core import analyze, analyze_many
from ..errors import PipelineError
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
        log.warning("%s: analysis failed: %s", _source(article), exc)
        return Rejected(_source(article), f"analysis failed: {type(exc).__name__}: {exc}",
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
#
# Each worker is a process with a pipe of its own and does one batch at a time, so when it dies (SIGKILL,
# the OOM killer) its pipe ends, even halfway through a reply, and the batch it held is known.
# (concurrent.futures.ProcessPoolExecutor shares one result pipe among its workers: a worker killed
# halfway through sending a result leaves the pool waiting for the rest of that message forever.)

_worker_pipeline = None
_FAILED_STARTS = 3      # workers in a row that die before their pipeline loads: the run stops


def _init_worker(options) -> None:
    """Worker start: one thread per process (the processes are the parallelism), then the pipeline,
    loaded once for the life of the worker."""
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
        _worker_pipeline = exc


def _analyze_batch(articles: list[Article]) -> list[Record | Rejected]:
    if isinstance(_worker_pipeline, Exception):
        raise _worker_pipeline
    return list(analyze_safely(articles, _worker_pipeline))


def _serve(conn, options, work: Callable[[list[Article]], list]) -> None:
    """A worker process: load the pipeline, say ("ready", None), then answer each batch with ("ok",
    results) or ("error", exception) until told to stop (None) or the parent is gone. ``work`` is
    _analyze_batch (passed, so that a test can give a worker another one)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)        # Ctrl-C is the parent's to handle
    _init_worker(options)
    conn.send(("ready", None))
    while True:
        try:
            articles = conn.recv()
        except EOFError:
            return
        if articles is None:
            return
        try:
            reply = ("ok", work(articles))
        except Exception as exc:  # noqa: BLE001 - the parent raises it (the pipeline did not load)
            reply = ("error", exc)
        conn.send(reply)


@dataclass(eq=False)
class _Batch:
    """Articles analysed together; ``deaths``: workers that died analysing them."""

    articles: list[Article]
    deaths: int = 0
    results: list[Record | Rejected] | None = None

    def name(self) -> str:
        first, last = self.articles[0], self.articles[-1]
        return _source(first) if first is last else f"{_source(first)} .. {_source(last)}"


class _Worker:
    """One worker process, its end of the pipe, and the batch it holds."""

    def __init__(self, ctx, options):
        self.conn, theirs = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(theirs, options, _analyze_batch), daemon=True)
        self.process.start()
        theirs.close()                  # the worker holds the only other end: its death is our EOF
        self.ready = False              # its pipeline has loaded
        self.batch: _Batch | None = None

    def send(self, batch: _Batch) -> bool:
        """Hand ``batch`` to this idle worker; False if it is dead."""
        try:
            self.conn.send(batch.articles)
        except OSError:                 # BrokenPipeError, ConnectionResetError
            return False
        self.batch = batch
        return True

    def receive(self) -> str | None:
        """Take what the worker sent (it is there): "ready" or "ok"; None if the worker died instead."""
        try:
            status, payload = self.conn.recv()
        except (EOFError, OSError):     # died before replying, or halfway through the reply
            return None
        if status == "error":
            raise payload
        if status == "ready":
            self.ready = True
        else:
            self.batch.results, self.batch = payload, None
        return status

    def death(self) -> str:
        """How the (dead) worker ended: "signal SIGKILL", "exit status 1"."""
        self.process.join(5)
        code = self.process.exitcode
        if code is None:
            return "cause unknown"
        if code < 0:
            try:
                return f"signal {signal.Signals(-code).name}"
            except ValueError:
                return f"signal {-code}"
        return f"exit status {code}"

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class _Crew:
    """The workers of one parallel run and the batches of articles they analyse. ``window`` holds the
    batches in input order until their results are taken; ``waiting`` those that wait for a worker."""

    def __init__(self, options, workers: int):
        self.options = options
        self.ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.workers = [_Worker(self.ctx, options) for _ in range(workers)]
        self.window: list[_Batch] = []
        self.waiting: deque[_Batch] = deque()
        self.failed_starts = 0

    def add(self, articles: list[Article]) -> None:
        self.window.append(_Batch(articles))
        self.waiting.append(self.window[-1])

    def done(self) -> list[Record | Rejected]:
        """The results at the head of the window that are in, in input order; they leave the window."""
        results = []
        while self.window and self.window[0].results is not None:
            results += self.window.pop(0).results
        return results

    def dispatch(self) -> None:
        """Give every idle worker a waiting batch."""
        for at in range(len(self.workers)):
            while self.workers[at].batch is None and self.waiting:
                batch = self.waiting.popleft()
                if self.workers[at].send(batch):
                    break
                self.waiting.appendleft(batch)
                self._replace(self.workers[at])

    def collect(self) -> None:
        """Wait until a worker sends something or dies; take what they sent, replace the dead."""
        ready = set(mp_wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]))
        for worker in list(self.workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                status = worker.receive()
                if status is None:
                    self._replace(worker)
                elif status == "ready":
                    self.failed_starts = 0

    def _replace(self, dead: _Worker) -> None:
        """A fresh worker for a dead one. The batch it held goes again; after a second death its
        articles go one at a time, and an article a worker dies on by itself is a Rejected (E302)."""
        death, lost = dead.death(), dead.batch
        dead.stop(kill=True)
        self.workers[self.workers.index(dead)] = _Worker(self.ctx, self.options)
        if not dead.ready:              # it died loading the pipeline: not the batch's doing
            self.failed_starts += 1
            if self.failed_starts >= _FAILED_STARTS:
                raise PipelineError(f"{self.failed_starts} analysis workers in a row died loading the "
                                    f"pipeline ({death}): short of memory? Try fewer --workers")
            log.warning("an analysis worker died loading the pipeline (%s); started a fresh one", death)
            if lost is not None:
                self.waiting.appendleft(lost)
        elif lost is None:
            log.warning("an idle analysis worker died (%s); started a fresh one", death)
        else:
            self._lost(lost, death)

    def _lost(self, lost: _Batch, death: str) -> None:
        lost.deaths += 1
        if lost.deaths < 2:
            log.warning("%s: the analysis worker died (%s); analysing again in a fresh worker",
                        lost.name(), death)
            self.waiting.appendleft(lost)
        elif len(lost.articles) == 1:
            source = lost.name()
            log.warning("%s: the analysis worker died (%s) on this article alone; skipped it", source, death)
            lost.results = [Rejected(source, f"analysis worker died ({death})", code="E302")]
        else:
            log.warning("%s: the analysis worker died (%s), the second time on these %d articles; "
                        "analysing them one at a time", lost.name(), death, len(lost.articles))
            alone = [_Batch([article], deaths=1) for article in lost.articles]
            at = self.window.index(lost)
            self.window[at:at + 1] = alone
            self.waiting.extendleft(reversed(alone))

    def stop(self, kill: bool = False) -> None:
        for worker in self.workers:
            worker.stop(kill)


def _source(article: Article) -> str:
    return article.source or article.id


def analyze_parallel(articles: Iterable[Article], options, workers: int,
                     batch: int = 8) -> Iterator[Record | Rejected]:
    """analyze_safely in ``workers`` processes, over batches of ``batch`` articles; yields in input
    order. At most 2 batches a worker are held, so memory stays bounded on any corpus, and the input
    is read in this (the calling) thread only (it may touch the store).

    A worker that dies (SIGKILL, the OOM killer) is replaced, and the batch it held is analysed again.
    A batch that two workers died on is split, its articles analysed one at a time, and an article that
    a worker dies on by itself is a Rejected (E302): the run goes on and stores the rest. Workers that
    keep dying before their pipeline has loaded stop the run (PipelineError)."""
    crew = _Crew(options, workers)
    it = iter(articles)
    finished = False
    try:
        while True:
            while len(crew.window) < 2 * workers and (group := list(islice(it, batch))):
                crew.add(group)
            if not crew.window:
                break
            crew.dispatch()
            crew.collect()
            yield from crew.done()
        finished = True
    finally:
        crew.stop(kill=not finished)


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
    source = _source(result.article)
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
