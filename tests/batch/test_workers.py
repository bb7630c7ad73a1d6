"""batch.workers (`onrecord ingest --workers N`): analysis in N processes, one writer; crash safety."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.conftest import TEHRAN
from ingest.test_cli_ingest import ONRECORD, _short_tehran_sample, _stored_count, _whole_articles
from onrecord import Article, Options, Rejected
from onrecord.batch import analysis, workers, write, writer
from onrecord.store import Store


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Story {i}: the mayor said bridge {i} would reopen.", source=f"{i}.txt")
            for i in range(n)]


def test_a_short_input_stays_in_process(pipeline, tmp_path, monkeypatch):
    def refuse(*_args, **_kw):
        raise AssertionError("worker processes started for a short input")
    monkeypatch.setattr(workers, "analyze_parallel", refuse)
    with Store(tmp_path / "short.db") as store:
        summary = write(_articles(3), store, replace(pipeline.options, workers=4), pipeline)
    assert (summary.stored, summary.duplicates) == (3, 0)


def test_duplicates_are_not_sent_to_the_workers(tmp_path, monkeypatch):
    sent = []

    def fake_parallel(articles, options, n):
        for article in articles:
            sent.append(article.id)
            yield Rejected(article.source, "not analysed in this test", "E300")
    monkeypatch.setattr(workers, "analyze_parallel", fake_parallel)
    arts = _articles(writer.PARALLEL_MIN * 2)
    with Store(tmp_path / "dupes.db") as store:
        summary = write(arts + [arts[0], arts[1]], store, Options(workers=2))
    assert sent == [a.id for a in arts] and summary.duplicates == 2
    assert len(summary.skipped) == len(arts)


@pytest.mark.slow
def test_parallel_analysis_matches_in_process(pipeline):
    arts = _articles(4) + [Article(id="q", text='"We will not retreat," the minister told reporters.')]
    alone = list(analysis.analyze_safely(arts, pipeline))
    parallel = list(workers.analyze_parallel(iter(arts), pipeline.options, workers=2, batch=2))
    assert [r.article.id for r in parallel] == [a.id for a in arts]
    assert [r.statements for r in parallel] == [r.statements for r in alone]


@pytest.mark.slow
def test_sigkill_a_parallel_ingest_midway_then_rerun(tmp_path):
    if not TEHRAN.is_file():
        pytest.skip("../shared/corpora/tehran-times.jsonl.gz is not present")
    sample, db = tmp_path / "tehran-60.jsonl.gz", tmp_path / "crash.db"
    distinct = _short_tehran_sample(sample, n=60)
    cmd = ONRECORD + ["ingest", str(sample), "--db", str(db), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while _stored_count(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)          # the writer and its workers, all at once
    proc.wait()
    rows = _whole_articles(db)                    # whole articles only
    assert 10 <= len(rows) < distinct
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert (f"stored {distinct - len(rows)}, already stored {61 - distinct + len(rows)}, skipped 0"
            in rerun.stderr.splitlines())
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone() == (
            distinct, distinct)


def test_a_worker_that_cannot_load_the_pipeline_fails_the_run_with_its_error():
    from onrecord.errors import PipelineError
    from onrecord.settings import Options
    with pytest.raises(PipelineError, match="not installed"):
        list(workers.analyze_parallel(iter(_articles(4)), Options(model="no_such_model", workers=2), 2, batch=2))


# -- a worker that dies -------------------------------------------------------------------------------

def _children(pids: list[int]) -> list[int]:
    """The processes whose parent is one of ``pids`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue                                # ended while we looked
        if int(fields[1]) in pids:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="finds the workers through /proc")
def test_a_worker_killed_from_outside_midrun_is_replaced_and_the_run_finishes(tmp_path):
    if not TEHRAN.is_file():
        pytest.skip("../shared/corpora/tehran-times.jsonl.gz is not present")
    sample, db = tmp_path / "tehran-100.jsonl.gz", tmp_path / "killed.db"
    distinct = _short_tehran_sample(sample, n=100)         # 101 lines, one text twice
    cmd = ONRECORD + ["ingest", str(sample), "--db", str(db), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while _stored_count(db) < 8 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before a worker could be killed"
        workers = _children(_children([proc.pid]))  # ingest -> forkserver -> workers, both busy
        assert workers, "no worker processes found"
        os.kill(workers[0], signal.SIGKILL)
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, err
    assert "analysis worker died (signal SIGKILL)" in err
    assert f"stored {distinct}, already stored {101 - distinct}, skipped 0" in err.splitlines()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone() == (
            distinct, distinct)
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "stored 0, already stored 101, skipped 0" in rerun.stderr.splitlines()


POISON = "a5"


def _dies_on_poison(articles: list[Article]):
    """In the worker, in place of workers._analyze_batch: the process dies (SIGKILL) on the POISON article."""
    if any(article.id == POISON for article in articles):
        os.kill(os.getpid(), signal.SIGKILL)
    return workers._analyze_batch(articles)


@pytest.mark.slow
def test_an_article_that_kills_its_worker_every_time_is_skipped_and_the_rest_stored(tmp_path, monkeypatch,
                                                                                    caplog):
    monkeypatch.setattr(workers, "_analyze_batch", _dies_on_poison)   # pickled by name: the workers import it
    arts = _articles(writer.PARALLEL_MIN * 5)                    # more batches than the 4 held at once
    with Store(tmp_path / "poison.db") as store:
        summary = write(arts, store, Options(workers=2))
        stored = {row["id"] for row in store.articles(limit=100)}
    assert summary.skipped == [Rejected(f"{POISON[1:]}.txt", "analysis worker died (signal SIGKILL)", "E302")]
    assert (summary.stored, summary.duplicates) == (len(arts) - 1, 0)
    assert stored == {a.id for a in arts} - {POISON}
    assert f"{POISON[1:]}.txt: the analysis worker died (signal SIGKILL) on this article alone" in caplog.text


def _dies_at_start(conn, options, work):
    """In place of workers._serve: the worker dies before its pipeline has loaded (as the OOM killer does it)."""
    os.kill(os.getpid(), signal.SIGKILL)


def test_workers_that_keep_dying_before_their_pipeline_loads_stop_the_run(monkeypatch):
    from onrecord.errors import PipelineError
    monkeypatch.setattr(workers, "_serve", _dies_at_start)
    with pytest.raises(PipelineError, match=r"died loading the pipeline \(signal SIGKILL\).*fewer --workers"):
        list(workers.analyze_parallel(iter(_articles(4)), Options(), 2, batch=2))


def test_a_worker_whose_parent_died_ends_quietly_without_a_traceback(monkeypatch):
    """The parent dies while a worker analyses its batch: the reply meets a closed pipe, and the worker
    returns instead of printing a BrokenPipeError traceback (issue 15, item 9)."""
    monkeypatch.setattr(workers, "_init_worker", lambda options: None)
    monkeypatch.setattr(workers.signal, "signal", lambda *args: None)
    parent, child = multiprocessing.Pipe()
    parent.send(_articles(2))
    seen = []

    def work(articles):
        seen.append([a.id for a in articles])
        parent.close()                      # the parent is gone before the reply
        return ["result"]

    assert workers._serve(child, None, work) is None
    assert seen == [["a0", "a1"]]


SLOW = "a3"


def _hangs_on_slow(articles: list[Article]):
    """In the worker, in place of workers._analyze_batch: the SLOW article never finishes (a runaway parse)."""
    if any(article.id == SLOW for article in articles):
        time.sleep(600)
    return workers._analyze_batch(articles)


@pytest.mark.slow
def test_an_article_that_runs_past_its_time_is_skipped_and_the_rest_stored(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(workers, "_analyze_batch", _hangs_on_slow)
    arts = _articles(writer.PARALLEL_MIN * 2)
    started = time.monotonic()
    with Store(tmp_path / "slow.db") as store:
        summary = write(arts, store, Options(workers=2, article_seconds=1.5))
        stored = {row["id"] for row in store.articles(limit=100)}
    assert summary.skipped == [Rejected(f"{SLOW[1:]}.txt", "analysis took over 1.5 s; skipped", "E303")]
    assert stored == {a.id for a in arts} - {SLOW}
    assert "articles took over 1.5 s each; analysing them one at a time" in caplog.text
    assert time.monotonic() - started < 300


@pytest.mark.slow
def test_a_worker_past_its_memory_limit_is_replaced_and_nothing_is_lost(pipeline, caplog):
    """ONRECORD_WORKER_MB: with a limit every worker passes, each worker is replaced after its batch;
    every article is still analysed once, in order, as in process."""
    import logging
    arts = _articles(6)
    alone = list(analysis.analyze_safely(arts, pipeline))
    with caplog.at_level(logging.INFO, logger="onrecord.batch.workers"):
        got = list(workers.analyze_parallel(iter(arts), replace(pipeline.options, worker_mb=1), workers=2, batch=2))
    assert [r.article.id for r in got] == [a.id for a in arts]
    assert [r.statements for r in got] == [r.statements for r in alone]
    assert sum("starting a fresh one" in m for m in caplog.messages) >= 2


def test_resident_size_is_read_from_proc():
    assert 10 < workers.resident_mb(os.getpid()) < 100_000
    assert workers.resident_mb(2**22 + 12345) == 0.0
