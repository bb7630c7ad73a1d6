"""Fixed train / dev splits shared by training and evaluation, so neither imports the other's code.

Emergent (claim, headline, stance): claim-disjoint, a claim is dev when sha256(claim_id) mod 5 == 0
(about 20 % of claim ids). The stance model is fitted on the train part only
(``python -m onrecord.training stance``); ``python -m onrecord.evaluation.claims`` scores dev.

FNC-1 (headline, body, stance): body-disjoint, a body is dev when sha256(body id) mod 5 == 0, as FNC-1's own
baseline holds out bodies. The stance cross-encoder trains on the other bodies only.
"""
from __future__ import annotations

import hashlib


def is_dev(claim_id: str) -> bool:
    """Is this Emergent claim in the held-out dev split?"""
    return int(hashlib.sha256(claim_id.encode()).hexdigest(), 16) % 5 == 0


def is_fnc_dev(body_id: str) -> bool:
    """Is this FNC-1 body (and every pair with it) in the held-out dev split?"""
    return int(hashlib.sha256(str(body_id).encode()).hexdigest(), 16) % 5 == 0
