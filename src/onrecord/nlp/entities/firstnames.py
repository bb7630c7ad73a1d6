"""The first-name table: first name -> share of women among its bearers (``nlp/models/first_names.json``,
built by ``make train`` from the ``nomquamgender`` package's name data). Read by the ranker (gender) and
by mentions (a known first name inside an organisation span the NER ran on)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ...errors import PipelineError

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
NAMES = "first_names.json"


@lru_cache(maxsize=1)
def first_names(directory: str | None = None) -> dict[str, float]:
    path = Path(directory or MODEL_DIR) / NAMES
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PipelineError(f"cannot read the first-name table {path} ({exc}); run `make train`",
                            code="E300", source=str(path)) from exc
