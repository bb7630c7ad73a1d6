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
