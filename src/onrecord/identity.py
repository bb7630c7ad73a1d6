"""Cross-article speaker identity: a key per speaker, and whether two speakers are the same one.

A ground-floor module (the store uses it, and the store has no NLP): it reads only the speaker
lexicon and the name helpers of ``onrecord.lexicons``.

Full names are compared after folding case and diacritics and dropping honorifics ("Mr.", "Dr.",
"Ayatollah"), each word up to its transliteration variants ("Dmytro" / "Dmitry",
``spelling_variants``). A bare surname never merges on the surname alone: it needs a title or an
affiliation that agrees with the full-named side and none that disagrees. Unnamed sources never merge.
"""
from __future__ import annotations

import re
from typing import Any

from rapidfuzz.distance import Levenshtein

from .lexicons.names import fold, name_tokens
from .lexicons.speakers import load

_VOWELS = re.compile(r"[aeiouy]+")


def skeleton(word: str) -> str:
    """The consonants after the first letter, doubled ones once: 'dmytro' and 'dmitry' -> 'dmtr'."""
    rest = _VOWELS.sub("", word[1:])
    return word[0] + re.sub(r"(.)\1+", r"\1", rest)


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one name word (folded): transliterations that keep the first letter and the
    consonants and differ by at most two edits ('dmytro' / 'dmitry', 'saeed' / 'saeid', 'zelensky' /
    'zelenskyy', 'ardekani' / 'ardakani'); not 'mohammad' / 'mahmoud' (four edits) or 'hassan' /
    'hossein' (three). Words under four letters must be equal."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0] or skeleton(a) != skeleton(b):
        return False
    return Levenshtein.distance(a, b) <= 2


def _tokens(name: str) -> tuple[str, ...]:
    lex = load("en")
    skip = {h.rstrip(".") for h in lex.honorifics}
    titles = {w for t in lex.titles for w in t.split()} | set(lex.modifiers)
    toks = [t for t in name_tokens(name) if t not in skip]
    while len(toks) > 1 and toks[0] in titles:    # "President Ebrahim Raisi" -> ebrahim raisi
        toks.pop(0)
    if toks and toks[0] == "the":
        toks.pop(0)
    return tuple(toks)


def _titles(titles) -> set[str]:
    lex = load("en")
    return {lex.canon(t) for t in titles or ()}


def _countries(affiliations) -> set[str]:
    lex = load("en")
    out = set()
    for a in affiliations or ():
        out.update(fold(c) for c in lex.countries(a))
    return out


def _orgs(affiliations) -> set[str]:
    lex = load("en")
    return {fold(a) for a in affiliations or () if not lex.countries(a) or len(a.split()) > 1}


def identity_key(name: str, kind: str, titles=(), affiliations=()) -> str:
    """A stable key: 'person:nasser kanaani'; a bare surname keeps its title and country,
    'person:kanaani|spokesman|iran'; countries through the lexicon, 'country:united states'."""
    lex = load("en")
    if kind == "country" or kind == "group":
        target = lex.nationalities.get(name.strip().lower()) or lex.nationalities.get(
            " ".join(_tokens(name)))
        base = fold(target[0]) if target else " ".join(_tokens(name))
        return f"{kind}:{base}"
    toks = _tokens(name)
    key = f"{kind}:{' '.join(toks)}"
    if kind == "person" and len(toks) == 1:
        extra = sorted(_titles(titles))[:1] + sorted(_countries(affiliations))[:1]
        key += "|" + "|".join(extra) if extra else ""
    return key


def _get(x: Any, field: str, default=()):
    return x.get(field, default) if isinstance(x, dict) else getattr(x, field, default)


def same_speaker(a: Any, b: Any) -> bool:
    """Are two speakers (Entity objects or dicts with name, kind, titles, affiliations) one?"""
    ka, kb = _get(a, "kind", ""), _get(b, "kind", "")
    if ka != kb or ka == "unnamed":
        return False
    if ka != "person":
        return identity_key(_get(a, "name", ""), ka) == identity_key(_get(b, "name", ""), kb)
    ta, tb = _tokens(_get(a, "name", "")), _tokens(_get(b, "name", ""))
    if not ta or not tb:
        return False
    if len(ta) == len(tb) > 1 and all(map(spelling_variants, ta, tb)):
        return True                        # "Dmytro Kuleba" / "Dmitry Kuleba"
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    s_ent, l_ent = (a, b) if short is ta else (b, a)
    if len(short) > 1:
        # "Amir Abdollahian" / "Hossein Amir Abdollahian": the shorter is the longer's tail
        # (a multi-word surname), or first and last agree ("Jake Sullivan" / "Jake J. Sullivan")
        tail = long_[-len(short):]
        return all(map(spelling_variants, tail, short)) or (
            spelling_variants(short[0], long_[0]) and spelling_variants(short[-1], long_[-1]))
    if not spelling_variants(short[-1], long_[-1]):
        return False
    # a bare surname: a title or affiliation must agree, and none may disagree
    t1, t2 = _titles(_get(s_ent, "titles")), _titles(_get(l_ent, "titles"))
    c1, c2 = _countries(_get(s_ent, "affiliations")), _countries(_get(l_ent, "affiliations"))
    if c1 and c2 and not c1 & c2:
        return False
    if t1 and t2 and not t1 & t2:
        return False
    orgs = _orgs(_get(s_ent, "affiliations")) & _orgs(_get(l_ent, "affiliations"))
    return bool(t1 & t2 or orgs)           # a shared country alone is not enough (two Larijanis)
