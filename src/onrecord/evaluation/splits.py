"""Fixed train / dev splits shared by training and evaluation, so neither imports the other's code.

Emergent (claim, headline, stance): claim-disjoint, a claim is dev when sha256(claim_id) mod 5 == 0
(about 20 % of claim ids). The stance model is fitted on the train part only
(``python -m onrecord.training stance``); ``python -m onrecord.evaluation.claims`` scores dev.
"""
from __future__ import annotations

import hashlib


def is_dev(claim_id: str) -> bool:
    """Is this Emergent claim in the held-out dev split?"""
    return int(hashlib.sha256(claim_id.encode()).hexdigest(), 16) % 5 == 0
