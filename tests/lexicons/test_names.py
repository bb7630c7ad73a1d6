"""lexicons/names.py: folding and tokenising names."""
from __future__ import annotations

import pytest

from onrecord.lexicons.names import fold, name_tokens, strip_edges, without_article


@pytest.mark.parametrize("text, want", [("Abdolláhian", "abdollahian"), ("KANAANI", "kanaani")])
def test_fold(text, want):
    assert fold(text) == want


@pytest.mark.parametrize("text, want", [
    ("Mr. Amir-Abdollahian's", ("mr", "amir-abdollahian")),
    ("“Nasser Kanaani,”", ("nasser", "kanaani")),
    ("", ()),
])
def test_name_tokens(text, want):
    assert name_tokens(text) == want


def test_edges_and_article():
    assert strip_edges(" (Kanaani’s) ") == "Kanaani"
    assert without_article("The Pentagon") == "Pentagon"
