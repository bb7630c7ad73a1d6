"""Train the mention-pair model (``nlp/entities/pairs.py``): ``python -m onrecord.training pairs``.

Data, all from ``../shared/eval`` (read at run time, never shipped):

* **GAP development** (2,000 Wikipedia snippets): the pronoun paired with name A and with name B, each
  labelled by GAP's coreference columns. GAP validation is never read here (it is the reported figure).
* **GUM train** (GUM's own split): every one-word pronoun mention of a person or an organisation, paired
  with the nearest earlier non-pronoun mention of each of up to ``MAX_CANDIDATES`` entities in the
  ``WINDOW_TOKENS`` tokens before it; a pair is positive when the two are of one chain.
* **GUM dev** (12 documents), built the same way, chooses the epoch: the share of pronouns (with a
  right candidate) whose best-scored candidate is right.

Steps, cached in ``--cache``: the frozen bottom's states of every passage (float16), then the top
layers and head, a checkpoint at each epoch's end (a stopped run resumes at the last finished epoch);
the chosen epoch's weights written in float16. Deterministic: fixed seeds, order and thread count.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..evaluation import gap as gap_data
from ..evaluation import gum as gum_data
from ..nlp.entities.pairs import FORMAT, META_NAME, MODEL_DIR, WEIGHTS_NAME, Config, build_net, passage
from .runs import optimiser, run_dir

log = logging.getLogger(__name__)

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "eval"
CACHE = Path(__file__).resolve().parents[3] / "build" / "train-cache"
PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
                      "they", "them", "their", "theirs", "themselves"})
ANAPHOR_TYPES = frozenset({"person", "organization"})
WINDOW_TOKENS = 120
MAX_CANDIDATES = 8


@dataclass(frozen=True)
class TrainConfig:
    gap: Path = SHARED / "gap" / "gap-development.tsv"
    gum: Path = SHARED / "gum-coref"
    out_dir: Path = MODEL_DIR
    cache: Path = CACHE
    net: Config = field(default_factory=Config)
    epochs: int = 4
    batch: int = 16
    lr_layers: float = 5e-5
    lr_head: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1
    seed: int = 13
    threads: int = 2
    limit: int | None = None        # first N GAP snippets and GUM documents (quick checks)
    ranker_weight: float = 1.0      # the pair score's weight in the ranker (chosen on GUM dev + news dev pronouns)


@dataclass(frozen=True)
class Item:
    """One passage to read: its text, the anaphor's span, the candidates' spans and their labels."""

    text: str
    anaphor: tuple[int, int]
    candidates: tuple[tuple[int, int], ...]
    labels: tuple[int, ...]
    source: str


def gap_items(path: Path, limit: int | None = None) -> list[Item]:
    out = []
    for ex in gap_data.read(path)[:limit]:
        out.append(Item(ex.text, ex.pronoun, (ex.a, ex.b), (int(ex.a_coref), int(ex.b_coref)), "gap"))
    return out


def gum_items(docs) -> list[Item]:
    out = []
    for doc in docs:
        starts, pos = [], 0
        for tok in doc.tokens:
            starts.append(pos)
            pos += len(tok) + 1
        text = " ".join(doc.tokens)

        def chars(m, starts=starts, tokens=doc.tokens):
            return starts[m.start], starts[m.end - 1] + len(tokens[m.end - 1])

        named = [m for m in doc.mentions if not (m.end - m.start == 1 and doc.tokens[m.start].lower() in PRONOUNS)]
        for m in doc.mentions:
            if m.end - m.start != 1 or doc.tokens[m.start].lower() not in PRONOUNS or m.type not in ANAPHOR_TYPES:
                continue
            nearest: dict[int, object] = {}
            for c in named:
                if c.end <= m.start and m.start - c.start <= WINDOW_TOKENS and c.entity != -1:
                    if c.entity not in nearest or c.start > nearest[c.entity].start:
                        nearest[c.entity] = c
            cands = sorted(nearest.values(), key=lambda c: -c.start)[:MAX_CANDIDATES]
            if not cands:
                continue
            out.append(Item(text, chars(m), tuple(chars(c) for c in cands),
                            tuple(int(c.entity == m.entity) for c in cands), f"gum:{doc.name}"))
    return out


def datasets(config: TrainConfig) -> dict[str, list[Item]]:
    train_docs = gum_data.read_split(config.gum, "train")[:config.limit]
    dev_docs = gum_data.read_split(config.gum, "dev")[:config.limit]
    return {"train": gap_items(config.gap, config.limit) + gum_items(train_docs), "dev": gum_items(dev_docs)}


@dataclass(frozen=True)
class Seq:
    ids: tuple[int, ...]
    pairs: tuple[tuple[tuple[int, int], tuple[int, int], int], ...]     # (anaphor pieces, candidate, label)


def sequences(items: list[Item], enc) -> list[Seq]:
    out = []
    for it in items:
        p = passage(enc.tokenizer, it.text, [*it.candidates, it.anaphor], enc.cls, enc.sep)
        a = p.spans[-1]
        pairs = tuple((a, c, y) for c, y in zip(p.spans[:-1], it.labels) if a is not None and c is not None)
        out.append(Seq(p.ids, pairs))
    return out


def lower_states(seqs: list[Seq], enc, split: int, path: Path) -> list:
    """The frozen bottom's states per sequence (float16), cached in ``path``."""
    import torch

    if path.exists():
        return torch.load(path)
    out: list = [None] * len(seqs)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i].ids))
    with torch.inference_mode():
        for k in range(0, len(order), 32):
            idx = order[k:k + 32]
            ids, mask = _pad([seqs[i].ids for i in idx])
            h = enc.lower(ids, mask, split)
            for j, i in enumerate(idx):
                out[i] = h[j, :len(seqs[i].ids)].to(torch.float16).clone()
    tmp = path.with_suffix(".tmp")
    torch.save(out, tmp)
    tmp.replace(path)
    return out


