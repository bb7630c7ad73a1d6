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
    """Punctuation, quote marks and a possessive off both ends; a bracket that closes one opened inside
    stays ("the Islamic Republic of Iran Air Force (IRIAF)")."""
    out = _POSSESSIVE.sub("", _EDGE.sub("", text)).strip()
    if out and out.count("(") == out.count(")") + 1 and ")" in text[text.find(out) + len(out):]:
        out += ")"
    return out


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


_MINOR = frozenset({"of", "the", "for", "and", "on", "in", "&"})


def acronym(name: str) -> str | None:
    """The initials of a name of several words, without 'of', 'the', 'for', 'and':
    'Atomic Energy Organization of Iran' -> 'aeoi', 'European Union' -> 'eu'; None for one word."""
    ws = [w for w in words(fold(without_article(name))) if w not in _MINOR]
    return "".join(w[0] for w in ws) if len(ws) > 1 else None


def is_acronym(name: str) -> bool:
    """A name written as an acronym: 'IAEA', 'AEOI', 'U.N.' (two to eight capitals, dots allowed)."""
    bare = without_article(name).replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper()
