"""nlp.prefilter: which paragraphs are parsed, the way back to original offsets, and analyze() with it."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord import Article
from onrecord.core import NO_CANDIDATE, analyze
from onrecord.nlp.prefilter import Windows, cue_pattern, is_candidate, windows


@pytest.mark.parametrize("text, expected", [
    ('He said the talks were over.', True),
    ('The ministry denies any role.', True),
    ('She told reporters nothing new.', True),
    ('Tehran has rejected the claims.', True),
    ('According to the report, prices rose.', True),
    ('“We are ready,” the envoy added.', True),
    ('Zarif: talks are over', True),
    ('The bridge reopened on Monday after repairs.', False),
    ('Prices rose by 3 percent in March.', False),
])
def test_candidate_paragraphs(text, expected):
    assert is_candidate(text) is expected


@pytest.mark.parametrize("word", ["said", "says", "denied", "denies", "urging", "emphasized", "told",
                                  "wrote", "allegations", "citing", "refused", "pointed", "stressed"])
def test_cue_forms_are_derived_from_the_lexicon(word):
    assert cue_pattern().fullmatch(word)


PARAS = ["Title line", "Plain fact one.", "Plain fact two.", "Plain fact three.", "Plain fact four.",
         "The minister said the plan works.", "Plain fact five.", "Plain fact six."]


def test_windows_are_candidates_with_their_context_and_the_first_paragraph():
    text = "\n".join(PARAS)
    got = [text[a:b] for a, b in windows(text, context=1)]
    assert got == ["Title line", "Plain fact four.\nThe minister said the plan works.\nPlain fact five."]
    got = [text[a:b] for a, b in windows(text)]
    assert got == ["Title line", "Plain fact three.\nPlain fact four.\nThe minister said the plan works."
                                 "\nPlain fact five.\nPlain fact six."]


def test_no_candidate_no_window_and_all_candidates_the_whole_text():
    assert windows("Plain fact.\nAnother one.") == []
    text = 'He said yes.\n\nShe said no.\n'
    assert windows(text) == [(0, len(text))]


def test_offsets_map_back_into_the_original_text():
    text = "\r\n".join(PARAS)
    joined = Windows.of(text, windows(text, context=1))
    for word in ("Title", "minister", "works", "five"):
        at = joined.text.index(word)
        assert text[joined.original(at):joined.original(at + len(word))] == word


def test_analyze_with_the_prefilter_keeps_spans_in_the_original_text(pipeline):
    text = "\n\n".join(PARAS[:5] + ["Plain fact.", "Plain fact again.", "Plain fact once more.",
                                   'The minister said the plan works.', '"It is over," he added.'])
    article = Article(id="pf", text=text)
    on = analyze(article, replace(pipeline, options=replace(pipeline.options, prefilter=True)))
    off = analyze(article, replace(pipeline, options=replace(pipeline.options, prefilter=False)))
    assert on.statements and [s.content_span for s in on.statements] == [s.content_span for s in off.statements]
    for s in on.statements:
        assert text[s.content_span[0]:s.content_span[1]] == s.content
        assert text[s.cue_span[0]:s.cue_span[1]] == s.cue


def test_a_text_without_candidates_is_not_parsed(pipeline):
    opts = replace(pipeline.options, prefilter=True)
    record = analyze(Article(id="none", text="Prices rose.\nThe bridge reopened."),
                     replace(pipeline, options=opts))
    assert record.statements == () and record.warnings == (NO_CANDIDATE,)
