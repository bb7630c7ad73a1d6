"""Bounds on runaway text: no sentence longer than the parser and the rules can read in a normal time.

A text with no sentence punctuation (a scraped table, a word list, a transcript without stops) would
otherwise be one "sentence" of thousands of tokens: the statement rules, the quotes' content spans and
the claims' propositions all grow with it. ``bound_sentences`` marks a sentence start every
``SENTENCE_STEP`` tokens inside any run of more than ``MAX_RUN`` tokens that holds no sentence-final mark
or line break; the parser keeps the starts set before it. Normal prose never has such a run, so its parse
is untouched.
"""
from __future__ import annotations

MAX_RUN = 200           # tokens without a sentence end before the run is cut
SENTENCE_STEP = 100     # ... into sentences of this many tokens
_ENDS = frozenset(".!?;…")


def _ends_sentence(tok) -> bool:
    return tok.text in _ENDS or (tok.text and tok.text[-1] in _ENDS) or "\n" in tok.text or "\n" in tok.whitespace_


def bound_sentences(doc, max_run: int = MAX_RUN, step: int = SENTENCE_STEP) -> int:
    """Set sentence starts in ``doc`` (not yet parsed) inside runs longer than ``max_run`` tokens with no
    sentence end; returns how many starts were set."""
    set_, run_start = 0, 0
    n = len(doc)
    for i in range(n + 1):
        if i == n or _ends_sentence(doc[i]):
            if i - run_start > max_run:
                for k in range(run_start + step, i, step):
                    doc[k].is_sent_start = True
                    set_ += 1
            run_start = i + 1
    return set_
