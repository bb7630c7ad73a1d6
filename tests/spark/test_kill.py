"""`onrecord spark` SIGKILLed while it writes: nothing half-written is read, a rerun and a load finish the job."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onrecord import Article, analyze
from onrecord.ingest import iter_articles
from onrecord.spark.output import read_records

pytestmark = pytest.mark.slow

if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java 17+: no java on PATH and no JAVA_HOME", allow_module_level=True)
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[dev]')")
if not Path("/proc/self/stat").is_file():
    pytest.skip("finds the job's processes through /proc", allow_module_level=True)

ONRECORD = [str(Path(sys.executable).parent / "onrecord")]


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (the JVM, PySpark's daemon and its Python workers), from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue                                # ended while we looked
    found, todo = [], [pid]
    while todo:
        pid = todo.pop()
        kids = [child for child, parent in parents.items() if parent == pid]
        found += kids
        todo += kids
    return found


def _kill_all(proc: subprocess.Popen) -> None:
    """SIGKILL the job's process group (the driver and its JVM) and every process below it (PySpark's
    daemon puts itself and the Python workers in a group of their own)."""
    below = _descendants(proc.pid)
    os.killpg(proc.pid, signal.SIGKILL)
    for pid in below:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()


@pytest.fixture(scope="module")
def sample(shared, tmp_path_factory) -> Path:
    """12 short Wikinews articles, one JSONL file."""
    rows = [line for line in (shared / "corpora" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
            if len(json.loads(line)["text"]) < 1500][:12]
    path = tmp_path_factory.mktemp("spark-kill") / "wikinews-12.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_sigkill_while_writing_then_rerun_and_load(sample, tmp_path, pipeline):
    from click.testing import CliRunner

    from onrecord.cli import main
    from onrecord.store import Store
    out, db = tmp_path / "out", str(tmp_path / "spark.db")
    cmd = ONRECORD + ["spark", str(sample), "--output", str(out), "--master", "local[1]", "--partitions", "4"]
    with (tmp_path / "killed.log").open("w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        temporary = out / "records" / "_temporary"
        while (not any(temporary.rglob("*.parquet")) and proc.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.05)
        assert proc.poll() is None, (tmp_path / "killed.log").read_text()
    finally:
        _kill_all(proc)                           # a task has begun writing; the job has not committed
    assert not (out / "records" / "_SUCCESS").exists() and not (out / "summary.json").exists()

    refused = CliRunner().invoke(main, ["load", str(out), "--db", db])
    assert refused.exit_code == 2 and "has no _SUCCESS" in refused.output
    partial = CliRunner().invoke(main, ["load", str(out), "--db", db, "--partial"])
    assert partial.exit_code == 0 and "loaded 0, already stored 0" in partial.output   # _temporary unread

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "did not finish" in rerun.stderr and "analysed 12 article(s)" in rerun.stderr
    articles = [a for a in iter_articles([str(sample)]) if isinstance(a, Article)]
    ids = sorted(r.article.id for r in read_records(out))
    assert ids == sorted(a.id for a in articles)   # each article once
    assert json.loads((out / "summary.json").read_text())["articles"] == 12

    with Store(db) as store:                       # a store that already holds 3 of them
        for article in articles[:3]:
            assert store.save(analyze(article, pipeline))
        held = {a.id: store.record(a.id).to_dict() for a in articles[:3]}
    loaded = CliRunner().invoke(main, ["load", str(out), "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded 9, already stored 3" in loaded.output
    with Store(db) as store:
        assert sorted(row["id"] for row in store.articles(limit=100)) == ids
        assert {i: store.record(i).to_dict() for i in held} == held
