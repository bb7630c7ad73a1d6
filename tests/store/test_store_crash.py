"""Crash safety: a process saving records is SIGKILLed; the database opens whole, every article whole."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from onrecord.store import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

TESTS = Path(__file__).resolve().parents[1]

# Saves copies of the seed record (200+ statements each, so a kill often lands mid-transaction)
# forever, printing the number stored after each commit.
WRITER = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from onrecord.store import Store
    from store.sample_records import seed_record

    base = seed_record()
    many = tuple(replace(s, id=f"{s.id}-{k}") for k in range(10) for s in base.statements)
    start = int(sys.argv[2])
    with Store(sys.argv[1]) as store:
        for i in range(start, start + 100000):
            article = replace(base.article, id=f"copy-{i}", text=base.article.text + f"\\n{i}")
            store.save(replace(base, article=article, statements=many))
            print(i, flush=True)
""")


def _run_and_kill(db: Path, start: int, after_lines: int) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(start)], stdout=subprocess.PIPE,
                            env=env, text=True)
    seen = 0
    deadline = time.monotonic() + 60
    while seen < after_lines and time.monotonic() < deadline:
        if not proc.stdout.readline():
            break
        seen += 1
    time.sleep(0.013 * (start % 7))                  # land at different points of a transaction
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    return seen


def test_sigkill_never_leaves_half_an_article(db, seed):
    committed = 0
    for round_ in range(3):
        committed += _run_and_kill(db, start=round_ * 1000, after_lines=3 + round_)
    assert committed >= 3
    with Store(db) as store:
        b = store.backend
        assert b.scalar("PRAGMA integrity_check") == "ok"
        assert b.scalar("PRAGMA foreign_key_check") is None
        rows = store.articles(limit=10_000)
        assert len(rows) >= committed                    # every printed commit survived
        per_article = len(seed.statements) * 10
        for row in rows:
            record = store.record(row["id"])
            assert row["n_statements"] == len(record.statements) == per_article
            assert b.scalar("SELECT COUNT(*) FROM entities WHERE article_id = ?", (row["id"],)) == \
                len(seed.entities)
            assert b.scalar("SELECT COUNT(*) FROM stances WHERE article_id = ?", (row["id"],)) == \
                len(seed.claims[0].stances)
        assert b.scalar("SELECT COUNT(*) FROM statements_fts") == b.scalar("SELECT COUNT(*) FROM statements")
        assert store.save(seed) is True                  # and it takes new work
