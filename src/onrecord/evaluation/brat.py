"""Read PolNeAR's BRAT standoff: text-bound spans (T lines) linked into attributions (E lines).

A T line is ``T9<TAB>Content 315 448;463 553<TAB>text``: a label and one or more ``start end``
fragments, character offsets into the article's ``.txt`` read as UTF-8 *without* newline translation.
The text column may itself hold newlines, so lines that are not T/E records are skipped.
An E line links an ``Attribution`` trigger to its ``Source``, ``Cue`` and ``Content`` spans.

Annotation files are named ``<article>_<annotator>.ann`` next to ``text/<article>.txt``; an article
annotated by several annotators is read from the first annotator in sorted order, so runs are stable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvaluationError

Fragments = tuple[tuple[int, int], ...]

_T = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t.*)?$")
_E = re.compile(r"^(E\d+)\t(.*)$")
_ANN = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
ROLES = ("source", "cue", "content")


@dataclass(frozen=True)
class GoldAttribution:
    """One attribution: its spans as fragment tuples (one fragment unless discontinuous)."""

    id: str
    content: Fragments
    cue: Fragments | None = None
    source: Fragments | None = None

    def role(self, name: str) -> Fragments | None:
        return getattr(self, name)


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    annotator: str = ""


def parse_fragments(spec: str) -> Fragments:
    """``"315 448;463 553"`` -> ``((315, 448), (463, 553))``."""
    return tuple((int(a), int(b)) for a, b in (part.split() for part in spec.split(";")))


def parse_ann(content: str, source: str = "") -> tuple[GoldAttribution, ...]:
    """Attributions of one ``.ann`` file's content; an E line naming no Content span is skipped."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in content.split("\n"):
        line = line.rstrip("\r")
        if m := _T.match(line):
            spans[m.group(1)] = (m.group(2), parse_fragments(m.group(3)))
        elif m := _E.match(line):
            args = dict(part.split(":", 1) for part in m.group(2).split() if ":" in part)
            events.append((m.group(1), args))
    out = []
    for eid, args in events:
        roles = {}
        for role in ("Source", "Cue", "Content"):
            ref = args.get(role)
            if ref is not None and ref not in spans:
                raise EvaluationError(f"{eid} refers to unknown span {ref}", code="E400", source=source)
            roles[role.lower()] = spans[ref][1] if ref else None
        if roles["content"] is None:
            continue
        out.append(GoldAttribution(id=eid, **roles))
    return tuple(out)


def read_article(text_path: Path, ann_path: Path) -> GoldArticle:
    with open(text_path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    with open(ann_path, encoding="utf-8", newline="") as fh:
        attributions = parse_ann(fh.read(), source=str(ann_path))
    for att in attributions:
        for role in ROLES:
            for a, b in att.role(role) or ():
                if not 0 <= a <= b <= len(text):
                    raise EvaluationError(f"span {a}-{b} outside the text", code="E400", source=str(ann_path))
    m = _ANN.match(ann_path.name)
    return GoldArticle(name=text_path.stem, text=text, attributions=attributions,
                       annotator=m.group("annotator") if m else "")


def article_files(directory: str | Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of a PolNeAR split folder, sorted by article name."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError("expected text/ and attributions/ folders", code="E400", source=str(root))
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANN.match(ann.name)
        article = m.group("article") if m else ann.stem
        anns.setdefault(article, ann)
    pairs = []
    for txt in sorted(text_dir.glob("*.txt")):
        if txt.stem in anns:
            pairs.append((txt, anns[txt.stem]))
    if not pairs:
        raise EvaluationError("no annotated articles found", code="E400", source=str(root))
    return pairs


def read_split(directory: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """Articles of a split folder (``text/*.txt`` + ``attributions/*.ann``), the first ``limit`` by name."""
    pairs = article_files(directory)
    if limit is not None:
        pairs = pairs[:limit]
    return [read_article(t, a) for t, a in pairs]
