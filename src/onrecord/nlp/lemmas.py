"""Lemmas on demand: the spaCy model's rule lemmatizer, run only on the tokens onrecord reads.

The lemmatizer component costs about a sixth of the model's time (docs/benchmarks.md, issue 16) and
lemmatizes every token, while onrecord reads the lemmas of a few: cue verbs, the heads of mentions.
``nlp.pipeline.load_nlp`` disables the component and installs it here; :func:`lemma` gives a token's
lemma exactly as the component would have set it (a lemma the attribute ruler set is kept, as the
component keeps it), and stores it on the token, so a second read costs nothing. Without an installed
lemmatizer (a model loaded elsewhere, with its lemmatizer on) it reads ``token.lemma_``.
"""
from __future__ import annotations

from spacy.tokens import Token

_LEMMATIZER = None


def install(lemmatizer) -> None:
    """Read lemmas from ``lemmatizer`` (a spaCy ``Lemmatizer``, its pipe disabled) from now on."""
    global _LEMMATIZER
    _LEMMATIZER = lemmatizer


def lemma(tok: Token) -> str:
    """The token's lemma, as the model's lemmatizer would have set it."""
    if tok.lemma != 0 or _LEMMATIZER is None:
        return tok.lemma_
    value = _LEMMATIZER.lemmatize(tok)[0]
    tok.lemma_ = value
    return value
