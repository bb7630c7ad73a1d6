"""The quality gate: per-stage figures the suite holds the pipeline to.

``tests/evaluation/baseline.json`` keeps the figures; ``tests/evaluation/test_baseline.py`` recomputes
them and fails when any drops more than ``TOLERANCE`` below its baseline. After a change that moves
them on purpose (up, or down for a stated reason), rewrite the file and commit it with the change::

    python -m onrecord.evaluation.baseline            # measure and compare, exit 1 on a drop
    python -m onrecord.evaluation.baseline --update   # measure and write the baseline

Figures: on the seed gold, statement F1 and speaker / type / act accuracy; on PolNeAR dev, exact
source / cue / content F1 and speech-cue recall of the pipeline's statements, and the same four of
the learned taggers alone, the CRF and the one on the shared encoder (so retrained weights cannot
silently get worse).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..errors import PipelineError
from . import gold as gold_eval
from . import polnear
from .brat import read_split

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
BASELINE = ROOT / "tests" / "evaluation" / "baseline.json"
TOLERANCE = 0.005
POLNEAR_LIMIT: int | None = None      # the whole dev set: about a minute on one core


def _polnear_figures(score: polnear.PolnearScore) -> dict[str, float]:
    d = score.to_dict()
    out = {f"{role}_f1": d["exact"][role]["f1"] for role in ("source", "cue", "content")}
    out["speech_cue_recall"] = d["speech_cue_recall"]
    return out


def measure(shared: Path = SHARED, pipeline=None, polnear_limit: int | None = POLNEAR_LIMIT
            ) -> dict[str, float]:
    """Recompute every gated figure; keys are ``stage.figure``."""
    from ..pipeline import load_pipeline

    pipeline = pipeline or load_pipeline()
    seed = gold_eval.evaluate_file(shared / "gold" / "mehr-iran-drones.gold.json", pipeline=pipeline)
    figures = {"seed.statement_f1": seed.f1, "seed.speaker_accuracy": seed.speaker_accuracy,
               "seed.type_accuracy": seed.type_accuracy, "seed.act_accuracy": seed.act_accuracy}
    articles = read_split(shared / "eval" / "polnear" / "dev", limit=polnear_limit)
    rules = polnear.score(articles, polnear.predict_with_pipeline(articles, pipeline))
    figures.update({f"polnear_dev.{k}": v for k, v in _polnear_figures(rules).items()})
    try:
        from ..nlp import attribution_model
        model = attribution_model.load()
    except PipelineError:                  # no shipped weights yet: nothing to gate
        model = None
    if model is not None:
        learned = polnear.score(articles, polnear.predict_with_model(articles, pipeline.nlp, model))
        figures.update({f"polnear_dev_model.{k}": v for k, v in _polnear_figures(learned).items()})
    try:
        from ..nlp import tagger
        encoder_tagger = tagger.load()
    except PipelineError:
        encoder_tagger = None
    if encoder_tagger is not None:
        tagged = polnear.score(articles, polnear.predict_with_model(articles, pipeline.nlp, encoder_tagger))
        figures.update({f"polnear_dev_tagger.{k}": v for k, v in _polnear_figures(tagged).items()})
    return {k: round(float(v), 4) for k, v in figures.items()}


def load(path: Path = BASELINE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def drops(current: dict[str, float], baseline: dict[str, float], tolerance: float = TOLERANCE
          ) -> list[str]:
    """Figures that fell more than ``tolerance`` below the baseline (or went missing)."""
    out = []
    for key, want in sorted(baseline.items()):
        got = current.get(key)
        if got is None:
            out.append(f"{key}: missing (baseline {want})")
        elif got < want - tolerance:
            out.append(f"{key}: {got} < baseline {want} - {tolerance}")
    return out


def write(figures: dict[str, float], path: Path = BASELINE) -> None:
    doc = {"about": "Quality gate: figures the suite may not fall below by more than the tolerance. "
                    "Update with `python -m onrecord.evaluation.baseline --update` and commit.",
           "tolerance": TOLERANCE, "polnear_limit": POLNEAR_LIMIT, "figures": dict(sorted(figures.items()))}
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m onrecord.evaluation.baseline", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="write the measured figures as the baseline")
    args = ap.parse_args(argv)
    started = time.time()
    current = measure()
    base = load()["figures"] if BASELINE.exists() else {}
    for key in sorted(set(current) | set(base)):
        print(f"{key:38} {current.get(key, float('nan')):8.4f}  baseline {base.get(key, float('nan')):8.4f}")
    print(f"measured in {time.time() - started:.0f} s")
    if args.update:
        write(current)
        print(f"wrote {BASELINE}")
        return 0
    bad = drops(current, base)
    for line in bad:
        print("DROP", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
