"""PolNeAR's span conventions applied to our attributions: quote marks, line fragments, a content
split by its own frame joined (evaluation/conventions.py)."""
from __future__ import annotations

import json

from onrecord.evaluation.brat import GoldAttribution
from onrecord.evaluation.conventions import join_continuations, line_fragments, with_quote_marks


def _article(shared, wid: str) -> str:
    with open(shared / "corpora" / "wikinews.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["id"] == wid:
                return doc["text"]
    raise AssertionError(f"{wid} not in the Wikinews corpus")


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    a = text.index(part, start)
    return a, a + len(part)


def _quote_and_continuation(shared):
    text = _article(shared, "wikinews-2019-094")
    first = _span(text, '"It is never an easy decision to suspend search efforts,"')
    cue = _span(text, "said", first[1])
    second = _span(text, '"We know that this is a very difficult time for families and friends of the victims."')
    return text, first, cue, second


def test_a_quote_split_by_its_frame_is_one_attribution(shared):
    text, first, cue, second = _quote_and_continuation(shared)
    atts = [GoldAttribution(id="b", content=(second,), cue=(cue,)),
            GoldAttribution(id="a", content=(first,), cue=(cue,))]
    joined = join_continuations(text, atts)
    assert len(joined) == 1
    assert joined[0].content == (first, second) and joined[0].cue == (cue,)


def test_other_cues_or_a_line_break_keep_attributions_apart(shared):
    text, first, cue, second = _quote_and_continuation(shared)
    other = _span(text, "search")
    apart = [GoldAttribution(id="a", content=(first,), cue=(cue,)),
             GoldAttribution(id="b", content=(second,), cue=(other,))]
    assert len(join_continuations(text, apart)) == 2
    # the same cue, but the second part is in another paragraph
    later = text.index("\n", second[1])
    next_para = next(i for i in range(later, len(text)) if not text[i].isspace())
    far = [GoldAttribution(id="a", content=(first,), cue=(cue,)),
           GoldAttribution(id="b", content=((next_para, next_para + 20),), cue=(cue,))]
    assert len(join_continuations(text, far)) == 2
    # a cue that does not stand between the parts
    before = [GoldAttribution(id="a", content=(first,), cue=(second,)),
              GoldAttribution(id="b", content=((second[1] + 1, second[1] + 10),), cue=(second,))]
    assert len(join_continuations(text, before)) == 2


def test_quote_marks_and_line_fragments():
    text = "He said: “We will not\nback down,” and left."
    inner = (text.index("We"), text.index(",”") + 1)
    assert with_quote_marks(text, inner) == (inner[0] - 1, inner[1] + 1)
    assert line_fragments(text, inner) == ((inner[0], text.index("\n")), (text.index("back"), inner[1]))
