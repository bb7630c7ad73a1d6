"""store/keys.py: the normalised name that makes one speaker of many mentions across articles."""
import pytest

from onrecord.store.keys import speaker_key


@pytest.mark.parametrize("a, b", [
    ("Nasser Kanaani", "NASSER  KANAANI"),
    ("Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"),
    ("Dmytro Kuleba", "Dmytro Kuleba."),
    ("Andrej Plenković", "Andrej Plenkovic"),
    ("Nasser Kan'aani", "Nasser Kanaani"),
])
def test_same_speaker_same_key(a, b):
    assert speaker_key(a) == speaker_key(b)


def test_different_speakers_differ():
    assert speaker_key("Jake Sullivan") != speaker_key("Dmytro Kuleba")
    assert speaker_key("Jake Sullivan") == "jake sullivan"
