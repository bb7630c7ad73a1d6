"""lexicons/names.py: folding and tokenising names."""
from __future__ import annotations

import pytest

from onrecord.lexicons.names import acronym, fold, is_acronym, name_tokens, strip_edges, without_article


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
    assert strip_edges("the Air Force (IRIAF), ") == "the Air Force (IRIAF)"
    assert without_article("The Pentagon") == "Pentagon"


@pytest.mark.parametrize("name, want", [
    ("Atomic Energy Organization of Iran", "aeoi"),
    ("the European Union", "eu"),
    ("International Atomic Energy Agency", "iaea"),
    ("Pentagon", None),
])
def test_acronym(name, want):
    assert acronym(name) == want


def test_is_acronym():
    assert is_acronym("AEOI") and is_acronym("the IAEA") and is_acronym("U.N.")
    assert not is_acronym("Iran") and not is_acronym("A") and not is_acronym("Atomic Energy Organization")
