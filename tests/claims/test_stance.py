"""Rule stance: speech act, negated cue, nested reports, cues in the proposition (seed and general)."""
from __future__ import annotations

import pytest

from onrecord.claims.propositions import proposition
from onrecord.claims.stance import cues, rule_stance
from onrecord.models import Statement

CLAIM = "Iran has supplied weapons and drones to Russia for use against Ukraine"


def st(act, content, negated=False):
    return Statement(id="s", type="indirect", act=act, content=content, content_span=(0, len(content)),
                     negated=negated)


@pytest.mark.parametrize(("act", "content", "negated", "nested", "want"), [
    ("deny", "claims that Iran sent drones to Russia", False, None, "refutes"),
    ("deny", "that Iran sent drones to Russia", True, None, "uncertain"),            # did not deny
    ("uncertain", "that the drones deployed by Russia were built in Iran", True, None, "uncertain"),
    ("accuse", "that Iran has supplied weapons and drones to Russia", False, None, "supports"),
    ("confirm", "that Russia had used drones built domestically in the war on Ukraine", False, None, "refutes"),
    ("assert", "the Pentagon could not confirm that the drones were built in Iran", False, None, "uncertain"),
    ("assert", "X had confirmed that Russia had used drones built domestically", False, "refutes", "refutes"),
    ("assert", "We have defense cooperation with Russia; this is unrelated to the conflict in Ukraine",
     False, None, "refutes"),
    ("assert", "our policy is not to send weapons to the warring parties", False, None, "refutes"),
    ("assert", "We have asked the Ukrainian authorities to produce any supporting document about the "
               "deployment of Iranian drones", False, None, "refutes"),
    ("assert", "Tehran delivered hundreds of drones to Moscow", False, None, "supports"),
    ("assert", "that Iran sent drones to Russia", True, None, "uncertain"),          # did not say
])
def test_rule_stance(act, content, negated, nested, want):
    s = st(act, content, negated)
    assert rule_stance(s, proposition(content), CLAIM, nested=nested) == want


def test_participle_rejecting_the_sale_refutes():
    """'saying we reject the sale of drones' is a deny act in the statement layer, or a refuting word."""
    content = "we vehemently reject the sale of drones and military equipment to Russia"
    assert rule_stance(st("assert", content), proposition(content), CLAIM) == "refutes"
    assert rule_stance(st("deny", content), proposition(content), CLAIM) == "refutes"


def test_contradiction_needs_the_claim_to_be_about_supply():
    assert cues("Russia used drones built domestically", CLAIM).contradicts
    assert not cues("Russia used drones built domestically", "Russian drones hit Kyiv").contradicts


def test_accusation_with_a_rejection_alongside_supports():
    content = "Iran of supplying drones to Russia for use in the Ukraine war, a claim Iran roundly rejects"
    assert rule_stance(st("accuse", content), proposition(content), CLAIM) == "supports"


def test_a_discrediting_frame_turns_the_reported_stance_round():
    """"Tehran says the U.S. is pursuing political purposes by claiming that P": the U.S. supports P,
    Tehran refutes it; "Tehran says the U.S. has confirmed that P" passes the U.S.'s stance on."""
    from onrecord.claims.propositions import of_statements
    for frame, want in [("the U.S. is pursuing particular political purposes by claiming", "refutes"),
                        ("the U.S. is lying when it claims", "refutes"),
                        ("the U.S. has confirmed", "supports")]:
        content = f"{frame} that Iran sent drones to Russia"
        inner = content.index("that Iran")
        outer = Statement(id="s1", type="indirect", act="assert", content=content, cue="says",
                          content_span=(20, 20 + len(content)), cue_span=(14, 18))
        child = Statement(id="s2", type="indirect", act="assert", content=content[inner:],
                          content_span=(20 + inner, 20 + len(content)), cue_span=(20 + inner - 8, 20 + inner - 1),
                          nested_in="s1")
        props = dict((s.id, p) for s, p in of_statements([outer, child]))
        claim = props["s2"].text
        assert rule_stance(outer, props["s1"], claim, nested=rule_stance(child, props["s2"], claim)) == want


@pytest.mark.parametrize(("act", "content", "want"), [
    ("assert", "such claims are consistent with the White House's specific political interests", "refutes"),
    ("deny", "recent charges hurled against Tehran by Jake Sullivan", "refutes"),
    ("confirm", "the recent reports from Kyiv", "supports"),
    ("question", "the recent reports from Kyiv", "uncertain"),
])
def test_what_a_reference_says_of_the_claim(act, content, want):
    s = Statement(id="s1", type="indirect", act=act, content=content, content_span=(0, len(content)))
    from onrecord.claims.propositions import of_statement
    p = of_statement(s)
    assert p.reference
    assert rule_stance(s, p, "Iran sent drones to Russia") == want


def test_a_negation_reaches_only_its_own_clause():
    """Tehran Times 483690 (tests/gold/news): "the ultimate victory for Palestine is not distant, as every
    move made by the Zionists ..." does not negate the claim that "any such move will lead to the
    destruction of the Zionist regime"."""
    text = "the ultimate victory for Palestine is not distant, as every move made by the Zionists speeds it"
    claim = "any such move will lead to the destruction of the Zionist regime of Israel"
    assert rule_stance(st("assert", text), proposition(text), claim) == "supports"
    assert rule_stance(st("assert", "Iran did not send drones to Russia"),
                       proposition("Iran did not send drones to Russia"), CLAIM) == "refutes"


def test_a_statement_holds_its_own_proposition():
    """The seed (Tehran Times 478273): Kanaani's 'Iran "strongly opposes violence and the arming of any
    side in the Ukrainian crisis."' is an oppose act, and the claim made of it has its text: he supports
    it (before, every oppose act refuted; the issue's example). Opposing a thing still refutes it."""
    text = 'that Iran "strongly opposes violence and the arming of any side in the Ukrainian crisis."'
    claim = "Iran strongly opposes violence and the arming of any side in the Ukrainian crisis"
    assert rule_stance(st("oppose", text), proposition(text), claim) == "supports"
    assert rule_stance(st("oppose", "Iran opposes conflicts everywhere"),
                       proposition("Iran opposes conflicts everywhere"), claim) == "supports"
    sale = Statement(id="s", type="indirect", act="oppose", content="the sale of drones to Russia",
                     content_span=(0, 28), nominal=True)
    from onrecord.claims.propositions import of_statement
    assert rule_stance(sale, of_statement(sale), CLAIM) == "refutes"
