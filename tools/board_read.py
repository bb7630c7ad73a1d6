"""Print claim boards position by position, for reading them by hand (docs/accuracy.md, "Board
positions read by hand").

A story set is chosen by a word in the title from the Tehran Times corpus (ids above 480000, none in
tests/gold/), stored with `onrecord ingest` (written beside the database as .jsonl), and its global
claims' boards printed most statements
first, one numbered line per position (a speaker's row in a stance column: unresolved speakers and
outlets are listed apart, unnumbered) with the statements under it, until ``--positions``.

    .venv/bin/python tools/board_read.py --title IAEA --db /tmp/iaea.db > /tmp/iaea-boards.txt
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "tehran-times.jsonl.gz"


def in_gold() -> set[str]:
    """Article ids already in a gold set of ours (never part of a board read)."""
    news = json.loads((ROOT / "tests" / "gold" / "news" / "articles.json").read_text(encoding="utf-8"))
    ids = set(news["development"]) | set(news["held-out"]) | set(news.get("fresh", []))
    stories = json.loads((ROOT / "tests" / "gold" / "claims" / "stories.json").read_text(encoding="utf-8"))
    ids |= {a for s in stories["stories"].values() for a in s["articles"]}
    return ids | {p.name.split(".")[0] for p in (ROOT / "tests" / "gold" / "tehran-times").glob("*.txt")}


def story(word: str, corpus: Path = CORPUS, min_id: int = 480000) -> list[dict]:
    """The corpus articles whose title holds ``word``, with ids above ``min_id``, outside our gold."""
    skip, out = in_gold(), []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if int(d["id"].rsplit("-", 1)[1]) > min_id and d["id"] not in skip and word in (d.get("title") or ""):
                out.append(d)
    return out


def lines(board: dict, start: int) -> tuple[list[str], int]:
    """One board as numbered position lines, from position ``start``; returns the lines and the next."""
    out, n = [f"== {board['id']} [{board['n_articles']} article(s)] {board['text']}"], start
    for stance in ("supports", "refutes", "uncertain"):
        for row in board["holders"][stance]:
            out.append(f"  #{n} {stance.upper():9} {row['speaker_name']} ({row['speaker_kind']}) "
                       f"x{row['n_statements']}")
            n += 1
            for p in row["statements"]:
                out.append(f"        {p['article_id']}#{p['statement_id']} [{p['act']}/{p['stance']}] "
                           f"cue={p['cue']!r} speaker={p['speaker_text']!r} :: {p['content'][:300]}")
    out += [f"  (channel) {r['speaker_name']} x{r['n_statements']}" for r in board["channels"]]
    out += [f"  (speaker not resolved) {r['speaker_text']!r} :: {r['statements'][0]['content'][:100]}"
            for r in board["unattributed"]]
    return out, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--title", required=True, help="a word every article's title holds (the story)")
    ap.add_argument("--db", required=True, help="a new SQLite file to store the story in")
    ap.add_argument("--positions", type=int, default=50, help="stop after this many positions")
    args = ap.parse_args(argv)

    import subprocess

    from onrecord.store import Store
    from onrecord.store import claims as boards

    articles = story(args.title)
    print(f"# {len(articles)} articles: {' '.join(sorted(a['id'] for a in articles))}")
    source = Path(args.db).with_suffix(".jsonl")
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    onrecord = Path(sys.executable).with_name("onrecord")        # the one write path: onrecord ingest
    subprocess.run([str(onrecord), "ingest", str(source), "--db", args.db, "--workers", "1"], check=True,
                   stdout=subprocess.DEVNULL)
    with Store(args.db, readonly=True) as store:
        n = 1
        for row in boards.claims(store, limit=1000):
            text, n = lines(boards.claim(store, row["id"]), n)
            print("\n".join(text))
            if n > args.positions:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
