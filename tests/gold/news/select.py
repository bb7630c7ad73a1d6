"""Chooses the articles of the speaker gold (issue 13), before any is read or annotated:

    python tests/gold/news/select.py ../shared/corpora > tests/gold/news/articles.json

From each pool, articles of 150-650 words with at least three report verbs (said, says, told, added,
stated, according to) are drawn with a fixed seed: 32 Wikinews articles and 32 Tehran Times articles
with ids above 480000 that are not in tests/gold/tehran-times/. Each article goes to the development
or the held-out half by a second seeded draw, half of each pool to each. Nothing here reads onrecord.

A third set, ``fresh`` (12 Wikinews + 12 Tehran Times), was drawn on 2026-12-04 with its own seed from
what the first draw left, leaving out the claim-linking stories (../claims/stories.json), after the
held-out half had been read while the resolver was tuned: it is the unseen set the resolver is scored
on once. The first draw is unchanged by it.

A fourth, ``fresh-2`` (8 + 8), was drawn the same way later that day with a third seed from what the
three draws left, after the fresh set had been scored once and then read while the rules were fixed:
the next unseen set. The earlier draws are unchanged by it.

A fifth, ``fresh-3`` (12 + 12), was drawn on 2026-12-04 (the next session) with a fourth seed from
what the four draws left, after fresh-2 had been scored once and then read while the rules were
fixed, and before this session changed any rule: the next unseen set.

A sixth, ``fresh-4`` (12 + 12), was drawn on 2026-12-06 with a fifth seed from what the five draws
left, after fresh-3 had been scored once and then read while the rules were fixed, and before this
session changed any rule: the next unseen set.
"""
from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORT = re.compile(r"\b(said|says|told|added|stated|according to)\b")
PER_POOL = 32
SEED = 20261202
FRESH_SEED = 20261204
FRESH_PER_POOL = 12
FRESH2_SEED = 20261205
FRESH2_PER_POOL = 8
FRESH3_SEED = 20261206
FRESH3_PER_POOL = 12
FRESH4_SEED = 20261207
FRESH4_PER_POOL = 12


def eligible(text: str) -> bool:
    words = len(text.split())
    return 150 <= words <= 650 and len(REPORT.findall(text)) >= 3


def pools(corpora: Path) -> dict[str, list[str]]:
    taken = {p.name.split(".")[0] for p in (HERE.parent / "tehran-times").glob("*.gold.json")}
    wikinews = [r["id"] for r in map(json.loads, open(corpora / "wikinews.jsonl", encoding="utf-8"))
                if eligible(r["text"])]
    tehran = []
    with gzip.open(corpora / "tehran-times.jsonl.gz", "rt", encoding="utf-8") as f:
        for r in map(json.loads, f):
            number = int(r["id"].rsplit("-", 1)[-1])
            if number > 480000 and r["id"] not in taken and eligible(r["text"]):
                tehran.append(r["id"])
    return {"wikinews": sorted(wikinews), "tehran-times": sorted(tehran)}


def main(corpora: Path) -> dict:
    rng = random.Random(SEED)
    out = {"seed": SEED, "development": [], "held-out": []}
    for name, ids in pools(corpora).items():
        chosen = rng.sample(ids, PER_POOL)
        halves = chosen[:]
        rng.shuffle(halves)
        out["development"] += sorted(halves[:PER_POOL // 2])
        out["held-out"] += sorted(halves[PER_POOL // 2:])
        out[f"eligible-{name}"] = len(ids)
    stories = json.loads((HERE.parent / "claims" / "stories.json").read_text(encoding="utf-8"))["stories"]
    taken = set(out["development"]) | set(out["held-out"]) | {a for s in stories.values() for a in s["articles"]}
    fresh_rng = random.Random(FRESH_SEED)
    out["fresh"] = []
    pooled = pools(corpora)
    for ids in pooled.values():
        out["fresh"] += sorted(fresh_rng.sample([a for a in ids if a not in taken], FRESH_PER_POOL))
    taken |= set(out["fresh"])
    fresh2_rng = random.Random(FRESH2_SEED)
    out["fresh-2"] = []
    for ids in pooled.values():
        out["fresh-2"] += sorted(fresh2_rng.sample([a for a in ids if a not in taken], FRESH2_PER_POOL))
    taken |= set(out["fresh-2"])
    fresh3_rng = random.Random(FRESH3_SEED)
    out["fresh-3"] = []
    for ids in pooled.values():
        out["fresh-3"] += sorted(fresh3_rng.sample([a for a in ids if a not in taken], FRESH3_PER_POOL))
    taken |= set(out["fresh-3"])
    fresh4_rng = random.Random(FRESH4_SEED)
    out["fresh-4"] = []
    for ids in pooled.values():
        out["fresh-4"] += sorted(fresh4_rng.sample([a for a in ids if a not in taken], FRESH4_PER_POOL))
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), indent=1))
