"""nlp/entities/mentions.py: named mentions, with the NER's edges corrected."""
from __future__ import annotations

from onrecord import Article, analyze


def test_a_person_named_at_the_end_of_an_organisation_span(pipeline):
    # Tehran Times 484647 (tests/gold/news): the NER tags "ICCIMA International Department Shahram
    # Khasipour" as one ORG; the man is a person of that department, and "He" later is him
    text = ("Chaired by Director-General for the Arab-African States in ICCIMA International Department "
            "Shahram Khasipour, the meeting was attended by a delegation of Vietnamese officials and "
            "businesspersons. Speaking at the meeting, Khasipour underlined Vietnam’s growing economy. "
            "He said the trade between the two countries would grow.")
    rec = analyze(Article(id="t", text=text), pipeline)
    people = [e for e in rec.entities if e.kind == "person"]
    assert [(e.name, e.affiliations) for e in people] == [("Shahram Khasipour", ("ICCIMA International Department",))]
    assert {s.speaker for s in rec.statements} == {people[0].id}


def test_an_organisation_named_like_a_person_stays_one(pipeline):
    rec = analyze(Article(id="t", text="Morgan Stanley said profits rose in the third quarter."), pipeline)
    assert [(e.name, e.kind) for e in rec.entities] == [("Morgan Stanley", "organization")]
