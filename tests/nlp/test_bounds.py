"""nlp/bounds.py: runaway text (no sentence ends) is cut into sentences; prose is untouched."""
from __future__ import annotations

import re

from onrecord.nlp.bounds import MAX_RUN, SENTENCE_STEP, bound_sentences


def runaway(text: str) -> str:
    """The text with every sentence end and line break taken out: one run of words."""
    return re.sub(r"\s+", " ", re.sub(r"[.!?;…]", "", text))


def test_prose_is_untouched(pipeline, seed_text):
    doc = pipeline.nlp.make_doc(seed_text)
    assert bound_sentences(doc) == 0


def test_a_run_with_no_sentence_end_is_cut_and_the_parser_keeps_the_cuts(pipeline, seed_text):
    text = runaway(seed_text)
    doc = pipeline.nlp.make_doc(text)
    cuts = bound_sentences(doc)
    assert cuts == (len(doc) - 1) // SENTENCE_STEP
    parsed = pipeline.nlp(doc)
    assert max(len(s) for s in parsed.sents) <= SENTENCE_STEP
    assert all(parsed[k].is_sent_start for k in range(SENTENCE_STEP, len(parsed), SENTENCE_STEP))


def test_a_run_just_under_the_bound_is_kept_whole(pipeline):
    words = " ".join(["word"] * MAX_RUN)
    assert bound_sentences(pipeline.nlp.make_doc(words)) == 0
    assert bound_sentences(pipeline.nlp.make_doc(words + " word")) == MAX_RUN // SENTENCE_STEP
