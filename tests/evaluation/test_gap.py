"""evaluation/gap.py: GAP's file read as its scorer reads it, its figures, the rule resolver on real snippets."""
from __future__ import annotations

import pytest

from onrecord.errors import EvaluationError
from onrecord.evaluation import gap


@pytest.fixture(scope="module")
def validation(shared):
    return gap.read(shared / "eval" / "gap" / "gap-validation.tsv")


def test_reads_every_row_with_offsets_on_the_names(validation):
    assert len(validation) == 454
    for ex in validation:
        assert ex.text[ex.pronoun[0]:ex.pronoun[1]].lower() in gap.FEMININE | gap.MASCULINE
    assert sum(e.gender == "F" for e in validation) == sum(e.gender == "M" for e in validation) == 227


def test_score_counts_both_names_of_each_example():
    ex = [gap.Example("1", "", (0, 2), (3, 4), (5, 6), True, False),
          gap.Example("2", "she", (0, 3), (3, 4), (5, 6), False, True)]
    got = gap.score(ex, {"1": (True, True), "2": (False, False)})
    # decisions: 1A tp, 1B fp, 2A tn, 2B fn
    assert got["overall"] == {"n": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert got["masculine"]["f1"] == 0.667 and got["feminine"]["f1"] == 0.0
    assert got["bias"] == 0.0


def test_bad_file_is_an_evaluation_error(tmp_path):
    bad = tmp_path / "gap.tsv"
    bad.write_text("ID\tText\nx\ty\n", encoding="utf-8")
    with pytest.raises(EvaluationError) as err:
        gap.read(bad)
    assert err.value.code == "E400" and "gap.tsv" in str(err.value.source)
    with pytest.raises(EvaluationError):
        gap.read(tmp_path / "missing.tsv")


def test_rule_resolver_finds_the_antecedent_of_plain_cases(pipeline, validation):
    """On the first 40 validation snippets the rule resolver's antecedent is often right: it says A or B
    only for an entity it found, and is right more often than not when it says so."""
    from onrecord import Options, load_pipeline
    sample = validation[:40]
    got = gap.predict(load_pipeline(Options.from_env(resolver="rules", claims=False)).nlp, sample)
    assert set(got) == {e.id for e in sample}
    figures = gap.score(sample, got)
    assert figures["overall"]["precision"] > 0.5
    assert sum(a or b for a, b in got.values()) >= 10
