"""A lexical pre-pass: which paragraphs of a text can carry a statement, so only they are parsed.

A paragraph (a line) is a *candidate* when it holds a quote mark, a word form of a cue from the cue
lexicon (verbs, phrase heads, allegation nouns, 'quote'/'cite', refusals: 'said', 'denies', 'claims',
'told', 'according to'), or reads as a colon headline ('Zarif: talks are over'). The parse then covers
each candidate plus ``context`` (2) paragraphs on either side (the speakers component resolves 'he' and
'the minister' against what comes just before) and the first paragraph (where people are introduced
by name and title). Works on raw text only, no spaCy; every window is (start, end) offsets into the
original text, and ``Windows`` maps offsets in the joined text back into it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load
from .components.passes import HEADLINE

QUOTE_MARKS = re.compile("[\"“”„‟«»]")
PARAGRAPH = re.compile(r"[^\n]+")
JOIN = "\n\n"
# Paragraphs of context either side of a candidate. With 1, PolNeAR dev source F1 drops (0.6049 ->
# 0.6032: 'he' resolved against too little); with 2 every gold figure is what the whole-text parse gives.
CONTEXT = 2

def _forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Surface forms of an English verb or noun lemma: -s/-es, -ed/-d, -ing, with the usual spelling
    changes (y -> ies/ied, dropped e, doubled final consonant); plus the irregular ones (the cue
    lexicon's ``irregular_forms``)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms | set(irregular.get(lemma, ()))


@lru_cache(maxsize=4)
def cue_pattern(lang: str = "en") -> re.Pattern:
    """One regex matching, as whole words, every surface form of every cue in the lexicon."""
    lex = load("cues", lang)
    lemmas = set(lex["verbs"]) | {p["lemmas"][0] for p in lex["phrases"]} | set(lex["via_verbs"])
    lemmas |= set(lex["refusals"]) | {k for k in lex["nouns"] if k != "about"}
    words = set().union(*(_forms(w, lex["irregular_forms"]) for w in lemmas)) | {"according"}
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of ``text`` as (start, end) offsets."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def is_candidate(paragraph: str, lang: str = "en") -> bool:
    return bool(QUOTE_MARKS.search(paragraph) or cue_pattern(lang).search(paragraph)
                or HEADLINE.search(paragraph))


def windows(text: str, context: int = CONTEXT, lang: str = "en") -> list[tuple[int, int]]:
    """The (start, end) ranges of ``text`` to parse: candidate paragraphs with ``context`` paragraphs
    either side, and the first paragraph; adjacent ones merged. Empty when nothing can be a statement."""
    paras = paragraphs(text)
    hits = [k for k, (a, b) in enumerate(paras) if is_candidate(text[a:b], lang)]
    if not hits:
        return []
    keep = {0}
    for k in hits:
        keep.update(range(max(0, k - context), min(len(paras), k + context + 1)))
    if len(keep) == len(paras):
        return [(0, len(text))]
    out: list[list[int]] = []
    for k in sorted(keep):
        if out and out[-1][2] == k - 1:
            out[-1][1], out[-1][2] = paras[k][1], k
        else:
            out.append([paras[k][0], paras[k][1], k])
    return [(a, b) for a, b, _ in out]


@dataclass(frozen=True)
class Windows:
    """The windows of a text joined into one text to parse, and the way back to the original offsets."""

    text: str                       # the windows joined by blank lines
    starts: tuple[int, ...]         # where each window starts in ``text``
    origins: tuple[int, ...]        # ... and in the original text
    lengths: tuple[int, ...]

    @classmethod
    def of(cls, text: str, ranges: list[tuple[int, int]]) -> "Windows":
        starts, pos = [], 0
        for a, b in ranges:
            starts.append(pos)
            pos += b - a + len(JOIN)
        joined = JOIN.join(text[a:b] for a, b in ranges)
        return cls(joined, tuple(starts), tuple(a for a, _ in ranges), tuple(b - a for a, b in ranges))

    def covers_all(self, text: str) -> bool:
        return len(self.starts) == 1 and self.origins[0] == 0 and self.lengths[0] == len(text)

    def original(self, pos: int) -> int:
        """The offset in the original text of offset ``pos`` in the joined text (a position in a
        separator goes to the end of the window before it)."""
        k = max(0, bisect_right(self.starts, pos) - 1)
        return self.origins[k] + min(pos - self.starts[k], self.lengths[k])
