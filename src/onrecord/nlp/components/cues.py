"""Cue words: is this token a speech cue, what act does it signal, and is it negated or refused?

Works on a plain spaCy Doc. The verbs, phrases, acts and negation table are data
(lexicons/<lang>/cues.json); this module only reads the parse.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ... import lexicons
from ..lemmas import lemma as lemma_of

AUX_DEPS = {"aux", "auxpass", "neg"}


@dataclass(frozen=True)
class Cue:
    tokens: tuple[int, int]        # token range [start, end) of the cue words
    verb: int                      # index of the cue's head token
    lemma: str
    act: str
    negated: bool
    noun_object: bool = False
    prep: str | None = None
    requires_prep: bool = False
    quote_only: bool = False
    cognitive: bool = False


def lexicon(lang: str = "en") -> dict:
    return lexicons.load("cues", lang)


def _phrase_particle(tok: Token, lex: dict) -> tuple[str, str | None, int] | None:
    """A two-word phrase cue ('point out', 'call on') headed by tok: (act, prep, end index)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None:
        return None
    for p in lex["phrases"]:
        if p["lemmas"][0] == lemma_of(tok).lower() and p["lemmas"][1] == nxt.lower_:
            return p["act"], nxt.lower_, tok.i + 2
    return None


def _left_aux(tok: Token) -> int:
    """Start of the contiguous auxiliary/negation chain just left of tok ('could not confirm')."""
    start = tok.i
    while start > 0:
        prev = tok.doc[start - 1]
        if prev.dep_ in AUX_DEPS and prev.head.i == tok.i:
            start -= 1
        else:
            break
    return start


def _refusal(tok: Token, lex: dict) -> Token | None:
    """'declined to comment', 'refused to confirm': the refusing verb governing tok, if any."""
    head = tok.head
    if tok.dep_ == "xcomp" and lemma_of(head).lower() in lex["refusals"]:
        return head
    return None


def withholds(tok: Token, lex: dict) -> bool:
    """Whether a verb refuses something rather than says something: a passive with a direct object
    ('Nouri has been denied access'), or 'deny' with a recipient or a thing granted ('denying Nouri
    access', 'denied him a visa', 'Tehran denied any access to the sites'; ``refused_objects``)."""
    if any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children):
        return True
    return lemma_of(tok).lower() == "deny" and (any(c.dep_ == "dative" for c in tok.children) or any(
        c.dep_ == "dobj" and lemma_of(c).lower() in lex["refused_objects"] for c in tok.children))


def cue_at(tok: Token, lang: str = "en") -> Cue | None:
    """The speech cue headed by ``tok``, or None."""
    lex = lexicon(lang)
    if tok.pos_ not in ("VERB", "AUX") and not (tok.lower_ == "according"):
        return None
    if tok.dep_ == "amod" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            and not (tok.i > 0 and tok.doc[tok.i - 1].text in ('"', "”")):
        return None                     # 'the disputed region': a participle used as an adjective
        #                                 (but '"... safe" tweeted Mayor of London Sadiq Khan': a cue)
    if withholds(tok, lex):
        return None
    lemma = lemma_of(tok).lower()
    phrase = _phrase_particle(tok, lex)
    entry = lex["verbs"].get(lemma)
    if phrase:
        act, prep, end = phrase
        entry = {"act": act, "prep": prep, "phrase": True}
    elif entry is None:
        return None
    else:
        end = tok.i + 1
        prep = entry.get("prep")
        if prep and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == prep:
            end = tok.i + 2          # 'called for', 'objected to'
    start = _left_aux(tok)
    negated = any(c.dep_ == "neg" for c in tok.children)
    refusal = _refusal(tok, lex)
    if refusal is not None:
        start, negated = refusal.i, True
    elif any(c.tag_ == "TO" for c in tok.children):
        return None                     # 'was prepared to discuss': a plan to speak, not speech
    act = entry["act"]
    if negated:
        act = lex["negated"].get(act, "other")
    return Cue(tokens=(start, end), verb=tok.i, lemma=lemma, act=act, negated=negated,
               noun_object=bool(entry.get("noun_object")), prep=entry.get("prep"),
               requires_prep=bool(entry.get("requires_prep")), cognitive=bool(entry.get("cognitive")),
               quote_only=bool(entry.get("quote_only")))
