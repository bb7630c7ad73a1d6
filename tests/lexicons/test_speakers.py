"""lexicons/speakers.py: the speaker lexicon's lookups."""
from __future__ import annotations

import pytest

from onrecord.lexicons.speakers import load

LEX = load("en")


@pytest.mark.parametrize("text, titles", [
    ("Foreign Ministry spokesman Nasser Kanaani", ["spokesman"]),
    ("the spokesperson", ["spokesman"]),
    ("Kanaani said", []),
])
def test_find_titles(text, titles):
    assert LEX.find_titles(text) == titles


@pytest.mark.parametrize("text, countries", [
    ("the Iranian Foreign Ministry", ["Iran"]),
    ("a Kremlin spokesman", ["Russia"]),
    ("the Pentagon and the White House", ["United States"]),
    ("a local official", []),
])
def test_countries(text, countries):
    assert LEX.countries(text) == countries


def test_sets_are_read_from_the_data():
    assert "he" in LEX.pronouns and "the" in LEX.definite and "with" in LEX.addressee_preps
    assert LEX.titles == tuple(sorted(LEX.titles, key=len, reverse=True))
    assert LEX.nationalities["iran"] == ("Iran", "country")     # a country's own name points to itself


@pytest.mark.parametrize("name, outlet", [
    ("Politico", True), ("the Tass news agency", True), ("Press TV", True), ("Fars News Agency", True),
    ("the Guardian", True), ("Josep Borrell", False), ("Fars province", False), ("Saba", False),
])
def test_outlets(name, outlet):
    assert load("en").is_outlet(name) is outlet
