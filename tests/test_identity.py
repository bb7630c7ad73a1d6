"""identity: cross-article speaker keys and merging."""
import pytest

from onrecord.identity import identity_key, same_speaker, spelling_variants
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
    # transliterations seen in the Tehran Times corpus (drone articles of 2022)
    (P("Dmytro Kuleba"), P("Dmitry Kuleba"), True),
    (P("Amir Saeid Iravani"), P("Amir Saeed Iravani"), True),
    (P("Saeid Iravani"), P("Amir Saeed Iravani"), True),
    (P("Volodymyr Zelenskyy"), P("Volodymyr Zelensky"), True),
    (P("Mikhail Podolyak"), P("Mykhailo Podolyak"), True),
    (P("Mohammad Hosseini"), P("Mahmoud Hosseini"), False),              # two names, not two spellings
    (P("Hassan Rouhani"), P("Hossein Rouhani"), False),
    (P("Yair Lapid"), P("Yisrael Lapid"), False),
])
def test_same_speaker(a, b, same):
    assert same_speaker(a, b) is same
    assert same_speaker(b, a) is same


@pytest.mark.parametrize("a, b, variants", [
    ("dmytro", "dmitry", True), ("saeed", "saeid", True), ("ardekani", "ardakani", True),
    ("hossein", "hussein", True), ("emanuel", "emmanuel", True),
    ("mohammad", "mahmoud", False), ("hassan", "hossein", False), ("willian", "william", False),
    ("ali", "ala", False),                                  # short words must be equal
])
def test_spelling_variants(a, b, variants):
    assert spelling_variants(a, b) is variants
