"""Figures for docs/accuracy.md ("Claims"): ``python -m onrecord.evaluation.claims checkthat|emergent|linking``.

* ``checkthat [--split dev]``: MAP@5 of ``Matcher`` on CheckThat! 2020 task 2 (tweets vs verified claims).
* ``emergent``: accuracy of the shipped stance model on the claim-disjoint Emergent dev split.
* ``linking``: F1 / precision / recall of "this headline is about this claim" (Emergent, cosine >=
  the global threshold), the data the cross-article threshold was chosen on.

``--cache DIR`` keeps sentence vectors between runs.
"""
from __future__ import annotations

import argparse
import csv
import json
from functools import partial
from pathlib import Path

import numpy as np

from ..claims.embed import cached_encode
from ..claims.matching import KnownClaim, Matcher, average_precision_at, clean
from .metrics import PRF
from .splits import is_dev

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "eval"


def _tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        return list(rows)


def checkthat(root: Path, split: str = "dev", cache: str | None = None, k: int = 5) -> dict:
    enc = partial(cached_encode, cache=cache)
    claims = [KnownClaim(id=r[0], text=r[1], title=r[2] if len(r) > 2 else "")
              for r in _tsv(root / "verified_claims.docs.tsv")]
    matcher = Matcher(claims, encode=enc)
    queries = _tsv(root / split / "tweets.queries.tsv")
    rel: dict[str, set[str]] = {}
    for line in open(root / split / "tweet-vclaim-pairs.qrels", encoding="utf-8"):
        qid, _, cid, _ = line.split()
        rel.setdefault(qid, set()).add(cid)
    ranked = matcher.top([q[1] for q in queries], k=k, query_vecs=enc([clean(q[1]) for q in queries]))
    aps = [average_precision_at([c.id for c, _ in hits], rel.get(q[0], set()), k)
           for q, hits in zip(queries, ranked)]
    return {"split": split, "queries": len(queries), f"MAP@{k}": round(float(np.mean(aps)), 4),
            "P@1": round(float(np.mean([bool(h) and h[0][0].id in rel.get(q[0], set())
                                        for q, h in zip(queries, ranked)])), 4),
            "weights": vars(matcher.weights)}


def emergent(path: Path, cache: str | None = None) -> dict:
    from ..claims.stance_model import model
    rows = [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()]
    dev = [r for r in rows if is_dev(r["claim_id"])]
    enc = partial(cached_encode, cache=cache)
    pred = model().predict([r["claim"] for r in dev], [r["text"] for r in dev],
                           enc([r["claim"] for r in dev]), enc([r["text"] for r in dev]))
    gold = [r["gold"] for r in dev]
    acc = float(np.mean([p == g for p, g in zip(pred, gold)]))
    conf = {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in model().labels}
            for g in model().labels}
    return {"dev_pairs": len(dev), "dev_claims": len({r["claim_id"] for r in dev}),
            "accuracy": round(acc, 4), "confusion (gold -> predicted)": conf}


def linking(path: Path, cache: str | None = None, threshold: float | None = None) -> dict:
    from ..claims.linking import LinkConfig
    threshold = LinkConfig().global_threshold if threshold is None else threshold
    rows = [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()]
    enc = partial(cached_encode, cache=cache)
    ids = sorted({r["claim_id"] for r in rows})
    first = {}
    for r in rows:
        first.setdefault(r["claim_id"], r["claim"])
    cv = enc([first[c] for c in ids])
    out = {}
    for part in ("train", "dev"):
        sel = [r for r in rows if is_dev(r["claim_id"]) == (part == "dev")]
        sims = enc([r["text"] for r in sel]) @ cv.T
        gold = np.array([[r["claim_id"] == c for c in ids] for r in sel])
        pred = sims >= threshold
        m = PRF(int((pred & gold).sum()), int(pred.sum()), int(gold.sum()))
        out[part] = {"pairs": int(gold.size), "positives": int(gold.sum()), "precision": round(m.precision, 3),
                     "recall": round(m.recall, 3), "f1": round(m.f1, 3)}
    return {"threshold": threshold, **out}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m onrecord.evaluation.claims")
    ap.add_argument("what", choices=("checkthat", "emergent", "linking"))
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cache", default=None)
    args = ap.parse_args(argv)
    if args.what == "checkthat":
        res = checkthat(args.data or SHARED / "checkthat2020-task2", args.split, args.cache)
    elif args.what == "emergent":
        res = emergent(args.data or SHARED / "emergent" / "train.jsonl", args.cache)
    else:
        res = linking(args.data or SHARED / "emergent" / "train.jsonl", args.cache)
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
