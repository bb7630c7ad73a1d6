"""The quality gate: recompute the per-stage figures and fail when one drops below the baseline.

After a change that moves a figure on purpose, run
``python -m onrecord.evaluation.baseline --update`` and commit tests/evaluation/baseline.json with it.
"""
from __future__ import annotations

from onrecord.evaluation import baseline


def test_drops_only_beyond_the_tolerance():
    base = {"a": 0.5, "b": 0.8, "c": 0.3}
    now = {"a": 0.496, "b": 0.79, "c": 0.9}
    assert baseline.drops(now, base, 0.005) == ["b: 0.79 < baseline 0.8 - 0.005"]
    assert baseline.drops({"a": 0.5}, {"a": 0.5, "z": 0.1}) == ["z: missing (baseline 0.1)"]


def test_write_then_load(tmp_path):
    path = tmp_path / "b.json"
    baseline.write({"x.y": 0.25}, path)
    doc = baseline.load(path)
    assert doc["figures"] == {"x.y": 0.25} and doc["tolerance"] == baseline.TOLERANCE


def test_the_baseline_file_covers_every_stage():
    figures = baseline.load()["figures"]
    for key in ("seed.statement_f1", "seed.type_accuracy", "seed.act_accuracy", "seed.speaker_accuracy",
                "polnear_dev.source_f1", "polnear_dev.cue_f1", "polnear_dev.content_f1",
                "polnear_dev.speech_cue_recall"):
        assert key in figures


def test_quality_gate(shared, pipeline):
    base = baseline.load()
    current = baseline.measure(shared, pipeline=pipeline, polnear_limit=base.get("polnear_limit"))
    assert not baseline.drops(current, base["figures"], base["tolerance"]), (
        "a figure fell below tests/evaluation/baseline.json; if on purpose, run "
        "`python -m onrecord.evaluation.baseline --update` and say why in the commit")
