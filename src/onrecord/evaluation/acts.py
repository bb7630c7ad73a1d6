"""Speech acts against gold: accuracy per gold act, and the learned-act experiment of issue 14 item 2.

The statements the pipeline extracts are matched to the gold's (``gold.match_spans``); each match is
a row (gold act, the pipeline's act, cue, content). ``per_act`` is the accuracy by gold act. The
experiment (``--experiment``; needs scikit-learn, a dev dependency) trains a multinomial logistic
regression on the rows of the training files and scores it on the test files, with the features
docs/accuracy.md names ("Acts learned from what is said"):

    python -m onrecord.evaluation.acts                 # per-act accuracy, news gold held-out half
    python -m onrecord.evaluation.acts --experiment    # ... and the learned models, trained on the
                                                       # dev half, the Tehran Times gold and the seed
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .gold import gold_text, load_gold, match_spans

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "gold"


@dataclass(frozen=True)
class Row:
    file: str
    gold: str
    pred: str
    cue: str | None
    content: str


def halves() -> dict[str, list[Path]]:
    """The gold files by set: the news gold's two halves, our Tehran Times gold, the seed."""
    news = json.loads((GOLD / "news" / "articles.json").read_text(encoding="utf-8"))
    return {"held-out": [GOLD / "news" / f"{a}.gold.json" for a in news["held-out"]],
            "development": [GOLD / "news" / f"{a}.gold.json" for a in news["development"]],
            "tehran-times": sorted((GOLD / "tehran-times").glob("*.gold.json")),
            "seed": sorted((ROOT.parent / "shared" / "gold").glob("*.gold.json"))}


def rows(files: Iterable[Path], pipeline=None) -> list[Row]:
    """One row per pipeline statement matched to a gold statement, over the files."""
    from ..core import analyze
    from ..models import Article
    from ..pipeline import load_pipeline
    pipeline = pipeline or load_pipeline()
    out = []
    for f in files:
        gold = load_gold(f)
        meta = gold.get("metadata") or {}
        record = analyze(Article(id=Path(f).name.split(".")[0], text=gold_text(gold, f), source=str(f),
                                 outlet=meta.get("outlet"), language=meta.get("language")), pipeline)
        ps = [s for s in record.statements if s.content_span]
        gs = gold["statements"]
        for i, j in match_spans([g["content_span"] for g in gs], [list(p.content_span) for p in ps]).items():
            out.append(Row(str(f), gs[i]["act"], ps[j].act, ps[j].cue, ps[j].content))
    return out


def per_act(found: list[Row], predicted: list[str] | None = None) -> dict:
    """Accuracy overall and by gold act (n, accuracy); ``predicted``: other acts than the rows' own."""
    pred = predicted if predicted is not None else [r.pred for r in found]
    n, right = Counter(r.gold for r in found), Counter(r.gold for r, p in zip(found, pred) if p == r.gold)
    return {"n": len(found), "accuracy": round(sum(right.values()) / max(len(found), 1), 3),
            "by_act": {a: {"n": k, "accuracy": round(right[a] / k, 3)} for a, k in n.most_common()}}


def experiment(train: list[Row], test: list[Row], seed: int = 13) -> list[dict]:
    """The learned-act models: (features, C) chosen by 5-fold CV grouped by article on ``train``; each
    with its CV and test accuracy."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from ..claims.embed import encode
    acts = sorted({r.gold for r in train + test} | {r.pred for r in train + test})
    both = train + test
    rule = np.array([[r.pred == a for a in acts] for r in both], dtype=float)
    vec = encode([r.content for r in both])
    docs = [f"{r.cue or ''} || {r.content}" for r in both]
    y = np.array([r.gold for r in both])
    itr, ite = np.arange(len(train)), np.arange(len(train), len(both))
    groups = np.array([r.file for r in train])

    def features(kind: str, fit_on, idx):
        parts = []
        if "tfidf" in kind:
            tf = TfidfVectorizer(min_df=2, sublinear_tf=True).fit([docs[i] for i in fit_on])
            parts.append(tf.transform([docs[i] for i in idx]))
        if "minilm" in kind:
            parts.append(csr_matrix(vec[idx]))
        if "rules" in kind:
            parts.append(csr_matrix(2 * rule[idx]))
        return hstack(parts).tocsr()

    out = []
    for kind in ("minilm", "minilm+rules", "tfidf+rules", "tfidf+minilm+rules"):
        for c in (1.0, 4.0, 16.0):
            cv = np.empty(len(itr), dtype=object)
            for a, b in GroupKFold(5).split(itr, groups=groups):
                model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
                model.fit(features(kind, itr[a], itr[a]), y[itr[a]])
                cv[b] = model.predict(features(kind, itr[a], itr[b]))
            model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
            model.fit(features(kind, itr, itr), y[itr])
            got = model.predict(features(kind, itr, ite))
            out.append({"features": kind, "C": c, "cv_accuracy": round(float((cv == y[itr]).mean()), 3),
                        "test_accuracy": round(float((got == y[ite]).mean()), 3)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--experiment", action="store_true", help="also train and score the learned-act models")
    args = ap.parse_args(argv)
    sets = halves()
    test = rows(sets["held-out"])
    print(json.dumps({"rules, held-out half": per_act(test)}, indent=1))
    if args.experiment:
        train = rows(sets["development"] + sets["tehran-times"] + sets["seed"])
        print(json.dumps({"rules, training sets": per_act(train), "n_train": len(train), "n_test": len(test),
                          "models": experiment(train, test)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
