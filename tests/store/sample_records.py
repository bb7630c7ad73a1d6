"""Sample records for the store and query tests, on real text: the seed (hand-built from its gold
annotation, so every span is real) and Wikinews articles (hand-built with a quoted speaker).

Imported as ``store.sample_records`` (tests/ is on sys.path through tests/conftest.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from onrecord.models import Article, Claim, Entity, Record, Stance, Statement

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED_TXT = SHARED / "gold" / "mehr-iran-drones.txt"
SEED_GOLD = SHARED / "gold" / "mehr-iran-drones.gold.json"

WIKINEWS = SHARED / "corpora" / "wikinews.jsonl"
# Wikinews articles that quote Donald Trump: one speaker across several articles.
TRUMP_ARTICLES = ("wikinews-2019-006", "wikinews-2019-108", "wikinews-2020-078")


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]


def _cue_span(text: str, cue: str | None, after: int) -> tuple[int, int] | None:
    if not cue:
        return None
    i = text.find(cue, after)
    return None if i < 0 else (i, i + len(cue))


def seed_record(pipeline: str = "test-pipeline/1") -> Record:
    """The seed article with the 21 statements, 9 speakers and one claim of its gold annotation."""
    if not SEED_GOLD.is_file():
        pytest.skip("../shared is not present")
    text = SEED_TXT.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    meta = gold["metadata"]
    article = Article(id="tehrantimes-478273", text=text, source=str(SEED_TXT), title="Iran rejects claims of "
                      "supplying drones to Russia", outlet=meta["outlet"], published="2022-11-01",
                      language="en", license="CC-BY-4.0", author=None)
    entities = tuple(Entity(id=e["id"], name=e["name"], kind=e["kind"], titles=tuple(e.get("titles", ())),
                            affiliations=tuple(e.get("affiliations", ())),
                            mentions=tuple(sorted({m for a in e.get("aliases", [e["name"]])
                                                   for m in _occurrences(text, a)})))
                     for e in gold["entities"])
    statements, stances = [], []
    for s in gold["statements"]:
        speaker_span = tuple(s["speaker_span"]) if s.get("speaker_span") else None
        statements.append(Statement(
            id=s["id"], type=s["type"], act=s["act"], content=s["content"],
            content_span=tuple(s["content_span"]), cue=s.get("cue"),
            cue_span=_cue_span(text, s.get("cue"), speaker_span[1] if speaker_span else 0),
            speaker=s["speaker"], speaker_text=s.get("speaker_text"), speaker_span=speaker_span,
            venue=s.get("venue"), addressee=s.get("addressee"), confidence=0.9))
        if s.get("stance"):
            stances.append(Stance(statement=s["id"], speaker=s["speaker"], stance=s["stance"]))
    claims = tuple(Claim(id=c["id"], text=c["text"], stances=tuple(stances), polarity="positive")
                   for c in gold["claims"])
    return Record(article=article, entities=entities, statements=tuple(statements), claims=claims,
                  pipeline=pipeline, warnings=("hand-built from gold",))


def wikinews(ids: tuple[str, ...] | None = None, n: int = 3) -> list[Article]:
    """Wikinews articles as Articles: the given ids, else the first ``n``."""
    if not WIKINEWS.is_file():
        pytest.skip("../shared is not present")
    out = []
    with WIKINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if (ids is None and len(out) < n) or (ids is not None and d["id"] in ids):
                out.append(Article(id=d["id"], text=d["text"], source=str(WIKINEWS), title=d["title"],
                                   outlet=d["outlet"], published=d["published"], language="en",
                                   license="CC-BY-2.5", url=d["url"]))
    return out


def trump_record(article: Article, pipeline: str = "test-pipeline/1") -> Record:
    """One Wikinews article with its first "Trump said/tweeted ..." as a statement by Donald Trump."""
    m = re.search(r"(Trump) (said|tweeted)[ ,]+([^.]+)", article.text)
    assert m, article.id
    trump = Entity(id="e1", name="Donald Trump", kind="person", titles=("President",),
                   mentions=(m.span(1),))
    statement = Statement(id="s1", type="indirect", act="assert", content=m.group(3),
                          content_span=m.span(3), cue=m.group(2), cue_span=m.span(2), speaker="e1",
                          speaker_text="Trump", speaker_span=m.span(1))
    return Record(article=article, entities=(trump,), statements=(statement,), pipeline=pipeline)
