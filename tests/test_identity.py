"""identity: cross-article speaker keys and merging."""
import pytest

from onrecord.identity import identity_key, same_speaker
from onrecord.models import Entity


@pytest.mark.parametrize("name, kind, titles, affs, key", [
    ("Nasser Kanaani", "person", (), (), "person:nasser kanaani"),
    ("Mr. Nasser Kanaani", "person", (), (), "person:nasser kanaani"),
    ("Nasser Kanaaní", "person", (), (), "person:nasser kanaani"),
    ("President Ebrahim Raisi", "person", ("president",), (), "person:ebrahim raisi"),
    ("Kanaani", "person", ("spokesperson",), ("Iranian Foreign Ministry",), "person:kanaani|spokesman|iran"),
    ("U.S.", "country", (), (), "country:united states"),
    ("the Pentagon", "organization", (), (), "organization:pentagon"),
])
def test_identity_key(name, kind, titles, affs, key):
    assert identity_key(name, kind, titles, affs) == key


def P(name, titles=(), affs=(), kind="person"):
    return Entity(id="e", name=name, kind=kind, titles=tuple(titles), affiliations=tuple(affs))


@pytest.mark.parametrize("a, b, same", [
    (P("Hossein Amir Abdollahian"), P("Amir Abdollahian"), True),
    (P("Mr. Jake Sullivan"), P("jake sullivan"), True),
    (P("Ali Larijani"), P("Sadeq Larijani"), False),                      # surname alone never merges
    (P("Larijani"), P("Ali Larijani", ["speaker"], ["Iran"]), False),     # nothing agrees
    (P("Larijani", [], ["Iran"]), P("Ali Larijani", ["speaker"], ["Iran"]), False),  # a country is not enough
    (P("Kanaani", ["spokesman"], ["Iran"]), P("Nasser Kanaani", ["spokesperson"], ["Iranian Foreign Ministry"]), True),
    (P("Kanaani", ["ambassador"]), P("Nasser Kanaani", ["spokesman"]), False),
    (P("a senior official", kind="unnamed"), P("a senior official", kind="unnamed"), False),
    (P("U.S.", kind="country"), P("United States", kind="country"), True),
    ({"name": "Nasser Kanaani", "kind": "person"}, {"name": "NASSER KANAANI", "kind": "person"}, True),
])
def test_same_speaker(a, b, same):
    assert same_speaker(a, b) is same
    assert same_speaker(b, a) is same
