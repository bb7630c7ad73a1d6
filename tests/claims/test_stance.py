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
