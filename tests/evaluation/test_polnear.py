"""evaluation/polnear.py: span figures on hand-made articles, and the command on real dev files."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.evaluation import polnear
from onrecord.evaluation.brat import GoldArticle
from onrecord.evaluation.brat import GoldAttribution as A
from onrecord.models import Statement

TEXT = "Trump said the wall works. “It is great,” he added. Polls show nothing, critics said."


def _article():
    return GoldArticle(name="a", text=TEXT, attributions=(
        A("E1", source=((0, 5),), cue=((6, 10),), content=((11, 25),)),
        A("E2", source=((42, 44),), cue=((45, 50),), content=((27, 41),)),
        A("E3", source=((72, 79),), cue=((80, 84),), content=((52, 70),)),
    ))


def test_perfect_prediction_scores_one():
    art = _article()
    s = polnear.score([art], [list(art.attributions)]).to_dict()
    for role in ("source", "cue", "content"):
        assert s["exact"][role]["f1"] == 1.0 and s["token"][role]["f1"] == 1.0
    assert s["speech_cue_recall"] == 1.0 and s["speech_cue_attributions"] == 3


def test_exact_needs_the_same_offsets_and_token_overlap_gives_partial_credit():
    pred = [A("p1", source=((0, 5),), cue=((6, 10),), content=((11, 26),)),   # content one char longer
            A("p2", cue=((45, 50),), content=((28, 39),))]                     # inside the quote marks
    s = polnear.score([_article()], [pred]).to_dict()
    assert s["exact"]["content"]["tp"] == 0 and s["exact"]["content"]["pred"] == 2
    assert s["exact"]["cue"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8, "tp": 2, "pred": 2, "gold": 3}
    assert s["exact"]["source"]["precision"] == 1.0 and s["exact"]["source"]["recall"] == pytest.approx(0.3333)
    assert 0 < s["token"]["content"]["recall"] < 1 and s["token"]["content"]["precision"] > 0.8
    assert s["attributions"]["tp"] == 2
    assert s["speech_cue_recall"] == pytest.approx(0.6667) and s["speech_cue_exact_recall"] == pytest.approx(0.6667)


def test_discontinuous_gold_counts_each_fragment():
    art = GoldArticle(name="b", text=TEXT, attributions=(
        A("E1", source=((42, 44),), cue=((45, 50),), content=((27, 41), (52, 70))),))
    s = polnear.score([art], [[A("p", content=((27, 41),))]]).to_dict()
    assert s["exact"]["content"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 1, "pred": 1, "gold": 2}


def test_macro_averages_articles():
    art = _article()
    empty = GoldArticle(name="c", text="Nothing here.", attributions=())
    s = polnear.score([art, empty], [list(art.attributions), [A("p", content=((0, 7),))]]).to_dict()
    assert s["exact_macro_f1"]["content"] == 0.5 and s["exact_macro_f1"]["cue"] == 1.0


def test_statements_map_to_roles():
    st = Statement(id="s1", type="indirect", act="assert", content="the wall works", content_span=(11, 25),
                   cue="said", cue_span=(6, 10), speaker_text="Trump", speaker_span=(0, 5))
    (att,) = polnear.from_statements([st])
    assert (att.source, att.cue, att.content) == (((0, 5),), ((6, 10),), ((11, 25),))


def test_cli_eval_polnear_json(shared):
    res = CliRunner().invoke(main, ["eval", "polnear", str(shared / "eval" / "polnear" / "dev"),
                                    "--limit", "2", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["articles"] == 2
    assert set(out["exact"]) == {"source", "cue", "content"}
    assert 0 <= out["speech_cue_recall"] <= 1


def test_cli_eval_polnear_bad_folder(tmp_path):
    res = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path)])
    assert res.exit_code == 1 and "E400" in res.output
