"""Licence detection: licence sentences and strings to SPDX ids, and the outlet a licence line names.

The vocabulary is data (licenses.json); this module only applies it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# Licence lines sit at the end of an article; look no further back than this.
TAIL_CHARS = 1500


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files(__package__).joinpath("licenses.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _cc_pattern() -> re.Pattern:
    terms = sorted(_data()["terms"], key=len, reverse=True)
    words = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"\b(?:cc|creative commons)\s+((?:(?:{words})\s+){{1,4}})(?:licen[cs]e\s+)?(\d\.\d)\b")


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[-_/]", " ", text.lower()))


def spdx(text: str | None) -> str | None:
    """The SPDX id of the Creative Commons licence named in ``text``, or None when none is named."""
    if not text:
        return None
    norm = _normalise(text) + " "
    match = _cc_pattern().search(norm)
    if match:
        data = _data()
        parts = {data["terms"][w] for w in _split_terms(match.group(1), data["terms"])}
        if "BY" in parts:
            ordered = [p for p in data["order"] if p in parts]
            return "CC-" + "-".join(ordered) + "-" + match.group(2)
    for phrase, ident in _data()["names"].items():
        if re.search(rf"\b{re.escape(phrase)}\b", norm):
            return ident
    return None


def _split_terms(run: str, terms: dict) -> list[str]:
    """Split 'attribution noncommercial share alike ' into known terms, longest first."""
    found, rest = [], run.strip()
    keys = sorted(terms, key=len, reverse=True)
    while rest:
        for key in keys:
            if rest == key or rest.startswith(key + " "):
                found.append(key)
                rest = rest[len(key):].strip()
                break
        else:
            break
    return found


def outlet(text: str | None) -> str | None:
    """The publisher a licence line names ('All Content by Mehr News Agency is licensed...')."""
    if not text:
        return None
    for pattern in _data()["outlet_patterns"]:
        match = re.search(pattern, text, flags=re.IGNORECASE)
        if match:
            return match.group("outlet").strip()
    return None


def from_text_tail(text: str) -> tuple[str | None, str | None]:
    """(SPDX id, outlet) from a licence line at the end of an article's text."""
    tail = text[-TAIL_CHARS:]
    ident = spdx(tail)
    return ident, outlet(tail) if ident else None
