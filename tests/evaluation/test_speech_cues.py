"""evaluation/speech_cues.py: which gold cues hold a speech verb."""
from __future__ import annotations

import pytest

from onrecord.evaluation.speech_cues import is_speech_cue, lemma_candidates


@pytest.mark.parametrize("cue, speech", [
    ("said", True), ("says", True), ("has told", True), ("denied", True), ("admitted", True),
    ("announcing", True), ("according to", False), ("―", False), (":", False), ("shows", False),
])
def test_is_speech_cue(cue, speech):
    assert is_speech_cue(cue) is speech


def test_lemma_candidates():
    assert "claim" in lemma_candidates("claimed")
    assert "note" in lemma_candidates("noted")
    assert "say" in lemma_candidates("said")
    assert "deny" in lemma_candidates("denies")
