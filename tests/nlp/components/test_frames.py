"""nlp.components.frames: a dateline is never a speaker, with its dash spaced or glued to the place
(Tehran Times 474747 opens "TEHRAN- Tehran says ...", 478210 "TEHRAN – The Interior Ministry ...")."""
from __future__ import annotations

import pytest

from onrecord.nlp.components.frames import is_dateline


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


@pytest.mark.parametrize("text, first, dateline", [
    ("TEHRAN- Tehran says the U.S. is pursuing particular political purposes.", "TEHRAN-", True),
    ("TEHRAN – The Interior Ministry of Tajikistan has denied reports.", "TEHRAN", True),
    ("NATO says the alliance will meet on Monday.", "NATO", False),
    ("UN- and EU-backed talks resumed in Vienna.", "UN-", False),
])
def test_a_dateline_with_its_dash_spaced_or_glued(nlp, text, first, dateline):
    doc = nlp.make_doc(text)
    assert doc[0].text == first
    assert is_dateline(doc[0]) is dateline


def test_a_glued_dateline_is_not_the_speaker(pipeline):
    from onrecord import Article, analyze
    rec = analyze(Article(id="t", text="TEHRAN- Tehran says the U.S. is pursuing particular political purposes "
                                       "by claiming that Iran wants to deliver drones to Russia."), pipeline)
    first = rec.statements[0]
    assert first.speaker_text == "Tehran"
    assert next(e for e in rec.entities if e.id == first.speaker).name == "Iran"
