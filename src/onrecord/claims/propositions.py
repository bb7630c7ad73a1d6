"""Propositions: what a statement says is (or is not) the case, with the report frame taken off.

    proposition("Western claims that Iran has supplied weapons and drones to Russia")
      -> Proposition(text="Iran has supplied weapons and drones to Russia", polarity="positive", ...)

Pure functions over the statement's content text: a leading complementizer ("that", "whether") goes,
a noun-allegation frame ("claims that", "allegations made by the West regarding") goes, quote marks
go but the quoted words stay. ``span`` keeps where the proposition lies in the content (offsets into
the content string, so ``Statement.content_span[0] + span[0]`` is its place in the article).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Statement
from . import lexicon

_QUOTES = "\"“”«»„‟"
_WORD = re.compile(r"[\w’'-]+")
_CLAUSE = re.compile(r"(?<=[.!?;])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
_FRAME_PREP = re.compile(r"\b(?:that|regarding|concerning|about|over)\s+", re.IGNORECASE)
_EDGE = " \t\n,;:.!?-–—"


@dataclass(frozen=True)
class Proposition:
    text: str                     # the proposition, frame and quote marks removed
    polarity: str                 # "positive" | "negative"
    span: tuple[int, int]         # where it lies in the content string
    frame: str = ""               # what was stripped in front ("Western claims that")
    clauses: tuple[str, ...] = ()  # its sentences, for sentence-level similarity

    def to_dict(self) -> dict:
        return {"text": self.text, "polarity": self.polarity, "span": list(self.span), "frame": self.frame}


def _strip_quotes(text: str) -> str:
    out = "".join(" " if c in _QUOTES else c for c in text)
    out = re.sub(r"(?<!\w)[‘’']|[‘’'](?!\w)", " ", out)     # single quote marks, not apostrophes
    return re.sub(r"\s+", " ", out).strip(_EDGE)


def _frame_end(content: str, lex: lexicon.Lexicon) -> int:
    """Offset just past a leading report frame ("that", "claims made by X that"), or 0."""
    lead = re.match(r"\s*[\"“]?\s*", content).end()
    m = lex.complementizers.match(content, lead)
    if m and content[m.end():m.end() + 1].isspace():
        return m.end() + 1
    words = list(_WORD.finditer(content, lead))
    for i, w in enumerate(words[:8]):
        if w.group().lower() not in lex.allegation_nouns:
            continue
        window_end = words[min(i + 12, len(words) - 1)].end() if words else w.end()
        p = _FRAME_PREP.search(content, w.end(), window_end)
        if p:
            return p.end()
    return 0


def polarity(text: str, language: str = "en") -> str:
    return "negative" if lexicon.load(language).negators.search(text) else "positive"


def proposition(content: str, language: str = "en") -> Proposition | None:
    """The proposition of a statement's content, or None when nothing is left."""
    lex = lexicon.load(language)
    start = _frame_end(content, lex)
    end = len(content.rstrip(_EDGE + _QUOTES))
    while start < end and content[start] in " " + _QUOTES:
        start += 1
    raw = content[start:end]
    text = _strip_quotes(raw)
    if len(_WORD.findall(text)) < 2:
        return None
    clauses = tuple(c.strip(_EDGE) for c in _CLAUSE.split(text) if len(_WORD.findall(c)) >= 2)
    return Proposition(text=text, polarity=polarity(text, language), span=(start, end),
                       frame=content[:start].strip(" " + _QUOTES), clauses=clauses or (text,))


def of_statement(statement: Statement, language: str = "en") -> Proposition | None:
    """A statement's proposition; None for acts without propositional content (appeals, proposals)."""
    if statement.act in lexicon.load(language).non_propositional_acts:
        return None
    return proposition(statement.content, language)
