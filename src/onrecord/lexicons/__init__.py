"""Every word list of onrecord as data, keyed by language: ``lexicons/<lang>/<name>.json|tsv``.

``load(name, lang)`` is the one way to read them. A JSON file comes back as what it holds (a dict);
a TSV file as its rows, each a tuple of stripped cells, without blank lines and ``#`` comments.
Typed views over the data live beside their users (``speakers`` here, ``claims.lexicon``).
"""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str, lang: str = "en"):
    """The lexicon ``name`` for ``lang`` (read once, cached): a dict (JSON) or a tuple of rows (TSV)."""
    folder = resources.files(__package__).joinpath(lang)
    json_file = folder.joinpath(f"{name}.json")
    if json_file.is_file():
        return json.loads(json_file.read_text(encoding="utf-8"))
    text = folder.joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    return tuple(tuple(c.strip() for c in row) for row in csv.reader(io.StringIO(text), delimiter="\t")
                 if row and not row[0].startswith("#"))
