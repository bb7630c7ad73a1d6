"""evaluation/speakers.py: speaker accuracy by kind of mention (the pipeline runs in tests/nlp/test_speakers.py)."""
from __future__ import annotations

from onrecord.evaluation.speakers import gold_statements, summarise


def test_summarise_by_kind_and_all():
    rows = [{"kind": "pronoun", "ok": True}, {"kind": "pronoun", "ok": False}, {"kind": "name", "ok": True}]
    assert summarise(rows) == {"pronoun": {"n": 2, "correct": 1, "accuracy": 0.5},
                               "name": {"n": 1, "correct": 1, "accuracy": 1.0},
                               "all": {"n": 3, "correct": 2, "accuracy": 0.667}}


def test_gold_statements_keep_spans_and_nesting():
    gold = {"statements": [
        {"id": "s1", "content": "Iran said that X", "content_span": [0, 16], "speaker_text": "Iran",
         "speaker_span": [0, 4]},
        {"id": "s2", "content": "X", "content_span": [15, 16], "nested": True},
    ]}
    s1, s2 = gold_statements(gold)
    assert (s1.content_span, s1.speaker_span, s1.nested_in) == ((0, 16), (0, 4), None)
    assert (s2.type, s2.act, s2.nested_in) == ("indirect", "assert", "s1")


def test_eval_speakers_command_scores_gold_files_by_kind():
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from onrecord.cli import main

    gold = sorted((Path(__file__).resolve().parents[1] / "gold" / "tehran-times").glob("*.gold.json"))[0]
    result = CliRunner().invoke(main, ["eval", "speakers", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["mode"] == "gold" and out["files"] == 1
    n = len(json.loads(gold.read_text(encoding="utf-8"))["statements"])
    assert out["summary"]["all"]["n"] == n
    assert sum(v["n"] for k, v in out["summary"].items() if k != "all") == n


def test_eval_speakers_command_needs_a_file():
    from click.testing import CliRunner

    from onrecord.cli import main

    result = CliRunner().invoke(main, ["eval", "speakers"])
    assert result.exit_code == 2
