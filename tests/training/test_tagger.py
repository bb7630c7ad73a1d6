"""training/tagger.py: a small run on real PolNeAR articles writes weights the tagger loads, resumes from
its checkpoints instead of training again, and a fresh run gives the same bytes (deterministic)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest

from onrecord.nlp import tagger as tg
from onrecord.training.tagger import TrainConfig, train

pytest.importorskip("torch")


def _config(shared, tmp_path, name):
    polnear = shared / "eval" / "polnear"
    return replace(TrainConfig(), train_dir=polnear / "train", dev_dir=polnear / "dev", limit=2, dev_limit=2,
                   epochs=1, out_dir=tmp_path / name / "out", cache=tmp_path / name / "cache")


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def small_run(shared, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tagger-train")
    config = _config(shared, tmp, "a")
    meta = train(config)
    return tmp, config, meta


def test_a_small_run_writes_weights_the_tagger_loads(small_run, pipeline):
    _, config, meta = small_run
    assert meta["train"]["articles"] == 2 and meta["dev"]["chosen_epoch"] == 1
    assert set(meta["dev"]["history"][0]) >= {"source", "cue", "content", "mean"}
    written = json.loads((config.out_dir / tg.META_NAME).read_text())
    assert written["format"] == tg.FORMAT
    model = tg.load(str(config.out_dir))
    doc = pipeline.nlp("“We reject the claims,” the minister said on Monday.")
    for att in model.predict(doc):
        assert 0 <= att.content[0] < att.content[1] <= len(doc.text)


def test_a_rerun_resumes_from_the_checkpoint(small_run, caplog):
    _, config, meta = small_run
    before = _digest(config.out_dir / tg.WEIGHTS_NAME)
    with caplog.at_level("INFO", logger="onrecord.training.tagger"):
        again = train(config)
    assert any("resumed after epoch 1" in r.message for r in caplog.records)
    assert again["dev"] == meta["dev"]
    assert _digest(config.out_dir / tg.WEIGHTS_NAME) == before


def test_a_fresh_run_gives_the_same_bytes(small_run, shared):
    tmp, config, _ = small_run
    other = _config(shared, tmp, "b")
    train(other)
    assert _digest(other.out_dir / tg.WEIGHTS_NAME) == _digest(config.out_dir / tg.WEIGHTS_NAME)
