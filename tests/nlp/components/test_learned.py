"""nlp/components/learned.py: how rule statements and a tagger's attributions are merged, on real
sentences (the seed, a Tehran Times dateline); the tagger is replaced by fixed attributions."""
from __future__ import annotations

import pytest

from onrecord.nlp.attribution_model import Attribution
from onrecord.nlp.components.learned import Merge, source_ok
from onrecord.nlp.components.statements import find_statements

SEED_LINE = ("Kanaani added that Iran has never sent drones to Russia for use in the war. "
             "Russian state media reported, citing Interfax, that the talks went well.")
DATELINE = ("TEHRAN – The Interior Ministry of Tajikistan has denied reports that Iran built a drone "
            "factory in the country.")


@pytest.fixture(scope="module")
def parse(pipeline):
    ours = [n for n in pipeline.nlp.pipe_names if n.startswith("onrecord")]

    def run(text):
        with pipeline.nlp.select_pipes(disable=ours):
            return pipeline.nlp(text)
    return run


def _at(text, part, start=0):
    a = text.index(part, start)
    return (a, a + len(part))


class Fixed:
    def __init__(self, atts):
        self.atts = atts

    def predict(self, doc):
        return self.atts


def test_sources_are_entities_not_datelines_clauses_or_channels(parse):
    doc = parse(DATELINE)
    assert not source_ok(doc, _at(DATELINE, "TEHRAN –"))
    assert source_ok(doc, _at(DATELINE, "The Interior Ministry of Tajikistan"))
    doc = parse(SEED_LINE)
    assert not source_ok(doc, _at(SEED_LINE, "citing Interfax"))
    assert source_ok(doc, _at(SEED_LINE, "Kanaani"))
    assert not source_ok(doc, _at(SEED_LINE, "the talks went well"))      # a clause
    assert not source_ok(doc, None)


def test_a_rule_statement_keeps_its_act_and_takes_the_taggers_source_when_it_had_none(parse):
    doc = parse(SEED_LINE)
    rules = find_statements(doc)
    kanaani = next(s for s in rules if s.cue == "added")
    content = kanaani.content_span
    att = Attribution(content=content, cue=kanaani.cue_span, source=_at(SEED_LINE, "Kanaani"), score=0.9)
    merged = find_statements(doc, Fixed([att]), Merge())
    same = next(s for s in merged if s.cue == "added")
    assert same.act == kanaani.act and same.type == kanaani.type
    assert same.speaker_text == "Kanaani"


def test_a_tagger_only_attribution_is_added_above_the_floor_and_a_bad_source_dropped(parse):
    doc = parse(DATELINE)
    content = _at(DATELINE, "that Iran built a drone factory in the country")
    att = Attribution(content=content, cue=None, source=_at(DATELINE, "TEHRAN –"), score=0.7)
    rules = find_statements(doc)
    taken = [s for s in rules if s.content_span[0] < content[1] and content[0] < s.content_span[1]]
    if taken:                                    # the rules found it: nothing is added
        assert len(find_statements(doc, Fixed([att]), Merge())) == len(rules)
        return
    added = find_statements(doc, Fixed([att]), Merge(min_score=0.5))
    assert len(added) == len(rules) + 1
    new = next(s for s in added if s.content_span[0] >= content[0])
    assert new.speaker_span is None                     # the dateline is not a speaker
    assert new.act == "other" and new.type == "indirect"
    assert len(find_statements(doc, Fixed([att]), Merge(min_score=0.8))) == len(rules)


def test_a_wholly_quoted_tagged_content_is_direct_inside_its_marks(parse):
    text = 'The minister spoke on Monday. “We will never accept it,” he told the crowd in the square.'
    doc = parse(text)
    rules = find_statements(doc)
    quote = _at(text, "“We will never accept it,”")
    att = Attribution(content=quote, cue=_at(text, "told"), source=_at(text, "he"), score=0.95)
    merged = find_statements(doc, Fixed([att]), Merge())
    found = [s for s in merged if s.content.startswith("We will never")]
    assert len(found) == 1 and found[0].type == "direct"
    if not rules:
        assert found[0].content == "We will never accept it"


def test_each_statement_once_with_unique_ids_on_a_tehran_times_article(pipeline, shared):
    """Two tagger attributions over one rule statement once gave it twice (the same id twice, and the
    store refused the article: tehrantimes-485838)."""
    import gzip
    import json

    from onrecord.nlp.tagger import load
    with gzip.open(shared / "corpora" / "tehran-times.jsonl.gz", "rt", encoding="utf-8") as fh:
        text = next(json.loads(line)["text"] for line in fh if '"tehrantimes-485838"' in line)
    ours = [n for n in pipeline.nlp.pipe_names if n.startswith("onrecord")]
    with pipeline.nlp.select_pipes(disable=ours):
        doc = pipeline.nlp(text)
    found = find_statements(doc, load(), Merge())
    ids = [s.id for s in found]
    assert len(ids) == len(set(ids)) and len(found) >= 3
    spans = [(s.content_span, s.cue_span) for s in found]
    assert len(spans) == len(set(spans))
