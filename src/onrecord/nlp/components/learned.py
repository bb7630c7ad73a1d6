"""Rules and a learned tagger together: each contributes what it is better at.

The rules are precise on quotes and reported speech with a speech verb, and they alone say the type
(direct / indirect / mixed), the act, the venue, the addressee and the channel (``via``). The tagger
(``nlp/tagger.py``, or the older CRF) finds attributions without a lexicon cue and draws span edges as
PolNeAR's annotators did. ``merge`` lets the tagger lead, attribution by attribution:

- **it overlaps exactly one rule statement** (content overlap at least half of the shorter span): the
  rule statement stays, with its type, act, venue, addressee and channel; an indirect one takes the
  tagger's content edges when both start in the same sentence (``edges``); the tagger's cue and
  source are taken only where the rule statement has none (``fill``);
- **it overlaps several**: the rules' finer split (a quote and its continuation) stays as it is;
- **it overlaps none**: it is added (scored at least ``min_score``); a content wholly inside quote
  marks is direct (its span inside the marks), one that holds a quote is mixed; the act is the cue's
  (the lexicon's), else ``other``; the speaker is the rules' reading of the cue's subject when the cue
  is in the lexicon, else the tagger's source.

Rule statements the tagger did not find are kept (``keep``). Sources are entities (``source_ok``): no
clause, no dateline ("TEHRAN –"), no "citing ..." phrase; a source that is not one is dropped (the
statement keeps no source rather than a wrong one).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .cues import cue_at
from .draft import Draft, text_of, trim
from .frames import DASHES, is_dateline
from .passes import speaker_for

OPEN, CLOSE = "“\"„«", "”\"»"
CHANNEL_WORDS = frozenset({"citing", "cited", "according", "quoting", "via", "reported", "reports"})


@dataclass(frozen=True)
class Merge:
    min_score: float = 0.0      # a tagger-only attribution is kept at or above this mean label probability
    edges: bool = True          # an indirect rule statement takes the tagger's content edges (same cue)
    sources: bool = True        # ... and its source, when better (see module doc)
    keep: str = "all"           # rule statements the tagger did not find: "all", "direct" (quotes), "none"
    fill: bool = True           # the tagger's source and cue only where the rule statement has none
    new: str = "all"            # tagger-only statements: "all", or "speech" (a lexicon cue or a quote)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def _span(doc: Doc, chars: tuple[int, int]):
    return doc.char_span(chars[0], chars[1], alignment_mode="expand")


def source_ok(doc: Doc, chars: tuple[int, int] | None) -> bool:
    """Whether a source span is an entity: it holds a noun, proper noun, pronoun or number, its head is
    not a verb (a clause), it is not a dateline and does not start with a channel word."""
    if chars is None:
        return False
    text = text_of(doc)[chars[0]:chars[1]].strip()
    if not text or text.split()[0].lower() in CHANNEL_WORDS:
        return False
    span = _span(doc, chars)
    if span is None or not len(span) or all(is_dateline(t) or t.text in DASHES for t in span):
        return False
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or t.tag_ in ("WP", "WDT") for t in span):
        return False
    return span.root.pos_ not in ("VERB", "AUX")


def _quoted(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """(kind, content span) of a tagged content: direct inside its marks when wholly quoted; mixed when
    it holds a quote mark; else indirect."""
    a, b = span
    inner = text[a:b]
    stripped = inner.rstrip(" ,.;")
    if len(stripped) > 2 and stripped[0] in OPEN and stripped[-1] in CLOSE and \
            not any(c in OPEN + CLOSE for c in stripped[1:-1]):
        return "direct", (a + 1, a + len(stripped) - 1)
    if any(c in OPEN + CLOSE for c in inner):
        return "mixed", span
    return "indirect", span


def _new_draft(doc: Doc, att, cue_token: int | None) -> Draft:
    text = text_of(doc)
    kind, content = _quoted(text, att.content)
    if kind != "direct":
        content = trim(doc, content, keep_final_period=True)
    cue = cue_at(doc[cue_token]) if cue_token is not None else None
    speaker = att.source if source_ok(doc, att.source) else None
    via = None
    if cue is not None:                 # the rules' reading of the cue's subject ('ILNA quoted X as saying')
        ruled, via, _ = speaker_for(doc, cue)
        if source_ok(doc, ruled):
            speaker = ruled
    return Draft(kind=kind, content=content, act=cue.act if cue else "other", cue=att.cue, cue_verb=cue_token,
                 speaker=speaker, via=via, origin="model", extra={"score": round(att.score, 3)})


def _same_start_sentence(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    sa, sb = _span(doc, (a[0], a[0] + 1)), _span(doc, (b[0], b[0] + 1))
    return sa is not None and sb is not None and len(sa) and len(sb) and sa[0].sent.start == sb[0].sent.start


def _cue_token(doc: Doc, att) -> int | None:
    if not att.cue:
        return None
    span = _span(doc, att.cue)
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX", "NOUN")]
    return (verbs[-1] if verbs else span.root).i


RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


def _kept(d: Draft, keep: str) -> bool:
    return keep == "all" or (keep == "direct" and d.kind in ("direct", "mixed"))


def merge(doc: Doc, rules: list[Draft], attributions, config: Merge = Merge()) -> list[Draft]:
    """The tagger's attributions merged with the rule drafts (see the module doc)."""
    text = text_of(doc)
    out, matched = [], set()
    for att in attributions:
        a, b = att.content
        if b - a < 3 or att.score < config.min_score:
            continue
        twins = sorted((d for d in rules if _overlap(d.content, att.content) >= 0.5),
                       key=lambda d: -_overlap(d.content, att.content))
        if not twins:
            draft = _new_draft(doc, att, _cue_token(doc, att))
            speech = draft.kind != "indirect" or (draft.cue_verb is not None and cue_at(doc[draft.cue_verb]))
            if draft.content[1] > draft.content[0] and (config.new == "all" or speech):
                out.append(draft)
            continue
        if len(twins) > 1 or id(twins[0]) in matched:
            continue                    # the rules split it finer, or another attribution took it
        d = twins[0]
        matched.add(id(d))
        kind, content = _quoted(text, att.content)
        if d.kind == "indirect" and kind == "indirect" and config.edges and \
                _same_start_sentence(doc, d.content, content):
            d.content = trim(doc, content, keep_final_period=True)
        if att.cue is not None and not (config.fill and d.cue is not None):
            d.cue, d.cue_verb = att.cue, _cue_token(doc, att)
        src = att.source
        if config.sources and source_ok(doc, src) and text[src[0]:src[1]].lower() not in RELATIVE and \
                not (config.fill and source_ok(doc, d.speaker)):
            d.speaker = src
        out.append(d)
    out += [d for d in rules if id(d) not in matched and _kept(d, config.keep)]
    return sorted(out, key=lambda d: (d.content[0], -(d.content[1] - d.content[0])))
