"""evaluation/gum.py: GUM's CoNLL coreference read into documents, mentions and chains."""
from __future__ import annotations

import pytest

from onrecord.errors import EvaluationError
from onrecord.evaluation import gum

SNIPPET = """# begin document GUM_news_test
0\tThomas\t(person-7
1\tSam\tperson-7)
2\tand\t_
3\this\t(person-8(person-7)
4\twife\tperson-8)
5\tvisited\t_
6\tUnited\t(place-10-United_Kingdom
7\tKingdom\tplace-10-United_Kingdom)
8\t.\t_
# end document
"""


def test_parse_nested_single_token_and_linked_mentions():
    (doc,) = gum.parse(SNIPPET)
    assert doc.name == "GUM_news_test" and len(doc.tokens) == 9
    chains = doc.chains()
    assert [doc.text_of(m) for m in chains[7]] == ["Thomas Sam", "his"]
    assert [doc.text_of(m) for m in chains[8]] == ["his wife"]
    assert chains[10][0].type == "place" and doc.text_of(chains[10][0]) == "United Kingdom"


def test_unbalanced_brackets_are_evaluation_errors():
    with pytest.raises(EvaluationError) as err:
        gum.parse(SNIPPET.replace("person-7)\n", "_\n", 1), "x.conll")
    assert err.value.code == "E400" and err.value.source == "x.conll"
    with pytest.raises(EvaluationError):
        gum.parse("# begin document d\n0\tword\tperson-1)\n# end document\n")
    with pytest.raises(EvaluationError):
        gum.parse("# begin document d\n0\tword\n# end document\n")


def test_splits_follow_gums_own(shared):
    root = shared / "eval" / "gum-coref"
    train, dev = gum.read_split(root, "train"), gum.read_split(root, "dev")
    assert len(train) + len(dev) == 96 and len(dev) == 12
    assert {d.name for d in dev} <= gum.dev_names(root)
    assert not {d.name for d in train} & {d.name for d in dev}
    news = next(d for d in dev if d.name == "GUM_news_homeopathic")
    persons = [c for c in news.chains().values() if c[0].type == "person" and len(c) > 3]
    assert persons, "the news document has people mentioned several times"
    with pytest.raises(EvaluationError):
        gum.read_split(root, "test")
