"""Lexicons as data, keyed by language: src/onrecord/nlp/lexicons/<lang>/<name>.json."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str, lang: str = "en") -> dict:
    """The lexicon ``name`` for ``lang`` as a dict (read once, cached)."""
    path = resources.files(__package__).joinpath(lang, f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))
