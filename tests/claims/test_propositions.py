"""Propositions: report frames off, quote marks off (words kept), polarity; on seed sentences and a
Tehran Times lede; a report of a statement takes its proposition; references to an allegation."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.claims.propositions import of_statement, of_statements, proposition
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


# The lede of Tehran Times 474747 (CC BY 4.0): "Tehran says the U.S. is pursuing particular political
# purposes by claiming that Iran wants to deliver hundreds of combat-capable drones to Russia."
LEDE = ("the U.S. is pursuing particular political purposes by claiming that Iran wants to deliver hundreds "
        "of combat-capable drones to Russia")
P = "Iran wants to deliver hundreds of combat-capable drones to Russia"


def _lede_statements():
    at = 20                                         # where the content starts in the article
    inner = LEDE.index("that Iran")
    outer = Statement(id="s1", type="indirect", act="assert", content=LEDE, cue="says",
                      content_span=(at, at + len(LEDE)), cue_span=(14, 18), speaker="e1", speaker_span=(8, 14))
    child = Statement(id="s2", type="indirect", act="assert", content=LEDE[inner:], cue="claiming",
                      content_span=(at + inner, at + len(LEDE)), cue_span=(at + inner - 9, at + inner - 1),
                      speaker="e2", speaker_span=(at, at + 8), nested_in="s1")
    return outer, child


def test_a_report_of_a_statement_takes_its_proposition():
    """"X says the U.S. ... by claiming that P" is about P, not about the U.S.'s purposes; the words
    before P are the frame that says how X takes it."""
    outer, child = _lede_statements()
    got = dict((s.id, p) for s, p in of_statements([outer, child]))
    assert got["s1"].text == got["s2"].text == P
    assert got["s1"].reported and not got["s2"].reported
    assert got["s1"].frame == "the U.S. is pursuing particular political purposes by claiming that"
    assert LEDE[got["s1"].span[0]:got["s1"].span[1]] == P


def test_a_report_that_does_not_hold_the_reported_statement_keeps_its_own():
    outer, child = _lede_statements()
    elsewhere = replace(child, content_span=(500, 500 + len(child.content)), cue_span=(490, 498),
                        speaker_span=(480, 488))
    got = dict((s.id, p) for s, p in of_statements([outer, elsewhere]))
    assert got["s1"].text == LEDE and not got["s1"].reported


@pytest.mark.parametrize(("content", "act", "reference"), [
    ("recent charges hurled against Tehran by the U.S. national security adviser Jake Sullivan", "deny", True),
    ("that such claims, which coincide with Biden's travel, are consistent with the White House's specific "
     "political interests", "assert", True),
    ("The allegations are baseless", "assert", True),
    ("Further charges may be laid in the future", "assert", False),      # a court's charges (Wikinews)
    ("recent charges hurled against Tehran", "assert", False),
    ("Reports show Iran is enriching uranium to 60 percent", "deny", False),
    ("the claims that Iran sent drones to Russia", "deny", False),       # a frame: the proposition is left
    ("Iran sent drones to Russia", "deny", False),
    ("such unsubstantiated allegations", "deny", True),                  # Tehran Times 482541
    ("the sweeping claims", "deny", True),                               # Tehran Times 482271
    ("such an allegation", "deny", True),                                # Tehran Times 480026
])
def test_references_to_an_allegation(content, act, reference):
    s = Statement(id="s1", type="indirect", act=act, content=content, content_span=(0, len(content)))
    assert of_statement(s).reference is reference
