"""Train the stance model shipped in ``claims/models/stance.json`` (``python -m onrecord.training stance``).

Data: Emergent train (``../shared/eval/emergent/train.jsonl``: claim, headline, gold stance). A
claim-disjoint dev split is held out by a fixed rule (``evaluation/splits.is_dev``: a claim is dev
when sha256(claim_id) mod 5 == 0, about 20 % of claim ids). The shipped weights are fitted on the
train part only, so the dev figure that goes with them (in the weights' ``meta`` and
docs/accuracy.md) is honest. Deterministic: liblinear
-free lbfgs on fixed data in file order, the pinned MiniLM encoder, no random state involved.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path

import numpy as np

from ..claims.stance_model import FEATURES_VERSION, LABELS, MODEL_PATH, dense, ngrams
from ..evaluation.splits import is_dev

log = logging.getLogger(__name__)

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "emergent" / "train.jsonl"
C = 0.1
MIN_DF = 2


def load(path: Path = DEFAULT_DATA) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _matrix(rows, vocab, encode):
    from scipy.sparse import csr_matrix, hstack
    cv, tv = encode([r["claim"] for r in rows]), encode([r["text"] for r in rows])
    data, ri, ci = [], [], []
    for k, r in enumerate(rows):
        for j in sorted({vocab[g] for g in ngrams(r["text"]) if g in vocab}):
            data.append(1.0)
            ri.append(k)
            ci.append(j)
    bow = csr_matrix((data, (ri, ci)), shape=(len(rows), len(vocab)), dtype=np.float32)
    den = np.stack([dense(cv[k], tv[k], r["claim"], r["text"]) for k, r in enumerate(rows)])
    return hstack([bow, csr_matrix(den)]).tocsr()


def train(data: Path = DEFAULT_DATA, out: Path = MODEL_PATH, encode=None, cache: str | None = None) -> dict:
    from sklearn.linear_model import LogisticRegression

    from ..claims.embed import cached_encode
    encode = encode or (lambda texts: cached_encode(texts, cache))
    rows = load(data)
    train_rows = [r for r in rows if not is_dev(r["claim_id"])]
    dev_rows = [r for r in rows if is_dev(r["claim_id"])]
    df = Counter(g for r in train_rows for g in set(ngrams(r["text"])))
    vocab_list = sorted(g for g, n in df.items() if n >= MIN_DF)
    vocab = {g: i for i, g in enumerate(vocab_list)}
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit(_matrix(train_rows, vocab, encode), [r["gold"] for r in train_rows])
    pred = clf.predict(_matrix(dev_rows, vocab, encode))
    gold = np.array([r["gold"] for r in dev_rows])
    acc = float(np.mean(pred == gold))
    order = [list(clf.classes_).index(lab) for lab in LABELS]
    meta = {"data": "emergent/train.jsonl", "train_pairs": len(train_rows), "dev_pairs": len(dev_rows),
            "dev_claims": len({r["claim_id"] for r in dev_rows}), "dev_accuracy": round(acc, 4),
            "dev_rule": "sha256(claim_id) % 5 == 0", "C": C, "min_df": MIN_DF,
            "per_label_dev": {lab: round(float(np.mean(pred[gold == lab] == lab)), 4) for lab in LABELS}}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "features_version": FEATURES_VERSION, "labels": list(LABELS), "vocab": vocab_list,
        "coef": [[round(float(x), 5) for x in clf.coef_[i]] for i in order],
        "intercept": [round(float(clf.intercept_[i]), 5) for i in order], "meta": meta}) + "\n",
        encoding="utf-8")
    log.info("stance model: dev accuracy %.3f on %d pairs -> %s", acc, len(dev_rows), out)
    return meta
