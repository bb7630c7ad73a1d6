"""evaluation/gold.py: hand-made cases, and the same numbers as ../shared/gold/score.py."""
from __future__ import annotations

import copy
import json
import random
import subprocess
import sys

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.evaluation import gold as g


@pytest.mark.parametrize("a, b, expected", [
    ((0, 10), (0, 10), 1.0),
    ((0, 10), (5, 10), 0.5),
    ((0, 10), (10, 20), 0.0),
    ((0, 4), (2, 10), 0.25),
    ((3, 3), (3, 3), 0.0),
])
def test_overlap(a, b, expected):
    assert g.overlap(a, b) == expected


def test_match_is_greedy_best_first_and_one_to_one():
    gold = [(0, 10), (20, 30)]
    pred = [(0, 9), (1, 10), (21, 30), (100, 120)]
    assert g.match_spans(gold, pred) == {0: 1, 1: 2}     # a tie (0.9, 0.9) goes to the later one, as in score.py


def test_match_needs_half_of_the_longer_span():
    assert g.match_spans([(0, 10)], [(0, 21)]) == {}
    assert g.match_spans([(0, 10)], [(0, 20)]) == {0: 0}


def _gold(optional_second=False):
    return {"entities": [{"id": "k", "name": "Nasser Kanaani", "kind": "person", "aliases": ["Kanaani"]},
                         {"id": "p", "name": "the Pentagon", "kind": "organization", "aliases": ["Pentagon"]}],
            "statements": [
                {"id": "s1", "speaker": "k", "type": "direct", "act": "deny", "content": "x",
                 "content_span": [0, 10], "stance": "refutes"},
                {"id": "s2", "speaker": "p", "type": "indirect", "act": "assert", "content": "y",
                 "content_span": [20, 30], "optional": optional_second, "stance": "uncertain"}],
            "claims": [{"id": "c", "text": "claim", "supports": [], "refutes": ["k"], "uncertain": ["p"]}]}


def test_scores_a_hand_made_record():
    pred = {"entities": [{"id": "e1", "name": "Kanaani"}],
            "statements": [
                {"id": "a", "speaker": "e1", "type": "direct", "act": "deny", "content_span": [0, 10]},
                {"id": "b", "speaker": None, "speaker_text": "officials", "type": "direct", "act": "assert",
                 "content_span": [40, 50]}],
            "claims": [{"id": "c1", "text": "t", "stances": [{"statement": "a", "stance": "refutes"}]}]}
    r = g.score(_gold(), pred)
    assert (r.statements_gold, r.statements_pred, r.matched) == (2, 2, 1)
    assert (r.precision, r.recall, r.f1) == (0.5, 0.5, 0.5)
    assert (r.speaker_accuracy, r.type_accuracy, r.act_accuracy) == (1.0, 1.0, 1.0)
    assert r.claim_stance_accuracy == 0.5            # k right; p counted, not found
    assert r.missed == ["s2: y"]


def test_optional_gold_is_neither_missed_nor_false_positive():
    pred = {"statements": [{"id": "a", "content_span": [20, 30], "type": "indirect", "act": "assert",
                            "speaker_text": "the Pentagon"}]}
    r = g.score(_gold(optional_second=True), pred)
    assert (r.statements_gold, r.matched, r.optional_matched, r.precision) == (1, 0, 1, 0.0)
    assert r.missed == ["s1: x"]


@pytest.mark.parametrize("name, gold_entity, ok", [
    ("Kanaani", {"name": "Nasser Kanaani", "kind": "person"}, True),
    ("He", {"name": "Nasser Kanaani", "kind": "person"}, False),
    ("Pentagon officials", {"name": "the Pentagon", "kind": "organization"}, True),
    ("Russian officials", {"name": "the Pentagon", "kind": "organization"}, False),
    (None, {"name": "the Pentagon", "kind": "organization"}, False),
])
def test_speaker_ok(name, gold_entity, ok):
    assert g.speaker_ok(gold_entity, name) is ok


