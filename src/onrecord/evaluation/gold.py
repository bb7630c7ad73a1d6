"""Score one article record against a gold annotation: the figures of ``../shared/gold/score.py``.

A predicted statement matches a gold one when their content spans overlap by at least half of the
longer span; pairs are taken best overlap first, each statement used once. Gold marked ``optional``
counts neither as missed nor, when matched, as a false positive. Speaker, type and act accuracy are
over matched pairs. Claim stance: per gold claim, the predicted claim holding most matched statements
gives each gold speaker the stance most of its matched statements have.

This is our own implementation; tests/evaluation/test_gold.py checks it gives the numbers score.py gives.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import lexicons
from ..errors import EvaluationError
from .metrics import PRF

_WORD = re.compile(r"[\w.]+")
STANCE_LABELS = ("supports", "refutes", "uncertain")


@dataclass(frozen=True)
class GoldScore:
    statements_gold: int
    statements_pred: int
    matched: int
    optional_matched: int
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    type_accuracy: float
    act_accuracy: float
    claim_stance_accuracy: float
    missed: list[str] = field(default_factory=list)
    speaker_errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def words(text: str | None) -> list[str]:
    """Lower-cased word tokens of a name, without the scorer's stop words ("the", "of", "u.s." ...)."""
    stop = lexicons.load("scoring")["name_stop_words"]
    return [t for t in _WORD.findall((text or "").lower()) if t not in stop]


