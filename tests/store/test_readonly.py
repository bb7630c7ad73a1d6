"""Reads never write: every read command, page and GET route, on a store opened read-only, changes nothing.

SQLite: the database file (and its directory) unwritable at the filesystem level (``store.frozen``),
and its bytes, mtime and every table's row count compared before and after. PostgreSQL: a role that may
only SELECT, and every table's row count compared. Each over a store whose articles are linked into
claims across articles, and one whose articles are stored but not linked yet: the reads show what is
linked (nothing, there), and link nothing.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from onrecord import claims as claims_package
from onrecord.app import ServerOptions, create_app
from onrecord.cli import main
from onrecord.settings import Options
from onrecord.store import Store
from store.frozen import frozen
from web.sample_store import SEED_ID, copy_db, seed_records

pytestmark = pytest.mark.skipif(not claims_package.available(), reason="sentence encoder not installed")

SPEAKER = "nasser kanaani"
FORMATS = ("jsonl", "csv", "parquet", "graphml", "claimreview")


def read_commands(claim_id: str | None, out: Path) -> list[list[str]]:
    """Every command that reads the store, in each of its output formats."""
    commands = [["articles"], ["articles", "--format", "json"], ["show", SEED_ID],
                ["show", SEED_ID, "--format", "json"], ["statements", "--search", "drones"],
                ["statements", "--speaker", "kanaani", "--format", "csv"], ["speakers"], ["stats"],
                ["stats", "--format", "json"], ["claims"], ["claims", "--format", "json"]]
    commands += [["export", "--format", fmt, "-o", str(out / f"export.{fmt}")] for fmt in FORMATS]
    commands += [["export", "--format", "csv", "--speaker", "kanaani"]]
    if claim_id:
        commands += [["claim", claim_id], ["claim", claim_id, "--format", "json"],
                     ["export", "--format", "jsonl", "--claim", claim_id]]
    return commands


def read_urls(claim_id: str | None) -> list[str]:
    """Every GET route of the app, the API's and the pages', some with their filters."""
    claim = claim_id or "gc-none"
    return ["/api", "/api/health", "/api/articles", "/api/articles?outlet=Wikinews", f"/api/articles/{SEED_ID}",
            "/api/statements?q=drones", "/api/statements?speaker=kanaani&act=deny", "/api/speakers",
            "/api/speakers?q=kanaani", f"/api/speakers/{SPEAKER}", f"/api/speakers/{SPEAKER}?claim={claim}",
            "/api/claims", "/api/claims?q=drones", f"/api/claims/{claim}", "/api/stats",
            "/api/openapi.json", "/api/docs",
            "/", "/search?q=drones", "/search?q=kanaani", "/search?q=drones&page=2", "/claims",
            "/claims?sort=latest&page=2", "/speakers?sort=name", "/articles?sort=statements", "/login", "/logout",
            f"/articles/{SEED_ID}", f"/claims/{claim}",
            f"/speakers/{SPEAKER}", f"/speakers/{SPEAKER}?act=deny&claim={claim}"]


def read_everything(db: str, out: Path, linked: bool) -> None:
    """Run every read on ``db``; each must succeed. What the claims reads show must be what is linked."""
    runner = CliRunner()
    listed = runner.invoke(main, ["claims", "--format", "json", "--db", db])
    assert listed.exit_code == 0, listed.output
    board = json.loads(listed.stdout)
    claim_id = board[0]["id"] if board else None
    assert bool(board) == linked                      # not linked: nothing on the board, and nothing linked now
    assert ("`onrecord claims link`" in listed.stderr) == (not linked)
    for args in read_commands(claim_id, out):
        result = runner.invoke(main, [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output)
    stats = json.loads(runner.invoke(main, ["stats", "--format", "json", "--db", db]).stdout)
    assert stats["articles"] == 4 and stats["articles_unlinked"] == (0 if linked else 4)

    app = create_app(ServerOptions(options=Options(db=db)))           # no write token: opened read-only
    client = TestClient(app, raise_server_exceptions=False)
    urls = read_urls(claim_id)
    gets = [r for r in app.routes if "GET" in getattr(r, "methods", ()) and r.path != "/static"]
    missing = [r.path for r in gets if not any(r.path_regex.match(u.split("?")[0]) for u in urls)]
    assert not missing, f"GET routes this test does not read: {missing}"
    for url in urls:
        response = client.get(url)
        if claim_id is None and "gc-none" in url and "/claims/" in url:
            assert response.status_code == 404, (url, response.text)      # no claim linked: none to show
        else:
            assert response.status_code == 200, (url, response.text[:500])
    assert client.get("/api/stats").json()["articles_unlinked"] == (0 if linked else 4)


# -- SQLite --------------------------------------------------------------------------------------------

def _sqlite_state(db: Path) -> tuple:
    """The file's bytes and mtime, and every table's row count (read as immutable: no -wal, no -shm made)."""
    conn = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        counts = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()
    return hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns, counts


def _sqlite_store(folder: Path, linked: bool) -> Path:
    db = folder / "onrecord.db"
    if linked:
        return copy_db(db)                                 # the sample store: stored and linked
    with Store(db) as store:
        for record in seed_records():
            store.save(record)
    return db


@pytest.mark.parametrize("linked", [True, False], ids=["linked", "not-linked"])
@pytest.mark.parametrize("unwritable", ["file", "file-and-directory"])
def test_every_read_on_a_read_only_sqlite_file(tmp_path, linked, unwritable):
    folder, out = tmp_path / "store", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    db = _sqlite_store(folder, linked)
    assert sorted(p.name for p in folder.iterdir()) == ["onrecord.db"]    # no WAL left by the writer
    before = _sqlite_state(db)
    assert before[2]["articles"] == 4 and (before[2]["claim_linked"] == 4) == linked
    with frozen(*((db, folder) if unwritable == "file-and-directory" else (db,))):
        read_everything(str(db), out, linked)
    assert _sqlite_state(db) == before


# -- PostgreSQL --------------------------------------------------------------------------------------

def _pg_counts(url: str) -> dict[str, int]:
    import psycopg
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")]
        columns = conn.execute("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'public'"
                               ).fetchone()[0]
        return {"(columns)": columns, **{t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}}


@pytest.mark.parametrize("linked", [True, False], ids=["linked", "not-linked"])
def test_every_read_as_a_postgres_role_that_may_only_select(pg_url, pg_reader, tmp_path, linked):
    from onrecord.batch import link
    with Store(pg_url) as store:
        for record in seed_records():
            store.save(record)
        if linked:
            link(store)
    before = _pg_counts(pg_url)
    assert before["articles"] == 4 and (before["claim_linked"] == 4) == linked
    read_everything(pg_reader(), tmp_path, linked)
    assert _pg_counts(pg_url) == before
