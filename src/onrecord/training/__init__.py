"""Reproduce the weights shipped in ``nlp/models/``: ``python -m onrecord.training`` (``make train``).

The attribution model (``nlp/attribution_model.py``) is trained on PolNeAR train only
(``../shared/eval/polnear/train``); dev is for measuring, never for training. The run is
deterministic: articles in name order, the pinned spaCy model parses them, L-BFGS with fixed
parameters, so the same inputs give byte-identical weights.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import lexicons
from ..evaluation.brat import GoldArticle, read_split
from ..nlp.attribution_model import FEATURES_VERSION, META_NAME, MODEL_DIR, TAGS, token_features

log = logging.getLogger(__name__)

DEFAULT_TRAIN = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "polnear" / "train"

# The cue verbs the features know (lexicons/en/attribution.json), frozen into the model's metadata
# so that a later lexicon edit cannot silently change the shipped model.
CUE_LEMMAS = sorted(set(lexicons.load("attribution")["cue_lemmas"]))


@dataclass(frozen=True)
class TrainConfig:
    train_dir: Path = DEFAULT_TRAIN
    out_dir: Path = MODEL_DIR
    c1: float = 0.5                 # L1: keeps the shipped weights small (about 3 MB)
    c2: float = 0.01
    min_freq: int = 3               # attributes seen fewer times are dropped
    max_iterations: int = 150
    limit: int | None = None        # first N articles only (quick checks)
    parse_cache: Path | None = None  # a spaCy DocBin of the same articles, to skip parsing


def token_labels(doc, fragments) -> list[str]:
    """B / I / O per token for one role's fragments; longer spans win over spans nested in them."""
    labels = ["O"] * len(doc)
    for a, b in sorted(set(fragments), key=lambda f: (f[0] - f[1], f[0])):
        inside = [t.i for t in doc if t.idx >= a and t.idx + len(t) <= b and not t.is_space
                  or (t.idx < b and t.idx + len(t) > a and not t.is_space
                      and min(b, t.idx + len(t)) - max(a, t.idx) >= len(t) / 2)]
        if not inside or any(labels[i] != "O" for i in inside):
            continue
        labels[inside[0]] = "B"
        for i in range(inside[0] + 1, inside[-1] + 1):
            labels[i] = "I"
    return labels


def joint_labels(doc, attributions) -> list[str]:
    """One label per token for all roles at once: cue before source before content where they meet."""
    labels = ["O"] * len(doc)
    for role in ("cue", "source", "content"):
        fragments = [f for att in attributions for f in (att.role(role) or ())]
        for i, lab in enumerate(token_labels(doc, fragments)):
            if lab != "O" and labels[i] == "O":
                labels[i] = f"{lab}-{TAGS[role]}"
    return labels


def _docs(articles: list[GoldArticle], model: str, cache: Path | None) -> Iterator:
    import spacy
    from spacy.tokens import DocBin

    if cache and cache.exists():
        nlp = spacy.blank("en")
        docs = {d.user_data.get("name"): d for d in DocBin().from_disk(cache).get_docs(nlp.vocab)}
        if all(a.name in docs and docs[a.name].text == a.text for a in articles):
            log.info("using parses from %s", cache)
            yield from (docs[a.name] for a in articles)
            return
        log.warning("parse cache %s does not hold these articles; parsing", cache)
    nlp = spacy.load(model)
    yield from nlp.pipe((a.text for a in articles), batch_size=16)


def _fingerprint(articles: list[GoldArticle]) -> str:
    h = hashlib.sha256()
    for a in articles:
        h.update(a.name.encode())
        h.update(a.text.encode("utf-8", "surrogatepass"))
        h.update(repr(a.attributions).encode())
    return h.hexdigest()[:16]


def metadata(config: TrainConfig, articles: list[GoldArticle], model: str) -> dict:
    import pycrfsuite
    import spacy

    return {
        "name": "onrecord-attribution-crf", "features": FEATURES_VERSION,
        "files": {"tagger": "attribution.crfsuite.gz"},
        "cue_lemmas": CUE_LEMMAS, "spacy_model": model, "spacy": spacy.__version__,
        "crfsuite": getattr(pycrfsuite, "__version__", "?"),
        "params": {"algorithm": "lbfgs", "c1": config.c1, "c2": config.c2, "min_freq": config.min_freq,
                   "max_iterations": config.max_iterations},
        "train": {"data": "PolNeAR train", "articles": len(articles), "fingerprint": _fingerprint(articles)},
    }


def package(raw_model: Path, out_dir: Path, meta: dict) -> None:
    """Write the weights gzipped (fixed mtime, so the bytes are reproducible) and the metadata."""
    out_dir.mkdir(parents=True, exist_ok=True)
    data = gzip.compress(raw_model.read_bytes(), compresslevel=9, mtime=0)
    (out_dir / meta["files"]["tagger"]).write_bytes(data)
    (out_dir / META_NAME).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def train(config: TrainConfig = TrainConfig(), model: str | None = None) -> dict:
    """Train the joint role tagger and write it with its metadata; returns the metadata."""
    import pycrfsuite

    from ..settings import Options

    model = model or Options().model
    articles = read_split(config.train_dir, limit=config.limit)
    docs = list(_docs(articles, model, config.parse_cache))
    started = time.time()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({"c1": config.c1, "c2": config.c2, "max_iterations": config.max_iterations,
                        "feature.minfreq": config.min_freq, "feature.possible_transitions": True})
    for article, doc in zip(articles, docs):
        trainer.append(token_features(doc, CUE_LEMMAS), joint_labels(doc, article.attributions))
    meta = metadata(config, articles, model)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "attribution.crfsuite"
        trainer.train(str(raw))
        log.info("trained in %.0f s", time.time() - started)
        package(raw, config.out_dir, meta)
    return meta
