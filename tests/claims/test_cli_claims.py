"""The claims commands: stance, match, claims import / link, claims, claim (real seed text)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store import Store

from .conftest import needs_encoder

pytestmark = needs_encoder


def test_stance_headlines(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(json.dumps(p) for p in [
        {"id": "1", "claim": "Anonymous street artist Banksy was arrested",
         "text": "Met police denies reports of Banksy arrest"},
        {"id": "2", "claim": "Anonymous street artist Banksy was arrested",
         "text": "Apple Watch battery lasts 18 hours"},
    ]) + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["stance", str(pairs)])
    assert out.exit_code == 0, out.output
    assert [json.loads(x) for x in out.output.splitlines()] == [{"id": "1", "stance": "refutes"},
                                                                 {"id": "2", "stance": "unrelated"}]


def test_stance_of_an_article_without_analysing_it(tmp_path, seed_text, monkeypatch):
    """Three pairs share the seed article: the cross-encoder reads its passage nearest each claim (no
    pipeline run); the article reports Iran's denial, a claim it never speaks to is unrelated."""
    import onrecord
    monkeypatch.setattr(onrecord, "analyze_many", lambda *a: pytest.fail("stance analysed an article"))
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(json.dumps(p) for p in [
        {"id": "a", "claim": "Iran denies sending drones to Russia", "text": seed_text},
        {"id": "b", "claim": "The price of gold rose sharply this week", "text": seed_text},
        {"id": "c", "claim": "Iran denies sending drones to Russia", "text": seed_text},
    ]) + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["stance", "--explain", str(pairs)])
    assert out.exit_code == 0, out.output
    got = [json.loads(x) for x in out.output.splitlines()]
    assert [g["stance"] for g in got] == ["supports", "unrelated", "supports"]
    assert "rejected in the strongest terms" in got[0]["evidence"][0]["passage"]
    assert got[1]["evidence"][0]["filtered"] is True


def test_stance_bad_line(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"id": "1", "claim": "x"}\n', encoding="utf-8")
    assert CliRunner().invoke(main, ["stance", str(pairs)]).exit_code == 2


def test_match(tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(json.dumps(c) for c in [
        {"id": "a", "text": "Iran supplied drones to Russia for use in the war against Ukraine"},
        {"id": "b", "text": "Apple will sell 19 million Apple Watches in 2015"},
        {"id": "c", "text": "A nun in an Italian convent gave birth"}]) + "\n", encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "q1", "text": "Tehran sent Moscow drones to use in Ukraine"}\n', encoding="utf-8")
    out = CliRunner().invoke(main, ["match", "--claims", str(claims), str(queries), "--top", "2"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output.splitlines()[0])
    assert got["id"] == "q1" and [m["claim"] for m in got["matches"]][0] == "a" and len(got["matches"]) == 2


def test_board_commands(tmp_path, seed_record):
    db = tmp_path / "o.db"
    with Store(db) as s:
        s.save(seed_record)
    runner = CliRunner()
    out = runner.invoke(main, ["claims", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == []                          # the board shows what is linked: nothing yet
    assert "1 stored article(s) not linked" in out.stderr and "`onrecord claims link`" in out.stderr
    out = runner.invoke(main, ["claims", "link", "--db", str(db)])
    assert out.exit_code == 0 and "linked 1 article(s)" in out.stderr
    out = runner.invoke(main, ["claims", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0 and "not linked" not in out.stderr
    rows = json.loads(out.stdout)
    top = rows[0]
    # dates are publication dates; the store's time is a field of its own
    assert top["first_date"] == top["last_date"] == "2022-11-01" and top["last_stored"] > "2026"
    table = runner.invoke(main, ["claims", "--db", str(db)], env={"COLUMNS": "80"}).stdout
    assert all(len(line) <= 80 for line in table.splitlines())
    assert " ".join(top["text"].split()[:5]) in table          # the text has room at 80 columns
    assert top["n_statements"] >= 10 and top["n_uncertain"] == 2
    out = runner.invoke(main, ["claim", top["id"], "--db", str(db)])
    assert out.exit_code == 0 and "Cannot confirm (2 speaker(s), 2 statement(s))" in out.output
    assert "Jake Sullivan" in out.output
    # every claim id `onrecord claims` prints works where a claim is taken; every board link in `show`
    out = runner.invoke(main, ["statements", "--claim", top["id"], "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    found = json.loads(out.stdout)
    assert len(found) == top["n_statements"] and {f["stance"] for f in found} == {"supports", "refutes", "uncertain"}
    link = json.loads(runner.invoke(main, ["claim", top["id"], "--db", str(db), "--format", "json"]).stdout
                      )["refutes"][0]["link"]
    shown = runner.invoke(main, ["show", link, "--db", str(db)])
    assert shown.exit_code == 0 and f">> [{link.split('#')[1]}]" in shown.output
    assert runner.invoke(main, ["show", link.split("#")[0] + "#s999", "--db", str(db)]).exit_code == 2
    known = tmp_path / "known.jsonl"
    known.write_text('{"id": "k1", "text": "Iran sent drones to Russia for the war in Ukraine", "rating": "False"}\n',
                     encoding="utf-8")
    out = runner.invoke(main, ["claims", "import", str(known), "--db", str(db)])
    assert out.exit_code == 0, out.output
    out = runner.invoke(main, ["claim", "kc-k1", "--db", str(db), "--format", "json"])
    assert json.loads(out.output)["rating"] == "False"
    assert runner.invoke(main, ["claim", "gc-none", "--db", str(db)]).exit_code == 1
