"""What counts as a speech verb when scoring cues.

The speech-verb lemmas come from the pipeline's cue lexicon in ``nlp/lexicons/en/`` when it has one
(a file named ``cue*``/``speech*``: JSON whose ``verbs`` maps lemma -> properties, or one entry a
line, first field, ``#`` comments), else from the
short list below. A cue is a speech cue when one of its words, reduced by a few English inflection
rules, is such a lemma. No parser is needed, so gold cues are classified the same way on every run.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[1] / "nlp" / "lexicons" / "en"

FALLBACK = frozenset("""
say tell state add claim assert argue announce explain note report write insist declare deny
confirm acknowledge admit warn suggest predict promise vow pledge accuse charge allege ask question
reply respond answer comment remark observe stress emphasize emphasise repeat reiterate mention
describe call urge demand propose recommend concede contend maintain testify tweet post quote
complain criticize criticise praise agree disagree dispute reject counter recall reveal disclose
inform speak talk announce boast joke lament predict estimate conclude indicate point
""".split())

IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
             "spoke": "speak", "spoken": "speak", "thought": "think", "knew": "know", "known": "know",
             "felt": "feel", "saw": "see", "seen": "see", "meant": "mean", "heard": "hear",
             "taught": "teach", "sought": "seek", "held": "hold", "made": "make", "put": "put",
             "argued": "argue", "replies": "reply", "replied": "reply", "denies": "deny",
             "denied": "deny", "testified": "testify", "implied": "imply", "was": "be"}


def _first_field(line: str) -> str:
    return re.split(r"[\t,;|]", line.split("#", 1)[0].strip(), maxsplit=1)[0].strip().lower()


def _read(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("verbs"), dict):
            data = data["verbs"]
        items = data.keys() if isinstance(data, dict) else data
        return {x.lower() for x in items if isinstance(x, str) and x != "about"}
    return {w for w in (_first_field(line) for line in text.splitlines()) if w and " " not in w}


@lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    """Speech-verb lemmas: the pipeline's cue lexicon if present, else FALLBACK."""
    found: set[str] = set()
    if LEXICON_DIR.is_dir():
        for path in sorted(LEXICON_DIR.iterdir()):
            if path.is_file() and path.name.lower().startswith(("cue", "speech")):
                try:
                    found |= _read(path)
                except (OSError, ValueError):
                    continue
    return frozenset(found) if len(found) >= 10 else FALLBACK


def lemma_candidates(word: str) -> set[str]:
    """Possible lemmas of an English verb form: ``claimed`` -> {claimed, claim, claime, ...}."""
    w = word.lower()
    out = {w}
    if w in IRREGULAR:
        out.add(IRREGULAR[w])
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            out.add(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:          # "admitted" -> "admitt" -> "admit"
                out.add(stem[:-1])
    return out


def is_speech_cue(cue_text: str) -> bool:
    """Does the cue hold a speech verb ("said", "has told", "according to" does not)?"""
    lemmas = speech_lemmas()
    return any(lemma_candidates(w) & lemmas for w in re.findall(r"[A-Za-z]+", cue_text))
