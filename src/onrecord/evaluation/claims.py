"""Figures for docs/accuracy.md ("Claims"):
``python -m onrecord.evaluation.claims checkthat|emergent|fnc|linking``.

* ``checkthat [--split dev]``: MAP@5 of ``Matcher`` on CheckThat! 2020 task 2 (tweets vs verified claims).
* ``emergent [--model encoder|lr]``: accuracy on the claim-disjoint Emergent dev split, of the stance
  cross-encoder (``claims/stance_encoder.py``, the default) or the older logistic regression
  (``claims/stance_model.py``).
* ``fnc``: the FNC-1 weighted score and macro-F1 of ``PairJudge`` (the cross-encoder behind the cosine
  filter) on every pair of the held-out FNC-1 bodies (``splits.is_fnc_dev``), and of the cross-encoder
  alone.
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


def emergent(path: Path, cache: str | None = None, system: str = "encoder") -> dict:
    rows = [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()]
    dev = [r for r in rows if is_dev(r["claim_id"])]
    if system == "encoder":
        return _emergent_encoder(dev)
    from ..claims.stance_model import model
    enc = partial(cached_encode, cache=cache)
    pred = model().predict([r["claim"] for r in dev], [r["text"] for r in dev],
                           enc([r["claim"] for r in dev]), enc([r["text"] for r in dev]))
    gold = [r["gold"] for r in dev]
    acc = float(np.mean([p == g for p, g in zip(pred, gold)]))
    conf = {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in model().labels}
            for g in model().labels}
    return {"dev_pairs": len(dev), "dev_claims": len({r["claim_id"] for r in dev}),
            "accuracy": round(acc, 4), "confusion (gold -> predicted)": conf}


def _emergent_encoder(dev: list[dict]) -> dict:
    from ..claims.stance_encoder import LABELS, model
    from ..training.stance_encoder import emergent_score
    probs = model().probabilities([r["claim"] for r in dev], [r["text"] for r in dev])
    gold = [r["gold"] for r in dev]
    res = emergent_score(gold, probs.tolist())
    pred = [LABELS[int(k)] for k in probs[:, :3].argmax(1)]
    conf = {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in LABELS[:3]}
            for g in LABELS[:3]}
    from ..claims.pairs import cannot_confirm
    cued = ["uncertain" if p != "uncertain" and cannot_confirm(r["text"]) else p for p, r in zip(pred, dev)]
    return {"system": "stance cross-encoder", "dev_pairs": len(dev),
            "dev_claims": len({r["claim_id"] for r in dev}), **res, "confusion (gold -> predicted)": conf,
            "with the cannot-confirm cue": {"accuracy": round(sum(p == g for p, g in zip(cued, gold)) / len(gold), 4),
                                            "changed": sum(a != b for a, b in zip(pred, cued))}}


def fnc(root: Path, limit: int | None = None) -> dict:
    """Every pair of the held-out FNC-1 train bodies (less the few whose text is a train body's too):
    PairJudge (cosine filter, then the cross-encoder)
    and the cross-encoder alone on the same pairs; the filter's recall of related pairs."""
    import time

    from ..claims.pairs import PairJudge
    from ..claims.stance_encoder import model
    from ..training.stance_encoder import TrainConfig, datasets, fnc_score, unseen
    data = datasets(TrainConfig(fnc_dir=root))
    kept = unseen(data["fnc_dev"], data["train"])
    dev = [(p.claim, p.text, p.label) for p in kept][:limit]
    gold = [g for _, _, g in dev]
    started = time.time()
    verdicts = PairJudge().judge([{"claim": h, "text": t} for h, t, _ in dev])
    judged = time.time() - started
    pred = [v.stance for v in verdicts]
    filtered = [v.evidence and v.evidence[0].get("filtered", False) for v in verdicts]
    related = [g != "unrelated" for g in gold]
    lost = sum(f and r for f, r in zip(filtered, related))
    started = time.time()
    alone = model().predict([h for h, _, _ in dev], [t for _, t, _ in dev])
    return {"pairs": len(dev), "bodies": len({t for _, t, _ in dev}),
            "left_out_as_twins_of_train_bodies": len(data["fnc_dev"]) - len(kept),
            "judge": {**fnc_score(gold, pred), "seconds": round(judged, 1),
                      "filtered_as_unrelated": sum(filtered),
                      "related_lost_by_filter": lost, "related": sum(related)},
            "encoder_alone": {**fnc_score(gold, alone), "seconds": round(time.time() - started, 1)}}


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
    ap.add_argument("what", choices=("checkthat", "emergent", "fnc", "linking"))
    ap.add_argument("--model", choices=("encoder", "lr"), default="encoder", help="emergent: which stance model")
    ap.add_argument("--limit", type=int, default=None, help="fnc: the first N dev pairs (quick checks)")
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cache", default=None)
    args = ap.parse_args(argv)
    if args.what == "checkthat":
        res = checkthat(args.data or SHARED / "checkthat2020-task2", args.split, args.cache)
    elif args.what == "emergent":
        res = emergent(args.data or SHARED / "emergent" / "train.jsonl", args.cache, args.model)
    elif args.what == "fnc":
        res = fnc(args.data or SHARED / "fnc1", args.limit)
    else:
        res = linking(args.data or SHARED / "emergent" / "train.jsonl", args.cache)
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
