"""Name text helpers shared by speaker resolution (``nlp/entities``) and cross-article identity:
folding case and diacritics, trimming edges and possessives, name tokens. Plain strings, no parser."""
from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE = re.compile(r"^[\s,;:\"“”‘’'()\[\]-]+|[\s,;:\"“”‘’'()\[\]-]+$")


def fold(text: str) -> str:
    """Lower case without diacritics: 'Abdollahian' and 'Abdolláhian' fold alike."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


def strip_edges(text: str) -> str:
    return _POSSESSIVE.sub("", _EDGE.sub("", text)).strip()


def words(text: str) -> list[str]:
    return re.findall(r"[\w][\w.'’-]*", text)


def name_tokens(text: str) -> tuple[str, ...]:
    """Folded tokens of a name, without dots or possessives: 'Mr. Amir-Abdollahian's' -> ('mr', 'amir-abdollahian')."""
    out = []
    for w in words(fold(strip_edges(text))):
        w = _POSSESSIVE.sub("", w).strip(".")
        if w:
            out.append(w)
    return tuple(out)


def without_article(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", strip_edges(text))
