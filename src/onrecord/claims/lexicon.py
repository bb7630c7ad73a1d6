"""The claims lexicon (``lexicons/<lang>/claims.json``), loaded once, with matchers.

Every heuristic word list of the claims package lives in that file, keyed by role; code never lists
words itself (house style: heuristics are data).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons


def phrase_pattern(phrases) -> re.Pattern:
    """One case-insensitive regex matching any of the phrases on word boundaries, longest first."""
    alts = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Contradiction:
    about: str
    claim: re.Pattern
    text: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    complementizers: re.Pattern
    allegation_nouns: frozenset[str]
    reference_modifiers: frozenset[str]
    frame_verbs: frozenset[str]
    discrediting: re.Pattern
    negators: re.Pattern
    refuting: re.Pattern
    evidence_demands: re.Pattern
    hedges: re.Pattern
    uncertain_cues: re.Pattern
    contradictions: tuple[Contradiction, ...]
    non_propositional_acts: frozenset[str]
    match_stop_words: frozenset[str]
    content_stop_words: frozenset[str]


@lru_cache(maxsize=4)
def load(language: str = "en") -> Lexicon:
    d = lexicons.load("claims", language)
    negators = [w for w in d["negators"] if w != "n't"]
    return Lexicon(
        complementizers=phrase_pattern(d["complementizers"]),
        allegation_nouns=frozenset(w.lower() for w in d["allegation_nouns"]),
        reference_modifiers=frozenset(w.lower() for w in d["reference_modifiers"]),
        frame_verbs=frozenset(w.lower() for w in d["frame_verbs"]),
        discrediting=phrase_pattern([*d["refuting"], *d["discrediting"]]),
        negators=re.compile(phrase_pattern(negators).pattern + r"|n[’']t\b", re.IGNORECASE),
        refuting=phrase_pattern(d["refuting"]),
        evidence_demands=phrase_pattern(d["evidence_demands"]),
        hedges=phrase_pattern(d["hedges"]),
        uncertain_cues=phrase_pattern(d["uncertain_cues"]),
        contradictions=tuple(Contradiction(c["about"], phrase_pattern(c["claim"]), phrase_pattern(c["text"]))
                             for c in d["contradictions"]),
        non_propositional_acts=frozenset(d["non_propositional_acts"]),
        match_stop_words=frozenset(d["match_stop_words"]),
        content_stop_words=frozenset(d["content_stop_words"]),
    )