def overlap(a, b) -> float:
    """Shared characters of two spans over the length of the longer one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(a[1] - a[0], b[1] - b[0], 1)


def match_spans(gold_spans: list, pred_spans: list, threshold: float = 0.5) -> dict[int, int]:
    """Greedy one-to-one matching, best overlap first: {gold index: predicted index}.

    Ties go to the higher gold index, then the higher predicted index (the order score.py uses).
    """
    pairs = sorted(((overlap(g, p), i, j) for i, g in enumerate(gold_spans)
                    for j, p in enumerate(pred_spans)), reverse=True)
    used_pred: set[int] = set()
    match: dict[int, int] = {}
    for ov, i, j in pairs:
        if ov < threshold:
            break
        if i in match or j in used_pred:
            continue
        match[i] = j
        used_pred.add(j)
    return match


def speaker_ok(gold_entity: dict, name: str | None, others: list[str] = ()) -> bool:
    """Is a predicted speaker name the gold entity? (rules documented in score.py's speaker_ok)."""
    got = set(words(name))
    if not got:
        return False
    if gold_entity["kind"] == "person":
        want = words(gold_entity["name"])
        alias = {t for a in gold_entity.get("aliases", []) if a[:1].isupper() for t in words(a)}
        mine = set(want) | alias
        foreign = {t for o in others for t in words(o)} - mine
        if got & foreign:
            return False
        return want[-1] in got or bool(got & set(want) and got <= mine)
    for alias in [gold_entity["name"], *gold_entity.get("aliases", [])]:
        a = set(words(alias))
        if a and len(a & got) / len(a | got) >= 0.5:
            return True
    return False


def _majority(labels: list[str]) -> str:
    """Most frequent label; a tie goes to the one seen first."""
    counts = Counter(labels)
    return max(labels, key=lambda lab: (counts[lab], -labels.index(lab)))


def _stance_figures(gold: dict, pred: dict, gs: list, ps: list, match: dict[int, int]) -> tuple[int, int]:
    hits = total = 0
    pid_to_gold = {ps[j]["id"]: gs[i] for i, j in match.items() if "id" in ps[j]}
    matched_speakers = {gs[i]["speaker"] for i in match}
    for claim in gold.get("claims", []):
        want = {sp: lab for lab in STANCE_LABELS for sp in claim.get(lab, [])}
        best, best_n = None, -1
        for pc in pred.get("claims", []):
            k = sum(1 for st in pc.get("stances", []) if st.get("statement") in pid_to_gold)
            if k > best_n:
                best, best_n = pc, k
        got: dict[str, list[str]] = {}
        for st in (best or {}).get("stances", []):
            g = pid_to_gold.get(st.get("statement"))
            if g and g.get("stance"):
                got.setdefault(g["speaker"], []).append(st.get("stance"))
        for speaker, label in want.items():
            heard_only_optional = all(g.get("optional") for g in gs if g["speaker"] == speaker)
            if heard_only_optional and speaker not in matched_speakers:
                continue
            total += 1
            labels = got.get(speaker, [])
            hits += bool(labels) and _majority(labels) == label
    return hits, total


def score(gold: dict, pred: dict) -> GoldScore:
    """Score a predicted record (``Record.to_dict()`` shape) against a gold annotation dict."""
    gents = {e["id"]: e for e in gold["entities"]}
    pents = {e["id"]: e for e in pred.get("entities", [])}
    gs = gold["statements"]
    ps = [p for p in pred.get("statements", []) if p.get("content_span")]
    match = match_spans([g["content_span"] for g in gs], [p["content_span"] for p in ps])
    required = [i for i, g in enumerate(gs) if not g.get("optional")]
    tp = sum(1 for i in required if i in match)
    fp = len(ps) - len(match)
    prf = PRF(tp, tp + fp, len(required))

    speaker = typ = act = 0
    wrong = []
    for i, j in match.items():
        g, p = gs[i], ps[j]
        ent = pents.get(p.get("speaker"))
        name = ent["name"] if ent else p.get("speaker_text")
        others = [e["name"] for e in gold["entities"] if e["kind"] == "person" and e["id"] != g["speaker"]]
        if speaker_ok(gents[g["speaker"]], name, others):
            speaker += 1
        else:
            wrong.append(f"{g['id']}: speaker {name!r}, gold {gents[g['speaker']]['name']!r}")
        typ += p.get("type") == g["type"]
        act += p.get("act") == g["act"]
    n = max(len(match), 1)
    hits, total = _stance_figures(gold, pred, gs, ps, match)
    return GoldScore(
        statements_gold=len(required), statements_pred=len(ps), matched=tp,
        optional_matched=sum(1 for i in match if gs[i].get("optional")),
        precision=round(prf.precision, 3), recall=round(prf.recall, 3), f1=round(prf.f1, 3),
        speaker_accuracy=round(speaker / n, 3), type_accuracy=round(typ / n, 3),
        act_accuracy=round(act / n, 3), claim_stance_accuracy=round(hits / max(total, 1), 3),
        missed=[gs[i]["id"] + ": " + gs[i]["content"][:60] for i in required if i not in match],
        speaker_errors=wrong)


def total(scores: list[GoldScore]) -> dict[str, Any]:
    """The figures of several articles summed (micro): statements over all of them; speaker, type and
    act accuracy over all matched statements (optional ones included, as per article)."""
    gold = sum(s.statements_gold for s in scores)
    pred = sum(s.statements_pred for s in scores)
    matched = sum(s.matched for s in scores)
    optional = sum(s.optional_matched for s in scores)
    prf = PRF(matched, pred - optional, gold)
    pairs = matched + optional

    def acc(key: str) -> float:
        return round(sum(getattr(s, key) * (s.matched + s.optional_matched) for s in scores) / max(pairs, 1), 3)
    return {"articles": len(scores), "statements_gold": gold, "statements_pred": pred, "matched": matched,
            "optional_matched": optional, "precision": round(prf.precision, 3), "recall": round(prf.recall, 3),
            "f1": round(prf.f1, 3), "speaker_accuracy": acc("speaker_accuracy"),
            "type_accuracy": acc("type_accuracy"), "act_accuracy": acc("act_accuracy")}


def load_gold(path: str | Path) -> dict:
    """Read a ``*.gold.json`` file; raise EvaluationError (E400) when it is not one."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read gold file: {exc}", code="E400", source=str(path)) from exc
    if not isinstance(gold, dict) or "statements" not in gold or "entities" not in gold:
        raise EvaluationError("not a gold file: needs 'statements' and 'entities'", code="E400",
                              source=str(path))
    return gold


def gold_text(gold: dict, gold_path: str | Path) -> str:
    """The article text a gold file annotates (``text_file``, relative to the gold file)."""
    name = gold.get("text_file")
    if not name:
        raise EvaluationError("gold file names no text_file", code="E400", source=str(gold_path))
    path = Path(gold_path).parent / name
    try:
        with open(path, encoding="utf-8", newline="") as fh:     # offsets count every \r
            return fh.read()
    except OSError as exc:
        raise EvaluationError(f"cannot read the gold's text: {exc}", code="E400", source=str(path)) from exc


def load_prediction(path: str | Path) -> dict:
    """One article record as `onrecord extract --format json` writes it, or the first line of JSONL."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise EvaluationError(f"cannot read prediction: {exc}", code="E400", source=str(path)) from exc
    try:
        pred = json.loads(raw)
    except json.JSONDecodeError:
        try:
            pred = json.loads(raw.splitlines()[0]) if raw else None
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"prediction is not JSON: {exc}", code="E400", source=str(path)) from exc
    if isinstance(pred, list) and pred:
        pred = pred[0]
    if not isinstance(pred, dict):
        raise EvaluationError("prediction is not an article record", code="E400", source=str(path))
    return pred


def evaluate_file(gold_path: str | Path, pred_path: str | Path | None = None, pipeline=None) -> GoldScore:
    """Score a saved prediction, or (without one) run the pipeline on the gold's own text."""
    gold = load_gold(gold_path)
    if pred_path is not None:
        return score(gold, load_prediction(pred_path))
    from ..core import analyze
    from ..models import Article
    from ..pipeline import load_pipeline

    meta = gold.get("metadata") or {}
    article = Article(id=Path(gold_path).name.split(".")[0], text=gold_text(gold, gold_path),
                      source=str(gold_path), outlet=meta.get("outlet"), language=meta.get("language"))
    record = analyze(article, pipeline or load_pipeline())
    return score(gold, record.to_dict())
