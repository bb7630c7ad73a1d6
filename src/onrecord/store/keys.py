"""The key that makes the same speaker in different articles one speaker.

For now a normalised name: case, accents, punctuation and spacing ignored ("Nasser Kanaani",
"NASSER KANAANI" and "Nasser Kan'aani" are one). Cross-article merging that knows about titles, aliases
and partial names will replace this; the store keeps the key in ``entities.name_key``.
"""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def speaker_key(name: str) -> str:
    """Casefolded, accent-free, punctuation-free, single-spaced name."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare.casefold().replace("'", "").replace("’", "")).split())
