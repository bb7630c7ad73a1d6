"""Lemmas on demand (nlp/lemmas.py): the pipeline runs without spaCy's lemmatizer pipe, and the lemmas
onrecord reads are the ones that pipe would have set, on real news text."""
from __future__ import annotations

import gzip
import json
from itertools import islice

import spacy

from onrecord.nlp.lemmas import lemma
from onrecord.settings import Options


def test_the_pipeline_parses_without_the_lemmatizer_pipe(pipeline):
    nlp = pipeline.nlp
    assert "lemmatizer" in nlp.component_names and "lemmatizer" not in nlp.pipe_names


def test_lemmas_on_demand_are_the_lemmatizers_on_the_seed_and_tehran_times(pipeline, seed_text, shared):
    with gzip.open(shared / "corpora" / "tehran-times.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = [seed_text] + [json.loads(line)["text"] for line in islice(fh, 0, 400, 40)]
    full = spacy.load(Options().model)
    ours = [n for n in pipeline.nlp.pipe_names if n.startswith("onrecord_")]
    with pipeline.nlp.select_pipes(disable=ours):
        lazy = list(pipeline.nlp.pipe(texts))
    untouched = sum(t.lemma == 0 for d in lazy for t in d)
    assert untouched > 1000                     # the pipe really was off: most tokens had no lemma yet
    words = 0
    for mine, theirs in zip(lazy, full.pipe(texts)):
        assert [lemma(t) for t in mine] == [t.lemma_ for t in theirs]
        words += len(mine)
    assert words > 5000
    assert all(t.lemma != 0 for d in lazy for t in d)   # each read stored its lemma on the token
