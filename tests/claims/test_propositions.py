"""Propositions: report frames off, quote marks off (words kept), polarity; on seed sentences."""
from __future__ import annotations

import pytest

from onrecord.claims.propositions import of_statement, proposition
from onrecord.models import Statement

CASES = [
    ("Western claims that Iran has supplied weapons and drones to Russia for use against Ukraine",
     "Iran has supplied weapons and drones to Russia for use against Ukraine", "positive"),
    ("claims made by Western countries last week that Iran had sent drones to Russia for use against Ukraine",
     "Iran had sent drones to Russia for use against Ukraine", "positive"),
    ("allegations that Tehran sent Moscow drones for use in the conflict in Ukraine",
     "Tehran sent Moscow drones for use in the conflict in Ukraine", "positive"),
    ('that Iran "strongly opposes violence and the arming of any side in the Ukrainian crisis."',
     "Iran strongly opposes violence and the arming of any side in the Ukrainian crisis", "positive"),
    ("that the Pentagon could not confirm that the drones deployed by Russia to strike Ukraine were built in Iran",
     "the Pentagon could not confirm that the drones deployed by Russia to strike Ukraine were built in Iran",
     "negative"),
    ("the allegations made by the West regarding the export of drones to Russia",
     "the export of drones to Russia", "positive"),
    ("“We have long-standing defense cooperation with Russia; this is unrelated to the conflict in Ukraine,”",
     "We have long-standing defense cooperation with Russia; this is unrelated to the conflict in Ukraine",
     "positive"),
    ("Iran's drones were not sent to Russia", "Iran's drones were not sent to Russia", "negative"),
]


@pytest.mark.parametrize(("content", "text", "polarity"), CASES)
def test_proposition(content, text, polarity):
    p = proposition(content)
    assert p.text == text
    assert p.polarity == polarity
    assert content[p.span[0]:p.span[1]].replace('"', "").strip() .startswith(text[:10])


def test_nothing_left():
    assert proposition("that") is None
    assert proposition("“Yes,”") is None


def test_appeals_have_no_proposition():
    s = Statement(id="s1", type="indirect", act="appeal", content="technical meetings between the two nations",
                  content_span=(0, 41))
    assert of_statement(s) is None
