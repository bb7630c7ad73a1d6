"""Claim linking scored on stories annotated by hand (``tests/gold/claims/gold.json``, issue 14 item 4):
``onrecord eval stories [--story NAME] [--sweep]``.

A story's articles are analysed once (the default pipeline, claims stage included), then linked oldest
first the way ``batch.linking.link`` links a store (``claims.across.Linker`` over an empty
``ClaimIndex``), in memory, so that thresholds can be swept without analysing again. Each gold row
(a statement and the claim it is about) is matched to the extracted statement whose content overlaps it
most (``gold.match_spans``); each statement's system cluster is the global claim it is a member of,
or a cluster of its own when it is in none. Figures over the matched rows:

* pairwise precision / recall / F1: of the pairs of rows in one system cluster, how many are in one
  gold claim, and the reverse; also for the pairs across articles only;
* B³ precision / recall / F1 (per row, then averaged);
* the same with every gold row counted, the unmatched ones as clusters of their own (end to end);
* stance agreement: rows in a system claim whose stance there is the gold stance.

Optional rows are left out. The thresholds of ``claims.linking.LinkConfig`` were chosen on the tuning
story; the held-out story is scored once (docs/accuracy.md, "Linking across articles").
"""
from __future__ import annotations

import dataclasses
import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from .gold import match_spans
from .metrics import prf

GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "claims" / "gold.json"


def load(path: str | Path = GOLD) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read the story gold ({exc})", source=str(path)) from exc


# ----------------------------------------------------------------------------------------------- metrics

def pairwise(gold: Sequence[Any], pred: Sequence[Any], keep=lambda i, j: True) -> dict[str, float]:
    """Pairwise P/R/F1 of two labellings of the same items (``keep(i, j)`` picks the pairs counted)."""
    tp = n_pred = n_gold = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        if not keep(i, j):
            continue
        g, p = gold[i] == gold[j], pred[i] == pred[j]
        tp += g and p
        n_pred += p
        n_gold += g
    p, r, f = prf(tp, n_pred, n_gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold_pairs": n_gold,
            "pred_pairs": n_pred}


def b_cubed(gold: Sequence[Any], pred: Sequence[Any]) -> dict[str, float]:
    """B³ precision / recall / F1 of two labellings of the same items."""
    if not gold:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    g_members, p_members = defaultdict(set), defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred)):
        g_members[g].add(i)
        p_members[p].add(i)
    prec = rec = 0.0
    for g, p in zip(gold, pred):
        both = len(g_members[g] & p_members[p])
        prec += both / len(p_members[p])
        rec += both / len(g_members[g])
    prec, rec = prec / len(gold), rec / len(gold)
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f, 4)}


# ----------------------------------------------------------------------------------------------- system

def analyse(story: dict, pipeline=None) -> list[tuple[str, str, Any]]:
    """(article id, day, record) for the story's articles, oldest first (the order linking takes)."""
    from ..core import analyze_many
    from ..models import Article
    from ..pipeline import load_pipeline
    texts = GOLD.parent
    arts = sorted(story["articles"].items(), key=lambda kv: ((kv[1].get("published") or "")[:10], kv[0]))
    articles = [Article(id=aid, text=(texts / f"{aid}.txt").read_text(encoding="utf-8"), outlet="Tehran Times",
                        published=meta.get("published"), url=meta.get("url"), language="en")
                for aid, meta in arts]
    for a in articles:
        if not a.text:
            raise EvaluationError("the story text is missing (run tests/gold/claims/build.py)", source=a.id)
    records = list(analyze_many(articles, pipeline or load_pipeline()))
    return [(a.id, (a.published or "")[:10], r) for a, r in zip(articles, records)]


def rebuild(analysed: list, config) -> list:
    """The records with their article claims built again under ``config`` (a ``LinkConfig``)."""
    from ..claims.linking import ClaimBuilder
    claims = ClaimBuilder(config=config).build([(r.article, r.statements, r.entities) for _, _, r in analysed])
    return [(aid, day, dataclasses.replace(r, claims=c)) for (aid, day, r), c in zip(analysed, claims)]


