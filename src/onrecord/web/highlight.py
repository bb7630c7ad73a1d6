"""An article's text cut into segments for highlighting: a pure function over text and spans.

``segments(record)`` returns the text in order as pieces that each carry which statement covers them
(the innermost when statements nest), whether they are a cue, and which statements start there. The
template writes each piece's ``text`` through Jinja's autoescaping, so the article's own characters
(``<script>``, ``javascript:`` links, quotes) are only ever shown as text: no markup is built from them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Record, Statement

PALETTE_SIZE = 8          # speaker colours in style.css: .sp-0 ... .sp-7


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    statement: str | None = None        # innermost statement covering this piece
    speaker: int | None = None          # the speaker's colour number (legend order)
    in_content: bool = False            # inside some statement's content (else a cue or speaker only)
    cue: bool = False                   # inside a cue span
    speaker_mention: bool = False       # inside the speaker's own mention ("Kanaani said")
    anchors: tuple[str, ...] = ()       # statements whose content starts here
    title: str = ""                     # hover text: speaker, act, type


@dataclass(frozen=True)
class Legend:
    colour: int
    name: str
    statements: tuple[str, ...] = field(default_factory=tuple)


def speaker_name(record: Record, statement: Statement) -> str:
    names = {e.id: e.name for e in record.entities}
    return names.get(statement.speaker or "") or statement.speaker_text or "(unattributed)"


def legend(record: Record) -> list[Legend]:
    """One colour per speaker, in order of their first statement; colours repeat past the palette."""
    order: dict[str, list[str]] = {}
    for s in record.statements:
        order.setdefault(speaker_name(record, s), []).append(s.id)
    return [Legend(i % PALETTE_SIZE, name, tuple(ids)) for i, (name, ids) in enumerate(order.items())]


def _valid(span, n: int) -> bool:
    return span is not None and 0 <= span[0] < span[1] <= n


def segments(record: Record) -> list[Segment]:
    """The article text as consecutive segments (their texts join back to the text exactly)."""
    text = record.article.text
    n = len(text)
    colour = {sid: lg.colour for lg in legend(record) for sid in lg.statements}
    statements = [s for s in record.statements if _valid(s.content_span, n)]
    cues = [s.cue_span for s in record.statements if _valid(s.cue_span, n)]
    mentions = [s.speaker_span for s in record.statements if _valid(s.speaker_span, n)]
    cuts = {0, n}
    for span in [s.content_span for s in statements] + cues + mentions:
        cuts.update(span)
    starts: dict[int, list[str]] = {}
    for s in statements:
        starts.setdefault(s.content_span[0], []).append(s.id)
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        inside = [s for s in statements if s.content_span[0] <= a and b <= s.content_span[1]]
        inner = min(inside, key=lambda s: s.content_span[1] - s.content_span[0]) if inside else None
        in_content = inner is not None
        if inner is None:                       # a cue or speaker outside the content: its statement's
            inner = next((s for s in record.statements if _covers(s.cue_span, a, b)
                          or _covers(s.speaker_span, a, b)), None)
        out.append(Segment(
            text=text[a:b], start=a, statement=inner.id if inner else None,
            speaker=colour.get(inner.id) if inner else None, in_content=in_content,
            cue=any(_covers(c, a, b) for c in cues),
            speaker_mention=any(_covers(m, a, b) for m in mentions),
            anchors=tuple(starts.get(a, ())),
            title=_title(record, inner) if inner else ""))
    return out


def _covers(span, a: int, b: int) -> bool:
    return span is not None and span[0] <= a and b <= span[1]


def _title(record: Record, s: Statement) -> str:
    return f"{speaker_name(record, s)} · {s.act} ({s.type})" + (f" · cue “{s.cue}”" if s.cue else "")


__all__ = ["Segment", "Legend", "segments", "legend", "speaker_name", "PALETTE_SIZE"]
