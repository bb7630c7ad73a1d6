"""Stance of a statement toward a claim: supports / refutes / uncertain (and, for text pairs, unrelated).

Two parts:

* :func:`rule_stance`: from the speech act (deny -> refutes, uncertain -> uncertain, assert / confirm /
  accuse -> supports of its own proposition), a negated cue, the stance of a statement nested in it
  (turned round when the frame around it discredits it: "the U.S. lies when it claims that P"), what a
  reference to the claim says of it ("such claims are politically motivated" -> refutes),
  and cues in the proposition (refuting words, demands for evidence, "could not confirm", a proposition
  that contradicts the claim, a negated clause sharing the claim's words). Used inside analyze().
* the learned (claim, text) stance of ``onrecord stance`` is elsewhere: the cross-encoder
  (``stance_encoder.py``) behind ``pairs.PairJudge``; ``stance_model.py`` is the older logistic model,
  kept as the baseline that ``evaluation.claims emergent --model lr`` scores.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Statement
from . import lexicon
from .propositions import Proposition, discredits

_CONTENT_WORD = re.compile(r"[A-Za-z][\w-]{2,}")


def content_words(text: str, language: str = "en") -> set[str]:
    """Lower-cased words of three letters or more, less the lexicon's ``content_stop_words``, crudely
    stemmed."""
    stop = lexicon.load(language).content_stop_words
    return {_stem(w.lower()) for w in _CONTENT_WORD.findall(text) if w.lower() not in stop}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Cues:
    """What the proposition's words say about the claim."""

    refuting: bool = False
    evidence_demand: bool = False
    uncertain: bool = False
    contradicts: bool = False
    negated_overlap: bool = False

    @property
    def any(self) -> bool:
        return self.refuting or self.evidence_demand or self.uncertain or self.contradicts \
            or self.negated_overlap

    @property
    def refutes(self) -> bool:
        return self.refuting or self.evidence_demand or self.contradicts or self.negated_overlap


def negated_overlap(text: str, claim: str, lex: lexicon.Lexicon, window: int = 4) -> bool:
    """A negator with one of the claim's content words within ``window`` words after it, in its own
    clause: the negation's scope ends at a comma, semicolon or sentence end ("is not distant, as every
    move ..." does not negate "move")."""
    want = content_words(claim)
    for m in lex.negators.finditer(text):
        scope = re.split(r"[,;:.!?]", text[m.end():], maxsplit=1)[0]
        if content_words(" ".join(scope.split()[:window])) & want:
            return True
    return False


def cues(text: str, claim: str, language: str = "en", wording: str | None = None) -> Cues:
    """Cues in ``text`` toward ``claim``; ``wording``: more of the claim's wordings, for word overlap."""
    lex = lexicon.load(language)
    contradicts = any(c.claim.search(claim) and c.text.search(text) and not c.text.search(claim)
                      for c in lex.contradictions)
    return Cues(refuting=bool(lex.refuting.search(text)) and not lex.refuting.search(claim),
                evidence_demand=bool(lex.evidence_demands.search(text)),
                uncertain=bool(lex.uncertain_cues.search(text)),
                contradicts=contradicts,
                negated_overlap=negated_overlap(text, f"{claim} {wording or ''}", lex)
                and lex.negators.search(claim) is None)


_FLIP = {"supports": "refutes", "refutes": "supports"}


def rule_stance(statement: Statement, prop: Proposition | None, claim: str,
                nested: str | None = None, language: str = "en", wording: str | None = None) -> str:
    """The stance of one statement toward ``claim``; ``nested``: the stance of a statement it reports."""
    act = statement.act
    if act == "deny":
        return "uncertain" if statement.negated else "refutes"
    if act in ("uncertain", "question"):
        return "uncertain"
    if statement.negated:                       # "did not say", "would not confirm"
        return "uncertain"
    lex = lexicon.load(language)
    if prop is not None and prop.reference:     # "such claims are politically motivated"
        if act == "oppose" or lex.discrediting.search(prop.text):
            return "refutes"
        return "supports" if act == "confirm" else "uncertain"
    if nested is not None:                      # "He said X confirmed that P": X's stance, reported ...
        if prop is not None and discredits(prop, language):
            return _FLIP.get(nested, nested)    # ... "X says the U.S. lies when it claims that P"
        return nested
    if act == "accuse":                         # an accusation asserts its charge; a rejection quoted
        return "supports"                       # alongside it ("a claim Iran rejects") is someone else's
    if prop is not None and prop.text == claim and not prop.nominal:
        return "supports"                       # its own proposition: what it says, it holds
    c = cues(prop.text if prop else statement.content, claim, language, wording)
    if c.uncertain:
        return "uncertain"
    if c.refutes or (act == "oppose" and (prop is None or prop.nominal)):
        return "refutes"                        # "opposed the sale of drones"; but "Iran strongly
    return "supports"                           # opposes violence" asserts what it says
