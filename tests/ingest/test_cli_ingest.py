"""`onrecord extract` and `onrecord ingest`: output, run summary, exit status, idempotence, crash safety."""
from __future__ import annotations

import gzip
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store import Store

from .conftest import HTML_DIR, TEHRAN, WIKINEWS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "mehr-iran-drones.txt"
ONRECORD = [str(Path(sys.executable).parent / "onrecord")]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# -- extract -----------------------------------------------------------------------------------------

def test_extract_json_is_one_pretty_record(pipeline):
    result = invoke("extract", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["format"] == "onrecord/1" and record["article"]["text"] == SEED.read_text("utf-8")
    assert record["article"]["license"] == "CC-BY-4.0" and result.stdout.startswith("{\n  ")
    assert "extracted 1, skipped 0" in result.stderr


def test_extract_jsonl_one_line_each(pipeline, tmp_path):
    sample = tmp_path / "three.jsonl"
    sample.write_text("".join(WIKINEWS.read_text("utf-8").splitlines(keepends=True)[:3]))
    result = invoke("extract", str(sample), "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 3
    assert [json.loads(line)["article"]["id"] for line in lines] == [
        "wikinews-2019-000", "wikinews-2019-001", "wikinews-2019-002"]


def test_extract_json_with_several_articles_is_a_usage_error(tmp_path):
    result = invoke("extract", str(WIKINEWS), "--format", "json")
    assert result.exit_code == 2 and "--format jsonl" in result.stderr and result.stdout == ""


def test_extract_bad_inputs_are_named_and_the_run_goes_on(pipeline, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "quotes.txt").write_text('"' * 10_000)
    result = invoke("extract", str(tmp_path / "empty.txt"), str(tmp_path / "blob.txt"),
                    str(tmp_path / "quotes.txt"), str(SEED))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "extracted 2, skipped 2:" in result.stderr
    assert f"{tmp_path / 'empty.txt'}: empty input [E101]" in result.stderr
    assert f"{tmp_path / 'blob.txt'}" in result.stderr and "[E102]" in result.stderr


# -- ingest ------------------------------------------------------------------------------------------

def test_ingest_stores_then_stores_nothing_new(pipeline, tmp_path):
    sample = tmp_path / "wikinews-12.jsonl"
    sample.write_text("".join(WIKINEWS.read_text("utf-8").splitlines(keepends=True)[:12]))
    db = str(tmp_path / "w.db")
    first = invoke("ingest", str(sample), str(SEED), "--db", db)
    assert first.exit_code == 0 and first.stderr.strip() == "stored 13, already stored 0, skipped 0"
    second = invoke("ingest", str(sample), str(SEED), "--db", db)
    assert second.exit_code == 0 and second.stderr.strip() == "stored 0, already stored 13, skipped 0"
    with Store(db) as store:
        assert store.stats()["articles"] == 13


def test_ingest_html_pages_twice(pipeline, tmp_path):
    if not HTML_DIR.is_dir():
        pytest.skip("../shared/eval/article-extraction is not present")
    pages = [str(p) for p in sorted(HTML_DIR.glob("*.html.gz"))[:4]]
    db = str(tmp_path / "h.db")
    assert invoke("ingest", *pages, "--db", db).stderr.strip() == "stored 4, already stored 0, skipped 0"
    assert invoke("ingest", *pages, "--db", db).stderr.strip() == "stored 0, already stored 4, skipped 0"


def test_ingest_summary_lists_skipped_sources_and_exits_1(pipeline, tmp_path, server):
    (tmp_path / "empty.txt").write_text("")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "The mayor said the bridge would reopen."}\n{broken\n')
    result = invoke("ingest", str(tmp_path / "empty.txt"), str(bad), server.base + "/missing",
                    str(tmp_path / "nothing.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "stored 1, already stored 0, skipped 4:"
    assert any("empty.txt: empty input [E101]" in line for line in lines)
    assert any(f"{bad}:2: line 2: malformed JSON" in line for line in lines)
    assert any("/missing: HTTP 404" in line and "[E104]" in line for line in lines)
    assert any("nothing.txt: no such file or directory [E100]" in line for line in lines)


@pytest.mark.parametrize("args", [["ingest"], ["extract"], ["extract", "--format", "xml", "a.txt"],
                                  ["ingest", "--nope", "a.txt"]])
def test_usage_errors_exit_2(args):
    assert CliRunner().invoke(main, args).exit_code == 2


# -- size and crash safety -------------------------------------------------------------------------

@pytest.mark.slow
def test_the_183000_word_article_finishes_with_bounded_memory(longest_tehran, tmp_path):
    """The longest Tehran Times article (1.1 M characters) is analysed in chunks, in a child process."""
    out = tmp_path / "long.jsonl"
    with out.open("wb") as stdout:
        proc = subprocess.run(ONRECORD + ["extract", str(longest_tehran)], stdout=stdout,
                              stderr=subprocess.PIPE, timeout=900)
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(out.read_text("utf-8"))
    assert len(record["article"]["text"]) == 1_098_478
    assert any("chunks" in w for w in record["warnings"]) and record["statements"]
    # The peak RSS of any child so far (this one included): a sane bound, not the text size times a lot.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mib < 4096, f"peak RSS {peak_mib:.0f} MiB"


def _short_tehran_sample(path: Path, n: int = 300) -> int:
    """n short Tehran Times articles plus one repeated text; returns the number of distinct texts."""
    rows, texts = [], set()
    with gzip.open(TEHRAN, "rt", encoding="utf-8") as src:
        for line in src:
            text = json.loads(line)["text"]
            if 300 <= len(text) <= 1200:
                rows.append(line)
                texts.add(text)
                if len(rows) == n:
                    break
    rows.append(rows[5].replace('"id": "', '"id": "again-', 1))
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(rows)
    return len(texts)


def _whole_articles(db: Path) -> list[dict]:
    """The articles a killed run left, after checking the database is intact and each article whole:
    its statement rows (statements table) match its stored record, statement by statement. (Not compared
    with a fresh analysis: the killed process may have loaded other component code than this one.)"""
    with Store(db) as store:
        assert store.backend.scalar("PRAGMA integrity_check") == "ok"
        rows = store.articles(limit=1000)
        listed = store.statements(limit=100_000)
        for row in rows:
            record = store.record(row["id"])
            assert row["n_statements"] == len(record.statements)
            mine = sorted(tuple(s["content_span"]) for s in listed if s["article_id"] == row["id"])
            assert mine == sorted(s.content_span for s in record.statements)
    return rows


def _stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_run_then_rerun_to_completion(tmp_path):
    if not TEHRAN.is_file():
        pytest.skip("../shared/corpora/tehran-times.jsonl.gz is not present")
    sample, db = tmp_path / "tehran-300.jsonl.gz", tmp_path / "crash.db"
    distinct = _short_tehran_sample(sample)
    proc = subprocess.Popen(ONRECORD + ["ingest", str(sample), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while _stored_count(db) < 25 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    rows = _whole_articles(db)
    assert 25 <= len(rows) < distinct
    rerun = subprocess.run(ONRECORD + ["ingest", str(sample), "--db", str(db)], capture_output=True,
                           text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    stored_before = len(rows)
    # the summary line, exactly; the killed run's orphaned multiprocessing resource tracker may add
    # its own warnings about leaked semaphores to the same stderr
    summary = [line for line in rerun.stderr.splitlines() if line.startswith("stored ")]
    assert summary == [f"stored {distinct - stored_before}, already stored "
                       f"{301 - distinct + stored_before}, skipped 0"], rerun.stderr
    with Store(db) as store:
        assert store.stats()["articles"] == distinct
