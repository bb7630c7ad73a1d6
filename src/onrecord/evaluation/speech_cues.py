"""What counts as a speech verb when scoring cues.

The speech-verb lemmas are the ``verbs`` of the pipeline's cue lexicon (``lexicons/<lang>/cues.json``).
A cue is a speech cue when one of its words, reduced by a few English inflection rules and the
irregular forms of ``lexicons/<lang>/scoring.json``, is such a lemma. No parser is needed, so gold
cues are classified the same way on every run.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons


@lru_cache(maxsize=None)
def speech_lemmas(lang: str = "en") -> frozenset[str]:
    """Speech-verb lemmas: the cue lexicon's verbs."""
    return frozenset(v.lower() for v in lexicons.load("cues", lang)["verbs"])


def lemma_candidates(word: str, lang: str = "en") -> set[str]:
    """Possible lemmas of an English verb form: ``claimed`` -> {claimed, claim, claime, ...}."""
    irregular = lexicons.load("scoring", lang)["irregular_verbs"]
    w = word.lower()
    out = {w}
    if w in irregular:
        out.add(irregular[w])
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            out.add(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:          # "admitted" -> "admitt" -> "admit"
                out.add(stem[:-1])
    return out


def is_speech_cue(cue_text: str, lang: str = "en") -> bool:
    """Does the cue hold a speech verb ("said", "has told", "according to" does not)?"""
    lemmas = speech_lemmas(lang)
    return any(lemma_candidates(w, lang) & lemmas for w in re.findall(r"[A-Za-z]+", cue_text))
