import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.nlp.components.quotes import find_quotes


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win," and left.', ["we will win,"]),
    ("He added, “We have asked the Ukrainian authorities.”", ["We have asked the Ukrainian authorities."]),
    ("«Nous refusons» dit-il. „Wir lehnen ab“, sagte er.", ["Nous refusons", "Wir lehnen ab"]),
    ("“We ‘reject’ it,” he said.", ["We ‘reject’ it,"]),
    # a quote over two paragraphs: the first leaves it open, the second re-opens it
    ("He said: “First part.\n\n“Second part,” he added.", ["First part.\n\n“Second part,"]),
    # unbalanced: an opening mark with no close is dropped at the paragraph's end
    ("He said “this never closes.\n\nThe next paragraph is plain.", []),
    ("It's the 1990s' \"information\" age.", ["information"]),
])
def test_find_quotes(text, expected):
    assert [q.text(text) for q in find_quotes(text)] == expected


def test_seed_quotes(seed_text):
    quotes = [q.text(seed_text) for q in find_quotes(seed_text)]
    assert len(quotes) == 8
    assert quotes[4] == "information"
    assert quotes[1].startswith("We have asked") and quotes[1].endswith("invasion of Ukraine.")


@given(st.text(alphabet='"“”„«»‘’ ab.\n', max_size=2000))
@settings(max_examples=300, deadline=None)
def test_quote_soup_never_breaks_offsets(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.inner[0] <= q.inner[1] < q.end <= len(text)


def test_ten_thousand_quote_marks_is_fast_and_empty():
    assert find_quotes('"' * 10_000) == []
    assert len(find_quotes('"a" ' * 10_000)) == 10_000   # balanced marks pair up, one quote each


def test_a_long_speaker_after_a_quote_and_a_comma_outside_its_marks(pipeline):
    # Wikinews 2019-163 (tests/gold/news, fresh-3): the comma after the closing mark, eight words to the cue
    from onrecord import Article, analyze
    text = ('"In the US there is a phenomenon \'suicide by cop\'", Birmingham City University criminology '
            'professor David Wilson told the press.')
    rec = analyze(Article(id="t", text=text), pipeline)
    assert [(s.speaker_text, s.cue, s.type) for s in rec.statements] == [
        ("Birmingham City University criminology professor David Wilson", "told", "direct")]
