"""training/resolver.py: a small run on real GUM, GAP and gold writes a ranker the resolver loads, from
anaphors whose right answers are read from the gold; a second run gives the same bytes."""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from onrecord.nlp.entities import ranker
from onrecord.training import resolver as rt

pytest.importorskip("torch")
GOLD = Path(__file__).resolve().parents[1] / "gold"


def _config(tmp_path, name):
    return replace(rt.ResolverConfig(), limit=4, epochs=2, out_dir=tmp_path / name / "out",
                   cache=tmp_path / "cache", gold=tuple(sorted((GOLD / "tehran-times").glob("*.gold.json"))[:2]))


@pytest.fixture(scope="module")
def small_run(shared, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("resolver-train")
    config = _config(tmp, "a")
    return tmp, config, rt.train(config)


def test_the_development_gold_never_holds_the_held_out_half():
    chosen = json.loads((GOLD / "news" / "articles.json").read_text(encoding="utf-8"))
    names = {p.name.split(".")[0] for p in rt.development_gold()}
    assert not names & set(chosen["held-out"])
    assert set(chosen["development"]) <= names


def test_a_small_run_writes_a_model_the_resolver_loads(small_run, pipeline):
    _, config, out = small_run
    assert out["anaphors"] > 0 and 0.0 <= out["chosen"]["gum_dev"] <= 1.0
    meta = ranker.read(config.out_dir)
    assert meta["features"] == list(ranker.FEATURES) and meta["train"]["chosen_epoch"] in (1, 2)
    table = json.loads((config.out_dir / ranker.NAMES).read_text(encoding="utf-8"))
    assert table["mary"] > 0.9 and table["john"] < 0.1
    model = ranker.load(str(config.out_dir))
    from onrecord.lexicons.speakers import load
    from onrecord.nlp.entities.resolve import Resolver
    text = "Nasser Kanaani spoke on Monday. He said that Iran rejects the claims."
    doc = pipeline.nlp(text)
    span = doc.char_span(text.index("He"), text.index("He") + 2)
    chosen = Resolver(doc, load("en"), model).by_pronoun(span, span.start_char)
    assert chosen is None or chosen.name == "Nasser Kanaani"


def test_gold_anaphors_take_their_answers_from_the_gold(pipeline):
    files = sorted((GOLD / "tehran-times").glob("*.gold.json"))[:1]
    from onrecord.evaluation.gold import gold_text, load_gold
    from onrecord.lexicons.speakers import load
    with pipeline.nlp.select_pipes(disable=[n for n in pipeline.nlp.pipe_names if n.startswith("onrecord_")]):
        parsed = [pipeline.nlp(gold_text(load_gold(p), p)) for p in files]
    exs = rt.gold_examples(files, parsed, load("en"), ranker.first_names())
    gold = json.loads(files[0].read_text(encoding="utf-8"))
    resolvable = [s for s in gold["statements"] if s["speaker_text"] and s["speaker_text"].lower() in ("he", "she")]
    assert len(exs) >= len(resolvable) > 0
    assert sum(bool(e.positive) for e in exs) >= len(exs) // 2


def test_a_second_run_gives_the_same_bytes(small_run):
    tmp, config, _ = small_run
    other = _config(tmp, "b")
    rt.train(other)
    for name in (ranker.WEIGHTS, ranker.NAMES):
        assert hashlib.sha256((other.out_dir / name).read_bytes()).hexdigest() == \
            hashlib.sha256((config.out_dir / name).read_bytes()).hexdigest()