def _pad(id_rows):
    import torch

    width = max(len(r) for r in id_rows)
    ids = torch.zeros((len(id_rows), width), dtype=torch.long)
    for i, r in enumerate(id_rows):
        ids[i, :len(r)] = torch.tensor(r)
    mask = ids != 0
    mask[:, 0] = True
    return ids, mask[:, None, None, :]


def _batch(seqs, states, idx):
    import torch

    width = max(len(seqs[i].ids) for i in idx)
    h = torch.zeros((len(idx), width, states[idx[0]].shape[1]))
    mask = torch.zeros((len(idx), 1, 1, width), dtype=torch.bool)
    pairs, labels = [], []
    for row, i in enumerate(idx):
        n = len(seqs[i].ids)
        h[row, :n] = states[i].float()
        mask[row, 0, 0, :n] = True
        for a, c, y in seqs[i].pairs:
            pairs.append((row, a, c))
            labels.append(float(y))
    return h, mask, pairs, torch.tensor(labels)


def evaluate(net, seqs, states) -> dict:
    """Pair accuracy at 0, and top-1: pronouns with a right candidate whose best-scored one is right."""
    import torch

    net.eval()
    right = total = top_right = top_total = 0
    with torch.inference_mode():
        for k in range(0, len(seqs), 32):
            idx = [i for i in range(k, min(k + 32, len(seqs))) if seqs[i].pairs]
            if not idx:
                continue
            h, mask, pairs, labels = _batch(seqs, states, idx)
            scores = net(h, mask, pairs)
            right += int(((scores > 0).float() == labels).sum())
            total += len(labels)
            at = 0
            for i in idx:
                n = len(seqs[i].pairs)
                s, y = scores[at:at + n], labels[at:at + n]
                at += n
                if y.sum() > 0:
                    top_total += 1
                    top_right += int(y[int(s.argmax())] > 0)
    return {"pair_accuracy": round(right / max(total, 1), 4), "top1": round(top_right / max(top_total, 1), 4),
            "pairs": total, "anaphors": top_total}