def link(analysed: list, threshold: float, config=None) -> dict[tuple[str, str], tuple[str, str]]:
    """{(article id, statement id): (global claim id, stance)}: linking as ``batch.linking.link`` does it."""
    from ..claims import across
    from ..claims.embed import encode
    from ..claims.index import ClaimIndex
    from ..claims.linking import LinkConfig
    config = config or LinkConfig()
    index = ClaimIndex([])
    linker = across.Linker(index, lambda gid: False, threshold, config)
    linker.begin(across.claim_vectors([c for _, _, r in analysed for c in r.claims], encode, index.dim))
    out = {}
    try:
        for aid, day, record in analysed:
            for m in linker.link_article(record, day).members:
                out.setdefault((aid, m.statement_id), (m.global_id, m.stance))
    finally:
        linker.end()
    return out


# ----------------------------------------------------------------------------------------------- scoring

def score(story: dict, analysed: list, links: dict) -> dict[str, Any]:
    """The figures of one linking of one story (see the module's docstring)."""
    gold_lab, pred_lab, arts, all_gold, all_pred = [], [], [], [], []
    stance_ok = stance_n = matched = total = 0
    confusion: Counter = Counter()
    by_id = {aid: r for aid, _, r in analysed}
    for aid, meta in story["articles"].items():
        rows = [r for r in meta["statements"] if not r["optional"]]
        sts = by_id[aid].statements
        match = match_spans([r["content_span"] for r in rows], [list(s.content_span) for s in sts])
        for i, row in enumerate(rows):
            total += 1
            all_gold.append(row["claim"])
            if i not in match:
                all_pred.append(("missed", aid, i))
                continue
            st = sts[match[i]]
            gid, stance = links.get((aid, st.id), (("alone", aid, st.id), None))
            matched += 1
            gold_lab.append(row["claim"])
            pred_lab.append(gid)
            all_pred.append(gid)
            arts.append(aid)
            if stance is not None:
                stance_n += 1
                stance_ok += stance == row["stance"]
                confusion[f"{row['stance']}->{stance}"] += 1
    multi = Counter(g for g in gold_lab)
    return {"rows": total, "matched": matched,
            "gold_claims": len(set(gold_lab)), "gold_claims_2plus": sum(1 for v in multi.values() if v > 1),
            "system_clusters": len(set(pred_lab)),
            "pairwise": pairwise(gold_lab, pred_lab),
            "pairwise_across_articles": pairwise(gold_lab, pred_lab, lambda i, j: arts[i] != arts[j]),
            "b_cubed": b_cubed(gold_lab, pred_lab),
            "end_to_end": {"pairwise": pairwise(all_gold, all_pred), "b_cubed": b_cubed(all_gold, all_pred)},
            "stance": {"in_a_claim": stance_n, "agree": round(stance_ok / stance_n, 4) if stance_n else 0.0,
                       "confusion": dict(sorted(confusion.items()))}}


def baselines(story: dict) -> dict[str, Any]:
    """Every row a claim of its own, and all rows one claim: the two ends the figures lie between."""
    gold = [r["claim"] for m in story["articles"].values() for r in m["statements"] if not r["optional"]]
    alone, one = list(range(len(gold))), [0] * len(gold)
    return {"singletons": {"b_cubed": b_cubed(gold, alone)},
            "one_cluster": {"pairwise": pairwise(gold, one), "b_cubed": b_cubed(gold, one)}}


def evaluate(name: str, gold: dict | None = None, thresholds: Sequence[float] = (), pipeline=None
             ) -> dict[str, Any]:
    """Figures for story ``name`` at the default global threshold, or at each of ``thresholds``."""
    from ..claims.linking import LinkConfig
    gold = gold if gold is not None else load()
    if name not in gold:
        raise EvaluationError(f"no story {name!r} in the gold (have: {', '.join(sorted(gold))})")
    story = gold[name]
    analysed = analyse(story, pipeline)
    out: dict[str, Any] = {"story": name, "half": story["half"], "articles": len(story["articles"]),
                           "baselines": baselines(story)}
    ts = list(thresholds) or [LinkConfig().global_threshold]
    out["runs"] = {f"{t:.2f}": score(story, analysed, link(analysed, t)) for t in ts}
    return out


__all__ = ["analyse", "b_cubed", "baselines", "evaluate", "link", "load", "pairwise", "rebuild", "score"]
