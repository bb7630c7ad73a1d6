"""Sentences of a claim's text, by punctuation alone (no parse): what the stance judge and the
cross-encoder's passages are cut from, and whether a text is a headline (one short sentence)."""
from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE.finditer(text):
        out.append((start, m.start() + 1))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def is_headline(text: str) -> bool:
    return len(sentences(text.strip())) <= 1 and len(text) < 400
