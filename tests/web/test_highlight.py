"""highlight.segments: a pure function from a record's text and spans to consecutive segments."""
from __future__ import annotations

import pytest

from onrecord.models import Article, Entity, Record, Statement
from onrecord.web.highlight import PALETTE_SIZE, legend, segments
from web.sample_store import SEED_ID, seed_records

TEXT = 'The minister said "talks will go on" and the envoy denied that <b>troops</b> had left.'


def _record(statements, entities=()):
    return Record(article=Article(id="t", text=TEXT), entities=tuple(entities), statements=tuple(statements))


def _st(id_, phrase, cue=None, speaker=None, who=None, occurrence=0):
    a = TEXT.index(phrase)
    cue_span = (TEXT.index(cue), TEXT.index(cue) + len(cue)) if cue else None
    who_span = (TEXT.index(who), TEXT.index(who) + len(who)) if who else None
    return Statement(id=id_, type="indirect", act="assert", content=phrase, content_span=(a, a + len(phrase)),
                     cue=cue, cue_span=cue_span, speaker=speaker, speaker_text=who, speaker_span=who_span)


def test_segments_join_back_to_the_text():
    rec = _record([_st("s1", "talks will go on", "said", "e1", "The minister"),
                   _st("s2", "that <b>troops</b> had left", "denied", None, "the envoy")],
                  [Entity("e1", "Jane Minister", "person")])
    segs = segments(rec)
    assert "".join(s.text for s in segs) == TEXT
    assert all(TEXT[s.start:s.start + len(s.text)] == s.text for s in segs)


def test_statements_cues_and_speakers_are_marked():
    rec = _record([_st("s1", "talks will go on", "said", "e1", "The minister"),
                   _st("s2", "that <b>troops</b> had left", "denied", None, "the envoy")],
                  [Entity("e1", "Jane Minister", "person")])
    segs = segments(rec)
    by_text = {s.text: s for s in segs}
    assert by_text["talks will go on"].statement == "s1" and by_text["talks will go on"].in_content
    assert by_text["talks will go on"].anchors == ("s1",)
    assert by_text["said"].cue and by_text["said"].statement == "s1" and not by_text["said"].in_content
    assert by_text["The minister"].speaker_mention and by_text["The minister"].statement == "s1"
    assert by_text["talks will go on"].speaker != by_text["that <b>troops</b> had left"].speaker
    assert "Jane Minister" in by_text["talks will go on"].title and "assert" in by_text["talks will go on"].title
    assert any(s.statement is None and " and " in s.text for s in segs)


def test_nested_statements_show_the_innermost():
    outer = _st("s1", 'said "talks will go on"')
    inner = _st("s2", "talks will go on")
    segs = segments(_record([outer, inner]))
    inside = next(s for s in segs if s.text == "talks will go on")
    assert inside.statement == "s2"
    assert next(s for s in segs if s.text == 'said "').statement == "s1"


@pytest.mark.parametrize("span", [(-1, 3), (5, 500), (10, 10), (9, 3)])
def test_spans_outside_the_text_are_ignored(span):
    bad = Statement(id="s9", type="direct", act="assert", content="x", content_span=span)
    segs = segments(_record([bad]))
    assert "".join(s.text for s in segs) == TEXT and all(s.statement is None for s in segs)


def test_legend_gives_each_speaker_one_colour_in_order():
    sts = [_st(f"s{i}", "talks will go on", speaker=f"e{i}", who="The minister") for i in range(PALETTE_SIZE + 2)]
    ents = [Entity(f"e{i}", f"Speaker {i}", "person") for i in range(PALETTE_SIZE + 2)]
    lg = legend(_record(sts, ents))
    assert [x.name for x in lg] == [f"Speaker {i}" for i in range(PALETTE_SIZE + 2)]
    assert [x.colour for x in lg] == [i % PALETTE_SIZE for i in range(PALETTE_SIZE + 2)]


def test_the_seed_record():
    record = next(r for r in seed_records() if r.article.id == SEED_ID)
    segs = segments(record)
    assert "".join(s.text for s in segs) == record.article.text
    marked = {s.statement for s in segs if s.statement}
    assert marked == {s.id for s in record.statements}
    assert {a for s in segs for a in s.anchors} == {s.id for s in record.statements}
    assert any(s.cue and s.text == "rejected" for s in segs)
