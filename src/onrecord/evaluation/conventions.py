"""Span conventions of a benchmark, applied to our statements before they are scored.

onrecord's record keeps a direct quote's content *inside* its quote marks and one span per statement.
PolNeAR's annotators (and BRAT, which cannot draw a span over a line break) differ:

- a quoted content span includes its opening and closing quote marks;
- a span that crosses a paragraph break is stored as one fragment per line.

``polnear_fragments`` maps one of our spans to PolNeAR's form. It only moves span edges onto
adjacent quote marks and cuts at line breaks; it never looks at the gold.
"""
from __future__ import annotations

OPENING = "“\"„«‘"
CLOSING = "”\"»’“"


def with_quote_marks(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a span to take in the quote marks right around it (``“We ...,”``)."""
    a, b = span
    if a > 0 and text[a - 1] in OPENING and b < len(text) and text[b] in CLOSING:
        return a - 1, b + 1
    return a, b


def line_fragments(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """Cut a span at line breaks, trimming each piece of surrounding white space."""
    out, start = [], span[0]
    a, b = span
    for i in range(a, b + 1):
        if i == b or text[i] == "\n":
            lo, hi = start, i
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if hi > lo:
                out.append((lo, hi))
            start = i + 1
    return tuple(out)


def polnear_fragments(text: str, span: tuple[int, int] | None, content: bool = False):
    """One of our spans as PolNeAR would draw it (None stays None)."""
    if span is None:
        return None
    if content:
        span = with_quote_marks(text, span)
    return line_fragments(text, span) or None


def _hull(fragments) -> tuple[int, int]:
    return min(a for a, _ in fragments), max(b for _, b in fragments)


def join_continuations(text: str, attributions: list) -> list:
    """PolNeAR draws a content split by its own frame as one attribution of several fragments
    ("“A,” said X. “B.”", "A, X said, until B"); onrecord keeps a statement per part. Join an
    attribution (``brat.GoldAttribution``) into the one before it when both have the same cue, that cue
    stands between them, no line break does, and the second opens with a quote mark or no sentence end
    (. ! ?) comes between. Only the grouping changes: every span stays as it was."""
    import dataclasses

    out: list = []
    for att in sorted(attributions, key=lambda a: _hull(a.content)):
        prev = out[-1] if out else None
        if prev is not None and prev.cue and att.cue == prev.cue:
            a, b = _hull(prev.content)[1], _hull(att.content)[0]
            between = text[a:b] if a <= b else "\n"
            cue_between = all(a <= x and y <= b for x, y in prev.cue)
            opens_quote = text[b:b + 1] in OPENING or text[b:b + 2] == "''"
            if cue_between and "\n" not in between and (opens_quote or not any(c in between for c in ".!?")):
                out[-1] = dataclasses.replace(prev, content=prev.content + att.content)
                continue
        out.append(att)
    return out
