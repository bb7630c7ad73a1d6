"""A statement while it is being found: character spans into the Doc's text, mutable until done."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

Chars = tuple[int, int]


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get("onrecord_text")
    if text is None:
        text = doc.user_data["onrecord_text"] = doc.text
    return text


@dataclass
class Draft:
    kind: str                         # direct | indirect | mixed
    content: Chars
    act: str = "assert"
    cue: Chars | None = None
    cue_verb: int | None = None       # token index of the cue's head
    speaker: Chars | None = None
    negated: bool = False
    venue: str | None = None
    via: str | None = None
    addressee: Chars | None = None
    nested_in: int | None = None      # index into the draft list
    origin: str = "rules"             # rules | quote | noun | model
    extra: dict = field(default_factory=dict)


def chars(tokens: Span | list[Token] | Token) -> Chars:
    """Character span of a token, a Span, or a list of tokens (first..last)."""
    if isinstance(tokens, Token):
        return (tokens.idx, tokens.idx + len(tokens))
    if isinstance(tokens, Span):
        return (tokens.start_char, tokens.end_char)
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def subtree_chars(tok: Token) -> Chars:
    return (tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))


PUNCT_EDGE = set(" \t\r\n\u00a0,;:.—–-")
QUOTE_EDGE = PUNCT_EDGE | set("\"“”„«»‘’")


def trim(doc: Doc, span: Chars, keep_final_period: bool = False, quotes: bool = False) -> Chars:
    """Strip spaces and clause punctuation (and quote marks, if asked) from both ends of a span."""
    text = text_of(doc)
    edge = QUOTE_EDGE if quotes else PUNCT_EDGE
    a, b = span
    while a < b and (text[a] in edge):
        a += 1
    while b > a and (text[b - 1] in edge) and not (keep_final_period and text[b - 1] == "."):
        b -= 1
    return (a, b)
