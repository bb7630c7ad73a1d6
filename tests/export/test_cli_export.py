"""`onrecord export`: every format to a file and to stdout, filters, and errors."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from web.sample_store import SEED_ID, board


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "graphml", "claimreview"])
def test_every_format_to_a_file(sample_db, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    result = CliRunner().invoke(main, ["export", "--db", str(sample_db), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    assert f"to {out}" in result.stderr


def test_csv_to_stdout_with_filters(sample_db):
    result = CliRunner().invoke(main, ["export", "--db", str(sample_db), "--format", "csv",
                                       "--claim", board()[0], "--speaker", "Sullivan"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["speaker"] for r in rows} == {"Jake Sullivan"}
    assert all(dict(zip(r["claim"].split("; "), r["stance"].split("; ")))[board()[0]] == "supports" for r in rows)
    assert f"exported {len(rows)} statement(s)" in result.stderr


def test_jsonl_to_stdout(sample_db):
    result = CliRunner().invoke(main, ["export", "--db", str(sample_db), "--format", "jsonl", "--speaker", "kanaani"])
    assert result.exit_code == 0
    assert [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()] == [SEED_ID]


def test_errors(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", str(tmp_path / "missing.db"), "--format", "csv"])
    assert result.exit_code == 1 and "no database" in result.stderr
    assert runner.invoke(main, ["export", "--format", "xlsx"]).exit_code == 2
    assert runner.invoke(main, ["export"]).exit_code == 2


def test_serve_is_a_command():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.stdout and "ONRECORD_TOKEN" in result.stdout


def test_an_unknown_claim_is_not_found_not_an_empty_export(sample_db, tmp_path):
    out = tmp_path / "x.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", str(sample_db), "--format", "jsonl", "--claim", "gc-nope",
                                       "-o", str(out)])
    assert result.exit_code == 1 and "no claim with id 'gc-nope'" in result.stderr and "E205" in result.stderr
    assert not out.exists()


def test_serve_on_a_busy_port_is_a_usage_error(sample_db):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(sample_db), "--port", str(port)])
    assert result.exit_code == 2 and f"127.0.0.1:{port}" in result.stderr and "E501" in result.stderr


def test_claimreview_reviewer_and_date_options(sample_db, tmp_path):
    from onrecord.store import Store
    from web.sample_store import copy_db
    db = copy_db(tmp_path / "c.db")
    with Store(db) as store:
        store.backend.execute("UPDATE global_claims SET rating = 'False', url = 'https://fc.example/x' WHERE id = ?",
                              (board()[0],))
    args = ["export", "--db", str(db), "--format", "claimreview", "--reviewer", "Fact Desk"]
    result = CliRunner().invoke(main, args + ["--review-date", "2022-11-12"])
    assert result.exit_code == 0, result.output
    [r] = json.loads(result.stdout)["@graph"]
    assert r["author"] == {"@type": "Organization", "name": "Fact Desk"} and r["datePublished"] == "2022-11-12"
    bad = CliRunner().invoke(main, args + ["--review-date", "last week"])
    assert bad.exit_code == 2 and "not a date" in bad.output
