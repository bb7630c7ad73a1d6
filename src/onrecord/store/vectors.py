"""How vectors are kept: an article claim's (``claims.vector``: float32 bytes) and a global claim's
centroid (``global_claims.vector``: JSON, six decimals)."""
from __future__ import annotations

import json
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


def centroid_json(vec: Any) -> str:
    """A global claim's centroid as stored in ``global_claims.vector``."""
    return json.dumps([round(float(x), 6) for x in vec])


def centroid_of(text: str | None) -> np.ndarray | None:
    """The float32 centroid stored by :func:`centroid_json`; None (or empty) stays None."""
    return np.asarray(json.loads(text), dtype=np.float32) if text else None
