"""GUM coreference (``../shared/eval/gum-coref/gum/*.conll``): documents, their tokens and entity mentions.

The CoNLL files hold one token a line (``index <tab> token <tab> entity brackets``); a mention opens with
``(type-id`` (``(place-9-Portsmouth`` with a Wikipedia link) and closes with ``type-id)``; a one-token
mention is ``(type-id)``. Mentions of one id form a chain. The splits are GUM's own (``splits.md``):
the documents named under ``dev`` are the development set, the rest of the files are training data
(GUM's test documents are not in ``../shared``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvaluationError

OPEN = re.compile(r"\(([a-z]+)-(\d+)(?:-[^()\s|]*)?")
CLOSE = re.compile(r"([a-z]+)-(\d+)(?:-[^()\s|]*)?\)")


@dataclass(frozen=True)
class Mention:
    start: int              # first token
    end: int                # last token + 1
    entity: int
    type: str               # person, organization, place, abstract, ...


@dataclass(frozen=True)
class Document:
    name: str
    tokens: tuple[str, ...]
    mentions: tuple[Mention, ...]

    def chains(self) -> dict[int, list[Mention]]:
        out: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            out[m.entity].append(m)
        return dict(out)

    def text_of(self, m: Mention) -> str:
        return " ".join(self.tokens[m.start:m.end])


def parse(text: str, source: str = "") -> list[Document]:
    docs, name, tokens, mentions, open_ = [], None, [], [], defaultdict(list)
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("# begin document"):
            name, tokens, mentions, open_ = line.split("document", 1)[1].strip(), [], [], defaultdict(list)
            continue
        if line.startswith("# end document"):
            if open_ and any(open_.values()):
                raise EvaluationError(f"line {n}: mentions left open in {name}", code="E400", source=source)
            docs.append(Document(name or f"doc{len(docs)}", tuple(tokens),
                                 tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))))
            name = None
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise EvaluationError(f"line {n}: expected index, token and entity columns", code="E400", source=source)
        i = len(tokens)
        tokens.append(cols[1])
        field = cols[2]
        for m in OPEN.finditer(field):
            open_[int(m.group(2))].append((i, m.group(1)))
        for m in CLOSE.finditer(field):
            stack = open_[int(m.group(2))]
            if not stack:
                raise EvaluationError(f"line {n}: {m.group(0)} closes no open mention", code="E400", source=source)
            start, kind = stack.pop()
            mentions.append(Mention(start, i + 1, int(m.group(2)), kind))
    return docs


def read(path: str | Path) -> list[Document]:
    path = Path(path)
    try:
        return parse(path.read_text(encoding="utf-8"), str(path))
    except OSError as exc:
        raise EvaluationError(f"cannot read ({exc.strerror})", code="E400", source=str(path)) from exc


def dev_names(root: Path) -> set[str]:
    """The documents GUM's splits.md lists under ``## dev``."""
    names, section = set(), None
    for line in (root / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif section == "dev" and line.strip().startswith("* "):
            names.add(line.strip()[2:].strip())
    return names


def read_split(root: str | Path, split: str) -> list[Document]:
    """``train`` or ``dev`` documents of ``root`` (the ``gum-coref`` folder), GUM's own scheme."""
    root = Path(root)
    if split not in ("train", "dev"):
        raise EvaluationError(f"no split {split!r} (train or dev)", code="E400", source=str(root))
    dev = dev_names(root)
    out = []
    for path in sorted((root / "gum").glob("*.conll")):
        for doc in read(path):
            if (doc.name in dev) == (split == "dev"):
                out.append(doc)
    return out
