"""Propositions: what a statement says is (or is not) the case, with the report frame taken off.

    proposition("Western claims that Iran has supplied weapons and drones to Russia")
      -> Proposition(text="Iran has supplied weapons and drones to Russia", polarity="positive", ...)

Pure functions over the statement's content text: a leading complementizer ("that", "whether") goes,
a noun-allegation frame ("claims that", "allegations made by the West regarding") goes, quote marks
go but the quoted words stay. ``span`` keeps where the proposition lies in the content (offsets into
the content string, so ``Statement.content_span[0] + span[0]`` is its place in the article).

Over an article's statements (:func:`of_statements`), a statement that reports another inside its
content ("Tehran says the U.S. is pursuing political purposes by claiming that P") takes the reported
statement's proposition, P; what stands before it is its ``frame``, and the frame's words set the
outer speaker's stance (``stance.rule_stance``). A proposition about an allegation itself ("such
claims are politically motivated", a denial of "recent charges by Sullivan") is a ``reference``: it
makes no claim of its own and joins the claim it refers to (``linking``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Statement
from . import lexicon

_QUOTES = "\"“”«»„‟"
_WORD = re.compile(r"[\w’'-]+")
_CLAUSE = re.compile(r"(?<=[.!?;])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
_FRAME_PREP = re.compile(r"\b(?:that|regarding|concerning|about|over)\s+", re.IGNORECASE)
_EDGE = " \t\n,;:.!?-–—"


# Acts by which a statement that names an allegation ("rejected the charges") takes a stance on it; a
# proposition that names one under another act is a reference only when it discredits it ("such claims
# are politically motivated"), for "further charges may be laid" is about a court's charges.
REFERRING_ACTS = frozenset({"deny", "oppose", "confirm", "uncertain", "question"})


@dataclass(frozen=True)
class Proposition:
    text: str                     # the proposition, frame and quote marks removed
    polarity: str                 # "positive" | "negative"
    span: tuple[int, int]         # where it lies in the content string
    frame: str = ""               # what was stripped in front ("Western claims that")
    clauses: tuple[str, ...] = ()  # its sentences, for sentence-level similarity
    reference: bool = False       # about an allegation named, not a proposition ("such claims are ...")
    nominal: bool = False         # a noun phrase, no proposition ("the importance of ties"): no claim's text
    reported: bool = False        # taken from a statement nested in this one; ``frame`` holds the report

    def to_dict(self) -> dict:
        return {"text": self.text, "polarity": self.polarity, "span": list(self.span), "frame": self.frame,
                "reference": self.reference}


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
                       frame=content[:start].strip(" " + _QUOTES), clauses=clauses or (text,),
                       reference=is_reference(text, lex) and bool(lex.discrediting.search(text)))


def is_reference(text: str, lex: lexicon.Lexicon) -> bool:
    """Whether a proposition is about an allegation it names rather than a state of affairs: an
    allegation noun heads its first words, after determiners and modifiers only ("such claims, which
    ..., are baseless", "recent charges hurled against Tehran by ..."), and no clause of its own
    follows the noun ("claims that P" had its frame stripped already; "reports show ..." is a frame)."""
    words = [w.group() for w in _WORD.finditer(text)][:7]
    for i, w in enumerate(words[:4]):
        if w.lower() in lex.allegation_nouns:
            return not any(x.lower() in lex.frame_verbs for x in words[i + 1:i + 3])
        if w.lower() not in lex.reference_modifiers and not w[:1].isupper():
            return False
    return False


def of_statement(statement: Statement, language: str = "en") -> Proposition | None:
    """A statement's proposition; None for acts without propositional content (appeals, proposals)."""
    lex = lexicon.load(language)
    if statement.act in lex.non_propositional_acts:
        return None
    found = proposition(statement.content, language)
    if found is not None and not found.reference and statement.act in REFERRING_ACTS \
            and is_reference(found.text, lex):
        found = replace(found, reference=True)        # "refuted recent charges by Sullivan"
    if found is not None and statement.nominal and not found.frame:
        found = replace(found, nominal=True)          # the parse's word: a noun phrase, nothing asserted
    return found


def discredits(prop: Proposition, language: str = "en") -> bool:
    """Whether the frame a reported proposition was taken from discredits it ("the U.S. is pursuing
    political purposes by claiming that", "lies when it claims that")."""
    return prop.reported and bool(lexicon.load(language).discrediting.search(prop.frame))


def _inside(inner: Statement, outer: Statement) -> int | None:
    """Where ``inner`` (its speaker, cue and content) begins inside ``outer``'s content, as an offset
    into that content; None when it does not lie wholly inside it."""
    a, b = outer.content_span
    spans = [sp for sp in (inner.speaker_span, inner.cue_span, inner.content_span) if sp]
    if not (a <= min(x for x, _ in spans) and max(y for _, y in spans) <= b):
        return None
    return min(x for x, _ in spans) - a


def of_statements(statements: Sequence[Statement], language: str = "en") -> list[tuple[Statement, Proposition]]:
    """(statement, proposition) for each statement of an article that has one, in order. A statement
    that reports another inside its content takes that one's proposition, with its own words before it
    as the ``frame`` (``reported``): "X says the U.S. lies when it claims that P" is about P."""
    non_propositional = lexicon.load(language).non_propositional_acts
    own = {s.id: p for s in statements if (p := of_statement(s, language))}
    child_of: dict[str, Statement] = {}
    for s in statements:
        if s.nested_in and s.nested_in not in child_of:
            child_of[s.nested_in] = s
    done: dict[str, Proposition | None] = {}

    def resolve(s: Statement, depth: int = 0) -> Proposition | None:
        if s.id in done:
            return done[s.id]
        found = own.get(s.id)
        child = child_of.get(s.id)
        at = _inside(child, s) if child is not None and depth < 8 else None
        inner = resolve(child, depth + 1) if at is not None else None
        if inner is not None and s.act not in non_propositional:
            shift = child.content_span[0] - s.content_span[0]
            span = (inner.span[0] + shift, inner.span[1] + shift)
            found = replace(inner, frame=s.content[:span[0]].strip(" " + _QUOTES), reported=True, span=span)
        done[s.id] = found
        return found

    return [(s, p) for s in statements if (p := resolve(s))]
