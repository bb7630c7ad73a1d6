"""cli/query.py: articles, show, statements, speakers, stats, reanalyze over a store of real records."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store import Store
from store.sample_records import TRUMP_ARTICLES, seed_record, trump_record, wikinews

SEED = "tehrantimes-478273"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "onrecord.db"
    with Store(path) as store:
        store.save(seed_record())
        for article in wikinews(TRUMP_ARTICLES):
            store.save(trump_record(article))
    return str(path)


def run(*args, db=None):
    result = CliRunner().invoke(main, [*args] + (["--db", db] if db else []))
    return result


@pytest.mark.parametrize("command", ["articles", "statements", "speakers"])
def test_json_is_a_list(db, command):
    result = run(command, "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert isinstance(rows, list) and rows and all(isinstance(r, dict) for r in rows)


@pytest.mark.parametrize("command, column", [("articles", "title"), ("statements", "content"),
                                             ("speakers", "n_articles")])
def test_csv_has_a_header(db, command, column):
    result = run(command, "--format", "csv", db=db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and column in rows[0]


def test_articles_table(db):
    result = run("articles", "--limit", "2", db=db)
    assert result.exit_code == 0
    assert "wikinews-2020-078" in result.output and SEED in result.output
    assert "wikinews-2019-006" not in result.output


def test_articles_by_outlet(db):
    rows = json.loads(run("articles", "--outlet", "Wikinews", "--format", "json", db=db).output)
    assert {r["id"] for r in rows} == set(TRUMP_ARTICLES)


def test_statements_filters(db):
    rows = json.loads(run("statements", "--speaker", "Kanaani", "--act", "deny", "--format", "json",
                          db=db).output)
    assert {r["id"] for r in rows} == {"s1", "s10"}
    rows = json.loads(run("statements", "--search", 'Kremlin "AND (', "--format", "json", db=db).output)
    assert rows == []
    rows = json.loads(run("statements", "--search", "Kremlin", "--limit", "1", "--format", "json",
                          db=db).output)
    assert len(rows) == 1 and rows[0]["content_span"]


def test_speakers_table(db):
    result = run("speakers", db=db)
    assert result.exit_code == 0 and "Donald Trump" in result.output and "Nasser Kanaani" in result.output


def test_show_text_lists_metadata_and_statements(db):
    result = run("show", SEED, db=db)
    assert result.exit_code == 0
    assert "outlet: Mehr News Agency" in result.output
    assert "[s7] the spokesperson for the Kremlin - confirm, indirect" in result.output
    assert "Russia had used drones built domestically in the war on Ukraine" in result.output
    assert "s13 (Jake Sullivan): supports" in result.output


def test_show_json_is_the_record(db):
    result = run("show", SEED, "--format", "json", db=db)
    assert json.loads(result.output) == seed_record().to_dict()


def test_missing_article_is_a_clear_error(db):
    result = run("show", "no-such-article", db=db)
    assert result.exit_code == 1
    assert "no article with id 'no-such-article'" in result.output and "E202" in result.output


def test_missing_database_is_not_created(tmp_path):
    result = run("articles", db=str(tmp_path / "typo.db"))
    assert result.exit_code == 1 and "no database" in result.output
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize("args", [["statements", "--act", "shout"], ["articles", "--limit", "0"],
                                  ["articles", "--format", "xml"], ["show"], ["speakers", "--bogus"],
                                  ["statements", "--offset", "99999999999999999999"],
                                  ["speakers", "--offset", "-1"], ["statements", "--since", "notadate"],
                                  ["statements", "--until", "2020-13-01x1"]])
def test_bad_usage_exits_2(db, args):
    result = run(*args, db=db)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_bad_number_or_date_names_the_option(db):
    assert "'--offset'" in run("statements", "--offset", "99999999999999999999", db=db).output
    assert "not an ISO date" in run("statements", "--since", "notadate", db=db).output
    assert run("statements", "--since", "2020-01", "--format", "json", db=db).exit_code == 0


def test_stats(db):
    result = run("stats", "--format", "json", db=db)
    stats = json.loads(result.output)
    assert stats["articles"] == 4 and stats["statements"] == 24
    assert stats["articles_unlinked"] == 4                  # stored here without the write path: not linked


def test_db_from_environment(db, monkeypatch):
    monkeypatch.setenv("ONRECORD_DB", db)
    result = CliRunner().invoke(main, ["articles", "--format", "json"])
    assert len(json.loads(result.output)) == 4


def test_reanalyze(tmp_path, pipeline):
    path = str(tmp_path / "re.db")
    with Store(path) as store:
        store.save(trump_record(wikinews(TRUMP_ARTICLES)[0]))
    result = run("reanalyze", db=path)
    assert result.exit_code == 0, result.output
    assert "re-analysed 1 article(s)" in result.output
    assert "re-analysed 0 article(s)" in run("reanalyze", db=path).output


def _widest_run(output: str, text: str) -> int:
    """The longest piece of ``text`` (whole words) found on one line of a table."""
    words, best = text.split(), 0
    for line in output.splitlines():
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                piece = " ".join(words[i:j])
                if len(piece) > best and piece in line:
                    best = len(piece)
                    break
    return best


def test_tables_give_the_text_room_at_80_columns(db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    rows = json.loads(run("statements", "--limit", "5", "--format", "json", db=db).output)
    table = run("statements", "--limit", "5", db=db).output
    assert all(len(line) <= 80 for line in table.splitlines())
    assert min(_widest_run(table, r["content"]) for r in rows if len(r["content"]) > 40) >= 24
    for r in rows:                                   # ids are whole: `show` can take them from the table
        assert r["article_id"] in table
