"""Chooses the articles of the claim-linking gold (issue 14, item 4), before any is read or annotated:

    python tests/gold/claims/select.py ../shared/corpora > tests/gold/claims/stories.json

Two stories of Tehran Times articles with ids above 480000, none in the speaker gold
(tests/gold/news/articles.json, tests/gold/tehran-times/): Iran and Saudi Arabia (the tuning half) and
the nuclear deal (the held-out half). An article belongs to a story when its title or its first 400
characters name the story's subject, it has 120-900 words, and (the nuclear story) its title does not
name the IAEA, whose articles were read for the board of issue 14. From each story 30 articles are
drawn with a fixed seed. Nothing here reads onrecord.
"""
from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261204
PER_STORY = 30
STORIES = {   # name: (half, subject pattern)
    "iran-saudi": ("tuning", re.compile(r"Saudi|Riyadh")),
    "nuclear-deal": ("held-out", re.compile(r"JCPOA|Vienna talks|nuclear deal|nuclear talks")),
}


def speaker_gold() -> set[str]:
    news = json.loads((HERE.parent / "news" / "articles.json").read_text(encoding="utf-8"))
    taken = {a for key in ("development", "held-out") for a in news[key]}
    return taken | {p.name.split(".")[0] for p in (HERE.parent / "tehran-times").glob("*.gold.json")}


def in_story(record: dict, pattern: re.Pattern, name: str) -> bool:
    words = len(record["text"].split())
    if not 120 <= words <= 900 or not pattern.search(record["title"] + " " + record["text"][:400]):
        return False
    return not (name == "nuclear-deal" and "IAEA" in record["title"])


def main(corpora: Path) -> dict:
    taken = speaker_gold()
    members: dict[str, list[str]] = {name: [] for name in STORIES}
    with gzip.open(corpora / "tehran-times.jsonl.gz", "rt", encoding="utf-8") as f:
        for r in map(json.loads, f):
            if int(r["id"].rsplit("-", 1)[-1]) <= 480000 or r["id"] in taken:
                continue
            for name, (_, pattern) in STORIES.items():
                if in_story(r, pattern, name) and not any(r["id"] in m for m in members.values()):
                    members[name].append(r["id"])
    rng = random.Random(SEED)
    out: dict = {"seed": SEED, "stories": {}}
    for name, (half, _) in STORIES.items():
        out["stories"][name] = {"half": half, "eligible": len(members[name]),
                                "articles": sorted(rng.sample(sorted(members[name]), PER_STORY))}
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), indent=1))
