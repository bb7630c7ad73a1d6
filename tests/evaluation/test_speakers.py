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
