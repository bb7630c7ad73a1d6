"""Claim vectors as the store keeps them (``claims.vector``, migration 3).
"""
from __future__ import annotations

from typing import Any

import numpy as np


def vector_bytes(vec: Any) -> bytes | None:
    """A claim vector as stored in ``claims.vector``: float32, little-endian; None stays None."""
    return None if vec is None else np.asarray(vec, dtype="<f4").reshape(-1).tobytes()


def vector_of(data: Any) -> np.ndarray | None:
    """The float32 vector stored by :func:`vector_bytes` (bytes, or a buffer such as memoryview)."""
    if data is None:
        return None
    return np.frombuffer(bytes(data), dtype="<f4").astype(np.float32)


__all__ = ["vector_bytes", "vector_of"]
