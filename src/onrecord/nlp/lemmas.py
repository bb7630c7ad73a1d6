"""Lemmas on demand: the spaCy model's rule lemmatizer, run only on the tokens onrecord reads.

The lemmatizer component costs about a sixth of the model's time (docs/benchmarks.md, issue 16) and
lemmatizes every token, while onrecord reads the lemmas of a few: cue verbs, the heads of mentions.
``nlp.pipeline.load_nlp`` has :func:`install` disable the component and keep it, per model (by the
model's vocabulary, so that two models in one process never share one); :func:`lemma` gives a token's
lemma exactly as the component would have set it (a lemma the attribute ruler set is kept, as the
component keeps it), and stores it on the token, so a second read costs nothing. Without an installed
lemmatizer (a model loaded elsewhere, with its lemmatizer on) it reads ``token.lemma_``.
"""
from __future__ import annotations

from spacy.tokens import Token

_LEMMATIZERS: dict[int, tuple] = {}      # id(vocab) -> (vocab, lemmatizer): each model its own


def install(nlp) -> None:
    """Turn the model's lemmatizer pipe off and lemmatize its tokens on demand from now on."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    _LEMMATIZERS[id(nlp.vocab)] = (nlp.vocab, lemmatizer)
    nlp.disable_pipe("lemmatizer")


def lemma(tok: Token) -> str:
    """The token's lemma, as its model's lemmatizer would have set it."""
    if tok.lemma != 0:
        return tok.lemma_
    entry = _LEMMATIZERS.get(id(tok.vocab))
    if entry is None or entry[0] is not tok.vocab:
        return tok.lemma_
    value = entry[1].lemmatize(tok)[0]
    tok.lemma_ = value
    return value
