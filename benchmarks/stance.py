"""``onrecord stance`` on FNC-1-test-sized input: 25k (headline, body) pairs over about 900 bodies.

The pairs are FNC-1 train's (the competition's test set, 25,413 pairs over 904 bodies, is not in
``../shared``): up to ``--per-body`` pairs (36) of each of the first ``--bodies`` bodies (904) in file
order, the test set's shape (25,418 pairs over 900 distinct texts: a few bodies have twins). One run
times, in turn: 1. a bare spaCy parse of those bodies (the yardstick of every benchmark here); 2.
``onrecord stance`` over the pairs as a user runs it (a process of its own: loading, the cosine filter,
the cross-encoder, writing), and reports pairs a second and how many pairs reached the cross-encoder.
Usage:

    .venv/bin/python benchmarks/stance.py [--bodies 904] [--per-body 36]
"""
from __future__ import annotations

import argparse
import csv
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FNC = ROOT.parent / "shared/eval/fnc1"


def pairs(root: Path, n_bodies: int, per_body: int) -> list[dict]:
    with open(root / "train_bodies.csv", encoding="utf-8", newline="") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    with open(root / "train_stances.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    chosen = set(list(dict.fromkeys(r["Body ID"] for r in rows))[:n_bodies])
    taken: dict[str, int] = {}
    out = []
    for k, r in enumerate(rows):
        b = r["Body ID"]
        if b in chosen and taken.get(b, 0) < per_body:
            taken[b] = taken.get(b, 0) + 1
            out.append({"id": str(k), "claim": r["Headline"], "text": bodies[b]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bodies", type=int, default=904)
    ap.add_argument("--per-body", type=int, default=36)
    args = ap.parse_args()
    data = pairs(FNC, args.bodies, args.per_body)
    texts = list(dict.fromkeys(p["text"] for p in data))

    import spacy

    from onrecord.settings import Options
    nlp = spacy.load(Options().model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in data), encoding="utf-8")
        started = time.perf_counter()
        out = subprocess.run([str(Path(sys.executable).with_name("onrecord")), "stance", "--explain", str(path)],
                             capture_output=True, text=True, check=True)
        took = time.perf_counter() - started
    verdicts = [json.loads(x) for x in out.stdout.splitlines()]
    judged = sum(not v["evidence"][0]["filtered"] for v in verdicts)
    print(json.dumps({
        "machine": f"{platform.processor() or platform.machine()}, {platform.python_version()}",
        "pairs": len(data), "bodies": len(texts), "words": sum(len(t.split()) for t in texts),
        "bare_spacy_parse_s": round(bare, 1),
        "onrecord_stance_s": round(took, 1), "pairs_per_s": round(len(data) / took, 1),
        "cross_encoder_pairs": judged, "verdicts": len(verdicts),
        "against_bare_parse": round(bare / took, 3),
    }, indent=1))


if __name__ == "__main__":
    main()
