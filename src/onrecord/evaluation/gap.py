"""Pronoun resolution on GAP (Webster et al. 2018): does the pronoun refer to name A, to name B, or to
neither?

Each snippet is parsed; the resolver (``nlp.entities.resolve.Resolver``) is built on it as for an
article and asked for the pronoun's antecedent (``by_pronoun``). As GAP's task gives them, A and B are
candidates wherever they stand (after the pronoun, or further back than the window) and people even
where the NER missed them; the other entities of the snippet stay candidates. A (or B) is predicted
coreferent when the chosen entity is mentioned at A's (B's) offset. Figures as GAP's scorer gives them: precision,
recall and F1 of the coreferent decisions over both names, overall and for masculine and feminine
pronouns, and the bias (feminine F1 / masculine F1).

    onrecord eval gap ../shared/eval/gap/gap-validation.tsv
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvaluationError

FEMININE = frozenset({"she", "her", "hers", "herself"})
MASCULINE = frozenset({"he", "him", "his", "himself"})


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    pronoun: tuple[int, int]
    a: tuple[int, int]
    b: tuple[int, int]
    a_coref: bool
    b_coref: bool

    @property
    def gender(self) -> str:
        return "F" if self.text[self.pronoun[0]:self.pronoun[1]].lower() in FEMININE else "M"


def _span(row: dict, name: str) -> tuple[int, int]:
    start = int(row[f"{name}-offset"])
    return start, start + len(row[name])


def _hits(mentions, name: tuple[int, int]) -> bool:
    return any(a < name[1] and name[0] < b for a, b in mentions)


def read(path: str | Path) -> list[Example]:
    """GAP's TSV (ID, Text, Pronoun, Pronoun-offset, A, A-offset, A-coref, B, B-offset, B-coref, URL)."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise EvaluationError(f"cannot read the GAP file ({exc.strerror})", code="E400", source=str(path)) from exc
    out = []
    for n, r in enumerate(rows, 2):
        try:
            out.append(Example(r["ID"], r["Text"], _span(r, "Pronoun"), _span(r, "A"),
                               _span(r, "B"), r["A-coref"].upper() == "TRUE",
                               r["B-coref"].upper() == "TRUE"))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"line {n}: not a GAP row ({exc})", code="E400", source=str(path)) from exc
    return out


def predict(nlp, examples: list[Example]) -> dict[str, tuple[bool, bool]]:
    """(A coreferent, B coreferent) per example id, from the resolver's ``by_pronoun``, with the ranker
    the pipeline's speakers component uses (None: the rules)."""
    from ..lexicons import speakers as speaker_lexicon
    from ..nlp.entities.resolve import Resolver

    lex = speaker_lexicon.load("en")
    ranker = nlp.get_pipe("onrecord_speakers").ranker if "onrecord_speakers" in nlp.pipe_names else None
    ours = [n for n in nlp.pipe_names if n.startswith("onrecord_")]
    out = {}
    with nlp.select_pipes(disable=ours):
        for ex, doc in zip(examples, nlp.pipe(e.text for e in examples)):
            span = doc.char_span(*ex.pronoun, alignment_mode="expand")
            ent = None
            if span is not None and lex.pronoun(span.text) is not None:
                res = Resolver(doc, lex, ranker)
                names = tuple(res.person_at(*n).idx for n in (ex.a, ex.b))
                ent = res.by_pronoun(span, span.start_char, speaker=False, names=names)
            mentions = ent.mentions if ent is not None else []
            out[ex.id] = (_hits(mentions, ex.a), _hits(mentions, ex.b))
    return out


def score(examples: list[Example], predicted: dict[str, tuple[bool, bool]]) -> dict:
    """GAP's figures: overall, masculine, feminine (P, R, F1 of coreferent decisions) and bias F/M."""
    def prf(sel: list[Example]) -> dict:
        tp = fp = fn = 0
        for ex in sel:
            got = predicted.get(ex.id, (False, False))
            for gold, pred in zip((ex.a_coref, ex.b_coref), got):
                tp += gold and pred
                fp += pred and not gold
                fn += gold and not pred
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"n": len(sel), "precision": round(p, 3), "recall": round(r, 3),
                "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}

    out = {"overall": prf(examples), "masculine": prf([e for e in examples if e.gender == "M"]),
           "feminine": prf([e for e in examples if e.gender == "F"])}
    m = out["masculine"]["f1"]
    out["bias"] = round(out["feminine"]["f1"] / m, 3) if m else None
    return out