def train(config: TrainConfig = TrainConfig()) -> dict:
    import torch
    from safetensors.torch import save_file

    from ..encoder import Encoder

    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    config.cache.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    data = datasets(config)
    enc = Encoder()
    split = config.net.split
    fp = hashlib.sha256(json.dumps([asdict(i) for i in data["train"]]).encode()).hexdigest()[:10]
    seqs = {name: sequences(items, enc) for name, items in data.items()}
    states = {name: lower_states(seqs[name], enc, split, config.cache / f"pairs-{name}-{fp}-k{split}.pt")
              for name in seqs}
    log.info("train passages %d (pairs %d), dev %d (pairs %d), states in %.0f s", len(seqs["train"]),
             sum(len(s.pairs) for s in seqs["train"]), len(seqs["dev"]), sum(len(s.pairs) for s in seqs["dev"]),
             time.time() - t0)
    net = build_net(config.net, enc.model.encoder.layer[split:])
    train_idx = [i for i, s in enumerate(seqs["train"]) if s.pairs]
    steps = math.ceil(len(train_idx) / config.batch)
    opt, sched = optimiser(net, config, steps)
    ckpt_dir = run_dir(config, fp, "pairs-run-")
    history: list[dict] = []
    best = None
    for epoch in range(config.epochs):
        path = ckpt_dir / f"epoch{epoch + 1}.pt"
        if path.exists():
            ck = torch.load(path, weights_only=False)
            net.load_state_dict(ck["net"])
            opt.load_state_dict(ck["opt"])
            sched.load_state_dict(ck["sched"])
            torch.set_rng_state(ck["rng"])
            history = ck["history"]
            log.info("epoch %d: from its checkpoint", epoch + 1)
        else:
            rng = random.Random(config.seed * 1000 + epoch)
            order = train_idx[:]
            rng.shuffle(order)
            net.train()
            started, loss_sum = time.time(), 0.0
            for b in range(0, len(order), config.batch):
                h, mask, pairs, labels = _batch(seqs["train"], states["train"], order[b:b + config.batch])
                loss = torch.nn.functional.binary_cross_entropy_with_logits(net(h, mask, pairs), labels)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                opt.step()
                sched.step()
                loss_sum += float(loss.detach())
            dev = evaluate(net, seqs["dev"], states["dev"])
            history.append({"epoch": epoch + 1, "loss": round(loss_sum / steps, 4), **dev,
                            "seconds": round(time.time() - started)})
            log.info("epoch %d: %s", epoch + 1, history[-1])
            tmp = path.with_suffix(".tmp")
            torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                        "rng": torch.get_rng_state(), "history": history}, tmp)
            tmp.replace(path)
        if best is None or history[-1]["top1"] > best[1]:
            best = (epoch + 1, history[-1]["top1"])
    chosen = torch.load(ckpt_dir / f"epoch{best[0]}.pt", weights_only=False)["net"]
    config.out_dir.mkdir(parents=True, exist_ok=True)
    save_file({k: v.to(torch.float16).contiguous() for k, v in chosen.items()}, str(config.out_dir / WEIGHTS_NAME))
    meta = {"format": FORMAT, "config": asdict(config.net), "files": {"weights": WEIGHTS_NAME},
            "ranker_weight": config.ranker_weight,
            "train": {"data": "GAP development + GUM train (pronoun -> nearest mention of each entity)",
                      "dev": "GUM dev", "passages": len(seqs["train"]),
                      "pairs": sum(len(s.pairs) for s in seqs["train"]), "fingerprint": fp,
                      "epochs": config.epochs, "chosen_epoch": best[0], "threads": config.threads,
                      "seconds": round(time.time() - t0)},
            "history": history}
    (config.out_dir / META_NAME).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta
