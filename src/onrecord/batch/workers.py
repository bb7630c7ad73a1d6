"""Analysis in worker processes: ``analyze_parallel`` (``onrecord ingest --workers N``).

Each worker is a process with a pipe of its own and does one batch at a time, so when it dies (SIGKILL,
the OOM killer) its pipe ends, even halfway through a reply, and the batch it held is known.
(concurrent.futures.ProcessPoolExecutor shares one result pipe among its workers: a worker killed
halfway through sending a result leaves the pool waiting for the rest of that message forever.)
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import wait as mp_wait

from ..errors import PipelineError
from ..models import Article, Record, Rejected
from ..settings import Options
from .analysis import analyze_safely, pipeline_for, source_of

log = logging.getLogger(__name__)

_worker_pipeline = None
_WARM_UP = Article(id="warm-up", text="The mayor said on Monday that the bridge would reopen.")
_FAILED_STARTS = 3      # workers in a row that die before their pipeline loads: the run stops


def _init_worker(options: Options) -> None:
    """Worker start: one thread (the processes are the parallelism), then the pipeline, loaded once for
    the life of the worker and run once on a line of text, so that an article's time limit does not
    pay for the first use of its models; a failure to load is kept and raised with the first batch, in
    the parent."""
    global _worker_pipeline
    try:
        _worker_pipeline = pipeline_for(options)
        list(analyze_safely([_WARM_UP], _worker_pipeline))     # loads what loads lazily (the encoders)
    except Exception as exc:  # noqa: BLE001 - raised again with the first batch, in the parent
        _worker_pipeline = exc


def _analyze_batch(articles: list[Article]) -> list[Record | Rejected]:
    if isinstance(_worker_pipeline, Exception):
        raise _worker_pipeline
    try:
        return list(analyze_safely(articles, _worker_pipeline))
    finally:
        _trim()


def _trim() -> None:
    """Give the heap's free pages back to the system (glibc ``malloc_trim``): a batch's parses and
    vectors leave the heap fragmented, and a worker's resident size grew about 100 MB every 80 Tehran
    Times articles without it, 25 MB with it (docs/benchmarks.md). Nothing where there is no glibc."""
    global _libc
    if _libc is None:
        import ctypes
        import ctypes.util
        try:
            _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _libc.malloc_trim.argtypes = [ctypes.c_size_t]
        except (OSError, AttributeError):
            _libc = False
    if _libc:
        _libc.malloc_trim(0)


_libc = None


def resident_mb(pid: int) -> float:
    """A process's resident size in MB (from /proc; 0 where there is none)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _serve(conn, options, work: Callable[[list[Article]], list]) -> None:
    """A worker process: load the pipeline, say ("ready", None), then answer each batch with ("ok",
    results) or ("error", exception) until told to stop (None) or the parent is gone. ``work`` is
    _analyze_batch (passed, so that a test can give a worker another one). A parent that died (its end
    of the pipe closed or reset) ends the worker quietly: no BrokenPipe traceback on the terminal."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)        # Ctrl-C is the parent's to handle
    _init_worker(options)
    try:
        conn.send(("ready", None))
        while True:
            articles = conn.recv()
            if articles is None:
                return
            try:
                reply = ("ok", work(articles))
            except Exception as exc:  # noqa: BLE001 - the parent raises it (the pipeline did not load)
                reply = ("error", exc)
            conn.send(reply)
    except (EOFError, OSError):     # the parent is gone: BrokenPipeError, ConnectionResetError, EOF
        return


@dataclass(eq=False)
class _Batch:
    """Articles analysed together; ``deaths``: workers that died analysing them."""

    articles: list[Article]
    deaths: int = 0
    results: list[Record | Rejected] | None = None

    def name(self) -> str:
        first, last = self.articles[0], self.articles[-1]
        return source_of(first) if first is last else f"{source_of(first)} .. {source_of(last)}"


class _Worker:
    """One worker process, its end of the pipe, and the batch it holds."""

    def __init__(self, ctx, options):
        self.seconds = options.article_seconds     # analysis time an article may take (0: no limit)
        self.deadline: float | None = None         # when the batch it holds is overdue
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
        self._start_clock()
        return True

    def _start_clock(self) -> None:
        """The batch's time starts when the worker holds it and its pipeline has loaded."""
        if self.batch is not None and self.ready and self.seconds > 0:
            self.deadline = time.monotonic() + self.seconds * len(self.batch.articles)

    def overdue(self, now: float) -> bool:
        return self.batch is not None and self.deadline is not None and now >= self.deadline

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
            self._start_clock()
        else:
            self.batch.results, self.batch, self.deadline = payload, None, None
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

    def __init__(self, options: Options, workers: int):
        self.options = options
        self.ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.workers = [_Worker(self.ctx, options) for _ in range(workers)]
        self.window: list[_Batch] = []
        self.waiting: deque[_Batch] = deque()
        self.failed_starts = 0
        self.retired = 0                # workers replaced for their size (``_retire``)

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
        """Wait until a worker sends something, dies or runs past its batch's deadline; take what they
        sent, replace the dead, stop the overdue."""
        deadlines = [w.deadline for w in self.workers if w.batch is not None and w.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = set(mp_wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers],
                            timeout=timeout))
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                status = worker.receive()
                if status is None:
                    self._replace(worker)
                elif status == "ready":
                    self.failed_starts = 0
                elif self.options.worker_mb and resident_mb(worker.process.pid) > self.options.worker_mb:
                    self._retire(worker)
            elif worker.overdue(now):
                self._overdue(worker)

    def _retire(self, big: _Worker) -> None:
        """An idle worker grown past ``options.worker_mb`` (ONRECORD_WORKER_MB) stops and a fresh one
        takes its place, so the process tree stays bounded over any corpus (about 5 s to load)."""
        log.info("an analysis worker reached %.0f MB (limit %d, ONRECORD_WORKER_MB); starting a fresh one",
                 resident_mb(big.process.pid), self.options.worker_mb)
        big.stop()
        self.workers[self.workers.index(big)] = _Worker(self.ctx, self.options)
        self.retired += 1

    def _overdue(self, slow: _Worker) -> None:
        """A worker past its batch's deadline is killed and replaced. A batch of several articles goes
        again one article at a time; a single article that overran is a Rejected (E303)."""
        lost, limit = slow.batch, slow.seconds
        slow.stop(kill=True)
        self.workers[self.workers.index(slow)] = _Worker(self.ctx, self.options)
        if len(lost.articles) == 1:
            source = lost.name()
            log.warning("%s: analysis took over %g s; skipped it (ONRECORD_ARTICLE_SECONDS)", source, limit)
            lost.results = [Rejected(source, f"analysis took over {limit:g} s; skipped", code="E303")]
            return
        log.warning("%s: these %d articles took over %g s each; analysing them one at a time",
                    lost.name(), len(lost.articles), limit)
        self._split(lost, deaths=lost.deaths)

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
            self._split(lost, deaths=1)

    def _split(self, lost: _Batch, deaths: int) -> None:
        """``lost``'s articles as batches of one, in its place in the window, first in the queue."""
        alone = [_Batch([article], deaths=deaths) for article in lost.articles]
        at = self.window.index(lost)
        self.window[at:at + 1] = alone
        self.waiting.extendleft(reversed(alone))

    def stop(self, kill: bool = False) -> None:
        for worker in self.workers:
            worker.stop(kill)


def analyze_parallel(articles: Iterable[Article], options: Options, workers: int,
                     batch: int = 8) -> Iterator[Record | Rejected]:
    """analyze_safely in ``workers`` processes, over batches of ``batch`` articles; yields in input
    order. At most 2 batches a worker are held, so memory stays bounded on any corpus, and the input
    is read in this (the calling) thread only (it may touch the store).

    A worker that dies (SIGKILL, the OOM killer) is replaced, and the batch it held is analysed again.
    A batch that two workers died on is split, its articles analysed one at a time, and an article that
    a worker dies on by itself is a Rejected (E302): the run goes on and stores the rest. Workers that
    keep dying before their pipeline has loaded stop the run (PipelineError). A batch that runs past
    ``options.article_seconds`` an article (``ONRECORD_ARTICLE_SECONDS``, counted from when its worker
    is ready) is stopped with its worker; its articles go again one at a time, and one that overruns by
    itself is a Rejected (E303). A worker grown past ``options.worker_mb`` (ONRECORD_WORKER_MB) is
    replaced by a fresh one between batches."""
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