def _perturbed(gold: dict, seed: int) -> dict:
    """A predicted record made from the gold: spans moved, some dropped or added, labels changed."""
    rnd = random.Random(seed)
    ents = [{"id": f"e-{e['id']}", "name": rnd.choice([e["name"], *e.get("aliases", []), "he"])}
            for e in gold["entities"]]
    statements = []
    for k, st in enumerate(gold["statements"]):
        if rnd.random() < 0.2:
            continue
        a, b = st["content_span"]
        shift = rnd.randint(-(b - a) // 2, (b - a) // 2)
        statements.append({
            "id": f"p{k}", "speaker": f"e-{st['speaker']}" if rnd.random() < 0.7 else None,
            "speaker_text": rnd.choice(["he", "officials", st.get("speaker_text") or ""]),
            "type": rnd.choice(["direct", "indirect", "mixed"]), "act": rnd.choice(["assert", "deny", st["act"]]),
            "content": st["content"], "content_span": [max(0, a + shift), b + shift]})
    statements.append({"id": "extra", "type": "direct", "act": "assert", "content": "",
                       "content_span": [5000, 5100], "speaker_text": "nobody"})
    stances = [{"statement": s["id"], "stance": rnd.choice(["supports", "refutes", "uncertain"])}
               for s in statements if rnd.random() < 0.8]
    return {"format": "onrecord/1", "article": {"id": "seed", "text": ""}, "entities": ents,
            "statements": statements, "claims": [{"id": "c1", "text": "t", "stances": stances},
                                                 {"id": "c2", "text": "u", "stances": stances[:2]}]}


def _reference(shared, pred: dict, tmp_path) -> dict:
    path = tmp_path / "pred.json"
    path.write_text(json.dumps(pred), encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared / "gold" / "score.py"),
                          str(shared / "gold" / "mehr-iran-drones.gold.json"), str(path), "--json"],
                         capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": "0"})
    return json.loads(out.stdout)


@pytest.mark.parametrize("seed", range(6))
def test_same_numbers_as_score_py_on_perturbed_records(shared, tmp_path, seed):
    gold = g.load_gold(shared / "gold" / "mehr-iran-drones.gold.json")
    pred = _perturbed(copy.deepcopy(gold), seed)
    assert g.score(gold, pred).to_dict() == _reference(shared, pred, tmp_path)


def test_same_numbers_as_score_py_on_the_pipeline_record(shared, seed_text, pipeline, tmp_path):
    from onrecord import analyze
    from onrecord.models import Article
    pred = analyze(Article(id="seed", text=seed_text, language="en"), pipeline).to_dict()
    gold = g.load_gold(shared / "gold" / "mehr-iran-drones.gold.json")
    assert g.score(gold, pred).to_dict() == _reference(shared, pred, tmp_path)


def test_cli_eval_gold_with_a_prediction(shared, tmp_path):
    gold = g.load_gold(shared / "gold" / "mehr-iran-drones.gold.json")
    pred = _perturbed(gold, 7)
    path = tmp_path / "pred.json"
    path.write_text(json.dumps(pred), encoding="utf-8")
    gold_path = str(shared / "gold" / "mehr-iran-drones.gold.json")
    res = CliRunner().invoke(main, ["eval", "gold", gold_path, "--pred", str(path), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == _reference(shared, pred, tmp_path)
    res = CliRunner().invoke(main, ["eval", "gold", gold_path, "--pred", str(path)])
    assert res.exit_code == 0 and "f1: " in res.output and "precision: " in res.output


def test_cli_eval_gold_reports_a_bad_file(tmp_path):
    bad = tmp_path / "x.gold.json"
    bad.write_text("{}", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "gold", str(bad)])
    assert res.exit_code == 1 and "E400" in res.output


def test_total_sums_articles_micro():
    a = g.GoldScore(statements_gold=10, statements_pred=9, matched=8, optional_matched=1, precision=1.0,
                    recall=0.8, f1=0.889, speaker_accuracy=1.0, type_accuracy=1.0, act_accuracy=0.5,
                    claim_stance_accuracy=0.0)
    b = g.GoldScore(statements_gold=10, statements_pred=12, matched=6, optional_matched=0, precision=0.5,
                    recall=0.6, f1=0.545, speaker_accuracy=0.5, type_accuracy=1.0, act_accuracy=1.0,
                    claim_stance_accuracy=0.0)
    t = g.total([a, b])
    assert (t["statements_gold"], t["statements_pred"], t["matched"]) == (20, 21, 14)
    assert t["precision"] == round(14 / 20, 3) and t["recall"] == 0.7
    assert t["speaker_accuracy"] == round((9 * 1.0 + 6 * 0.5) / 15, 3)
    assert t["act_accuracy"] == round((9 * 0.5 + 6 * 1.0) / 15, 3)


def test_gold_text_keeps_carriage_returns():
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "gold" / "tehran-times" / "tehrantimes-411075.gold.json"
    gold = g.load_gold(path)
    text = g.gold_text(gold, path)
    assert "\r" in text
    for st in gold["statements"]:
        a, b = st["content_span"]
        assert text[a:b] == st["content"]


def test_eval_gold_sums_several_files():
    from pathlib import Path
    files = sorted((Path(__file__).resolve().parents[1] / "gold" / "tehran-times").glob("*.gold.json"))[:2]
    result = CliRunner().invoke(main, ["eval", "gold", *map(str, files), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["total"]["articles"] == 2
    assert out["total"]["statements_gold"] == sum(a["statements_gold"] for a in out["articles"].values())
    bad = CliRunner().invoke(main, ["eval", "gold", *map(str, files), "--pred", str(files[0])])
    assert bad.exit_code == 2 and "--pred" in bad.output
