"""The record: frozen dataclasses with to_dict / from_dict. The format version lives here.

Every span is ``(start, end)``: character offsets, end exclusive, into ``Article.text``.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

FORMAT = "onrecord/1"

ENTITY_KINDS = ("person", "organization", "country", "group", "unnamed")
STATEMENT_TYPES = ("direct", "indirect", "mixed")
ACTS = ("assert", "deny", "confirm", "uncertain", "accuse", "appeal", "oppose", "propose",
        "promise", "warn", "question", "other")
STANCES = ("supports", "refutes", "uncertain")

Span = tuple[int, int]


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


@dataclass(frozen=True)
class Article:
    """A news article as ingested: text plus provenance. ``text`` is never normalised after ingest."""

    id: str
    text: str
    source: str = ""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None          # ISO 8601 date or datetime
    language: str | None = None           # ISO 639-1, detected when not given
    license: str | None = None            # SPDX id, e.g. "CC-BY-4.0"
    url: str | None = None                # canonical URL when known
    author: str | None = None
    flags: tuple[str, ...] = ()           # e.g. ("invalid-utf8",): problems met while reading

    @property
    def content_hash(self) -> str:
        """sha256 of the text: the same content ingested twice is stored once."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["flags"] = list(self.flags)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in known}
        kw["flags"] = tuple(kw.get("flags") or ())
        return cls(**kw)


@dataclass(frozen=True)
class Entity:
    """Someone who can speak: a person, organisation, country, group or unnamed source."""

    id: str
    name: str
    kind: str                              # one of ENTITY_KINDS
    titles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "titles": list(self.titles),
                "affiliations": list(self.affiliations), "mentions": [list(m) for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        return cls(id=d["id"], name=d["name"], kind=d["kind"], titles=tuple(d.get("titles") or ()),
                   affiliations=tuple(d.get("affiliations") or ()),
                   mentions=tuple(_span(m) for m in d.get("mentions") or ()))


@dataclass(frozen=True)
class Statement:
    """One act of saying: who (speaker), how (cue, act, type), what (content), and where it sits."""

    id: str
    type: str                              # one of STATEMENT_TYPES
    act: str                               # one of ACTS
    content: str
    content_span: Span
    cue: str | None = None
    cue_span: Span | None = None
    speaker: str | None = None             # Entity.id, or None when unattributed
    speaker_text: str | None = None        # the mention as written: "he", "The official"
    speaker_span: Span | None = None
    nested_in: str | None = None           # Statement.id of the statement that reports this one
    addressee: str | None = None           # Entity.id (or the text, before speakers are resolved)
    addressee_span: Span | None = None     # where the addressee is named ("his Ukrainian counterpart ...")
    venue: str | None = None               # "an interview with the Croatian daily ..."
    via: str | None = None                 # "Al Jazeera" in "was quoted by Al Jazeera as ..."
    negated: bool = False                  # the cue is negated ("did not deny")
    confidence: float | None = None
    # The parse found the content a noun phrase ("highlighted the importance of ties"), no proposition.
    # Read by the claims stage of the same analysis; not part of the record (to_dict leaves it out).
    nominal: bool = field(default=False, compare=False, repr=False, metadata={"json": False})

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("nominal")
        for k in ("content_span", "cue_span", "speaker_span", "addressee_span"):
            d[k] = None if d[k] is None else list(d[k])
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Statement":
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in known}
        for k in ("content_span", "cue_span", "speaker_span", "addressee_span"):
            kw[k] = _span(kw.get(k))
        return cls(**kw)


@dataclass(frozen=True)
class Stance:
    statement: str                         # Statement.id
    speaker: str | None                    # Entity.id
    stance: str                            # one of STANCES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """A proposition that statements take positions on."""

    id: str
    text: str
    stances: tuple[Stance, ...] = ()
    polarity: str | None = None            # "positive" | "negative" when known
    # The text's sentence vector (float32, unit length) when the claims step computed it: carried to
    # the store so that linking across articles needs no second encoding. Not part of the record's
    # JSON, not compared.
    vector: Any = field(default=None, compare=False, repr=False, metadata={"json": False})

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "polarity": self.polarity,
                "stances": [s.to_dict() for s in self.stances]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        return cls(id=d["id"], text=d["text"], polarity=d.get("polarity"),
                   stances=tuple(Stance(**s) for s in d.get("stances") or ()))


@dataclass(frozen=True)
class Record:
    """What analyze() returns for one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    claims: tuple[Claim, ...] = ()
    pipeline: str = ""                     # name and version of the pipeline that made it
    warnings: tuple[str, ...] = ()
    format: str = field(default=FORMAT)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "pipeline": self.pipeline, "article": self.article.to_dict(),
                "entities": [e.to_dict() for e in self.entities],
                "statements": [s.to_dict() for s in self.statements],
                "claims": [c.to_dict() for c in self.claims], "warnings": list(self.warnings)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        return cls(article=Article.from_dict(d["article"]),
                   entities=tuple(Entity.from_dict(e) for e in d.get("entities") or ()),
                   statements=tuple(Statement.from_dict(s) for s in d.get("statements") or ()),
                   claims=tuple(Claim.from_dict(c) for c in d.get("claims") or ()),
                   pipeline=d.get("pipeline", ""), warnings=tuple(d.get("warnings") or ()),
                   format=d.get("format", FORMAT))


@dataclass(frozen=True)
class Rejected:
    """A source that could not become an Article, and why. Counted in run summaries, never raised."""

    source: str
    reason: str
    code: str = "E000"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason} [{self.code}]"


__all__ = ["FORMAT", "ENTITY_KINDS", "STATEMENT_TYPES", "ACTS", "STANCES", "Span", "Article", "Entity",
           "Statement", "Stance", "Claim", "Record", "Rejected", "replace"]
