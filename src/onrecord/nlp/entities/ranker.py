"""The learned antecedent ranker: which entity a pronoun or a description points to, or nobody.

The rules propose the candidates (``Resolver``: every entity mentioned in the salience window before the
mention; for a description, also anyone earlier in the article whose title agrees, and people named in
the next two sentences of the lede or, for a title ("the spokesman"), the next sentence elsewhere:
"..., the AEOI spokesman said. Behrouz Kamalvandi made the remarks ..."); each candidate is
described by features a ranker needs (the rules' salience and their own choice, distance, how often and
in which role it was mentioned, kind, number, gender from titles and first names, the pronoun's kinds
or the description's fit (any title, or the candidate's own, and whether the description is definite:
"the commander of the Iranian Navy" points back, "a senior commander" introduces someone), speaking
before, quotation, whether it is the subject of a clause that holds the mention) and scored by a
small network; candidates of a kind the pronoun cannot be ("he": a person) or that a description does
not fit are left out, as the rules leave them out; "nobody" has a score of its own, from features of
the mention alone, so a description that fits no one becomes a source of its own rather than the
nearest name.

What ships: ``nlp/models/resolver.json`` (format ``onrecord-resolver/1``: the feature names, the
network's weights) and ``nlp/models/first_names.json`` (first name -> share of women among its bearers,
from the ``nomquamgender`` package's name data, names seen at least 50 times); ``make train`` rebuilds
both (``python -m onrecord.training resolver``). Inference is numpy.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ...errors import PipelineError
from ..components.cues import cue_at
from .firstnames import NAMES, first_names  # noqa: F401  (the table lives there; read here for gender)

FORMAT = "onrecord-resolver/1"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
WEIGHTS = "resolver.json"
KINDS = ("person", "organization", "country", "group", "unnamed")
AHEAD_SENTS = 2            # people named this many sentences after a lede description are candidates
WINDOW = 4                 # sentences back, as the salience window

FEATURES = (
    "salience", "salience_rank", "rule_choice", "sentences_back", "chars_back", "mentions", "max_role",
    "subject_last", "spoke_before", "previous_speaker", "ahead",
    *(f"kind_{k}" for k in KINDS), "plural", "number_agrees", "number_clashes",
    "gender_known", "gender_agrees", "gender_clashes", "fit_title", "fit_any", "title_own", "definite_own",
    "in_quote", "anaphor_in_quote", "same_sentence", "speaker_mention", "governs",
)
NULL_FEATURES = ("pronoun", "description", "candidates", "best_salience", "in_lede", "any_fit", "speaker_mention",
                 "definite", "titled", "bias")


@dataclass(frozen=True)
class Anaphor:
    """A mention to resolve: a pronoun (with its lexicon entry) or a description (with what it says)."""

    start: int
    end: int
    kind: str                                  # pronoun | description
    info: dict | None = None                   # the pronoun's lexicon entry
    desc: object | None = None                 # describe.Description
    skip: tuple[int, int] | None = None        # the statement's own content: mentions there do not count
    speaker: bool = False                      # a statement's speaker mention (else any mention: GUM, GAP)
    names: tuple[int, ...] = ()                # entities that are candidates wherever mentioned (GAP's A, B)


def female_share(ent, names: dict[str, float]) -> float | None:
    """The chance that a person entity is a woman: from its gendered title or honorific when the text
    gives one, else from its first name (None when neither says)."""
    if ent.gender == "f":
        return 1.0
    if ent.gender == "m":
        return 0.0
    if ent.kind != "person" or len(ent.tokens) < 2:
        return None
    return names.get(ent.tokens[0].lower())


def _reported(tok) -> bool:
    """Whether a token is inside the clause a verb of saying reports ("said that ... Qom")."""
    return tok is not None and any(a.dep_ == "ccomp" and cue_at(a.head) is not None for a in tok.ancestors)


def _blank() -> dict:
    """A candidate's mention statistics before any mention is counted."""
    return {"score": 0.0, "last": -1, "n": 0, "role": 0.0, "spoke": False, "first_after": None,
            "subject_last": False}


def candidate_features(res, an: Anaphor, names: dict[str, float]):
    """(entity indices, features (n, len(FEATURES)), null features) for an anaphor in a Resolver."""
    from .describe import fit, person_source, title_agrees

    sal = res.sal
    here = sal.sent_of(an.start)
    window = WINDOW + (sal.sent_of(an.skip[1]) - sal.sent_of(an.skip[0]) if an.skip else 0)
    lo_pos = sal.sent_starts[max(0, here - window)]
    ahead_sent = here + AHEAD_SENTS + 1
    hi_pos = sal.sent_starts[ahead_sent] if ahead_sent < len(sal.sent_starts) else len(res.doc.text)
    stats: dict[int, dict] = {}
    far: dict[int, dict] = {}       # a description's candidates before the window: only if a title agrees
    desc = an.desc
    for p, idx, w in sal.events(0 if desc is not None else lo_pos, hi_pos):
        if (an.skip and an.skip[0] <= p < an.skip[1]) or an.start <= p < an.end:
            continue
        s = (stats if p >= lo_pos else far).setdefault(idx, _blank())
        if p < an.start:
            s["score"] += w * 0.5 ** (here - sal.sent_of(p))
            s["n"] += 1
            s["role"] = max(s["role"], min(w, 100) / 100)
            s["spoke"] = s["spoke"] or w >= 100
            if p > s["last"]:
                s["last"], s["subject_last"] = p, w >= 70
        elif s["first_after"] is None:
            s["first_after"] = p
    for idx, s in far.items():
        if idx not in stats and title_agrees(desc, res.reg.ents[idx], res.reg):
            stats[idx] = s          # "Interior Minister Ahmad Vahidi" in the lede, "the interior minister" later
    for idx in an.names:            # named candidates outside the window: their nearest mention counts
        if idx in stats:
            continue
        before = [p for p, i, _ in sal.events(0, an.start) if i == idx]
        after = [p for p, i, _ in sal.events(an.end, len(res.doc.text)) if i == idx]
        if before or after:
            stats[idx] = {**_blank(), "last": before[-1] if before else -1, "n": len(before),
                          "first_after": after[0] if after else None}
    pron = an.info or {}
    kinds = set(pron.get("kinds", KINDS))
    gender = pron.get("gender")
    rows, idxs = [], []
    ranked = sorted(stats, key=lambda i: -stats[i]["score"])
    prev_speaker = res.previous_speaker(an.start)
    rule = res.rule_choice(an)
    in_quote = res._quoted(an.start)
    targets = {"person": ("person", "unnamed"), "group": ("group", "unnamed")}
    anchor = res.token_at(an.start)
    above = {t.i for t in anchor.ancestors} if anchor is not None else set()
    definite = desc is not None and desc.definite     # "the commander ..." points back; "a senior commander" is new
    for idx in ranked:
        e, s = res.reg.ents[idx], stats[idx]
        if s["last"] < 0 and idx not in an.names:   # named only after the mention: cataphora
            if an.kind != "description" or e.kind != "person":
                continue
            if here >= 2 and (desc.key is None or sal.sent_of(s["first_after"]) > here + 1):
                continue                            # past the lede, a title's description, the next sentence
            if _reported(res.token_at(s["first_after"])):
                continue                            # named later in what someone says ("He said that ...
                #                                     towns such as Mashhad and Qom"): not who is described

        if an.kind == "pronoun" and e.kind not in kinds:
            continue                                # "he" is never a country, "it" never a person
        if an.kind == "pronoun" and gender in ("m", "f") and e.kind == "unnamed" and not person_source(e, res.lex):
            continue                                # nor "A Swedish court", "important documents"
        if desc is not None and (e.kind not in targets.get(desc.target, (desc.target,)) or not fit(desc, e, res.reg)):
            continue                                # "the interior minister" is no news agency
        f = dict.fromkeys(FEATURES, 0.0)
        f["salience"] = math.log1p(s["score"]) / 6
        f["salience_rank"] = min(ranked.index(idx), 5) / 5
        f["rule_choice"] = float(rule is not None and rule == idx)
        last = s["last"] if s["last"] >= 0 else s["first_after"]
        f["sentences_back"] = min(abs(here - sal.sent_of(last)), 8) / 8
        f["chars_back"] = math.log1p(abs(an.start - last)) / 8
        f["mentions"] = math.log1p(s["n"]) / 3
        f["max_role"] = s["role"]
        f["subject_last"] = float(s["subject_last"])
        f["spoke_before"] = float(s["spoke"])
        f["previous_speaker"] = float(prev_speaker == idx)
        f["ahead"] = float(s["last"] < 0)
        f[f"kind_{e.kind}"] = 1.0
        f["plural"] = float(e.plural)
        plural_mention = (pron.get("number") == "pl") if an.kind == "pronoun" else bool(desc and desc.plural)
        many = e.plural or e.kind == "group"
        f["number_agrees"] = float(many == plural_mention)
        f["number_clashes"] = float(many != plural_mention and e.kind in ("person", "unnamed"))
        share = female_share(e, names)
        if share is not None and gender in ("f", "m"):
            f["gender_known"] = 1.0
            agree = share if gender == "f" else 1.0 - share
            f["gender_agrees"] = agree
            f["gender_clashes"] = 1.0 - agree
        if desc is not None:
            fitting = fit(desc, e, res.reg)
            f["fit_title"] = float(fitting == 2)
            f["fit_any"] = float(fitting > 0)
            f["title_own"] = float(fitting == 2 and title_agrees(desc, e, res.reg))
            f["definite_own"] = f["title_own"] * float(definite)
        f["in_quote"] = float(res._quoted(last))
        f["anaphor_in_quote"] = float(in_quote)
        f["same_sentence"] = float(sal.sent_of(last) == here)
        f["speaker_mention"] = float(an.speaker)
        tok = res.token_at(last)        # "Eslami also spoke at the event in which he emphasized ..."
        f["governs"] = float(tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i in above)
        rows.append([f[k] for k in FEATURES])
        idxs.append(idx)
    null = dict.fromkeys(NULL_FEATURES, 0.0)
    null["pronoun" if an.kind == "pronoun" else "description"] = 1.0
    null["candidates"] = min(len(idxs), 10) / 10
    null["best_salience"] = max((r[0] for r in rows), default=0.0)
    null["in_lede"] = float(here < 2)
    null["any_fit"] = float(any(r[FEATURES.index("fit_any")] for r in rows))
    null["speaker_mention"] = float(an.speaker)
    if desc is not None:
        null["definite"] = float(definite)
        null["titled"] = float(bool(desc.titles))
    null["bias"] = 1.0
    x = np.asarray(rows, dtype=np.float32).reshape(len(rows), len(FEATURES))
    return idxs, x, np.asarray([null[k] for k in NULL_FEATURES], dtype=np.float32)


class Ranker:
    """The trained scorer: a one-hidden-layer network per candidate, a linear score for nobody."""

    pairs = None            # pairs.PairScorer: the encoder's pronoun-candidate scores, added to the ranker's
    pair_weight = 0.0

    def __init__(self, meta: dict):
        self.meta = meta
        w = meta["weights"]
        self.w1 = np.asarray(w["w1"], dtype=np.float32)
        self.b1 = np.asarray(w["b1"], dtype=np.float32)
        self.w2 = np.asarray(w["w2"], dtype=np.float32)
        self.b2 = float(w["b2"])
        self.v = np.asarray(w["v"], dtype=np.float32)
        if self.w1.shape[0] != len(FEATURES) or self.v.shape[0] != len(NULL_FEATURES):
            raise ValueError("feature sizes differ from this onrecord's")

    def scores(self, x: np.ndarray, null: np.ndarray) -> tuple[np.ndarray, float]:
        h = np.tanh(x @ self.w1 + self.b1) if len(x) else np.zeros((0, len(self.b1)), dtype=np.float32)
        return h @ self.w2 + self.b2, float(null @ self.v)

    def with_pairs(self, scorer, weight: float) -> Ranker:
        """A copy that adds ``weight`` x the pair model's score to each pronoun candidate's."""
        import copy

        out = copy.copy(self)
        out.pairs, out.pair_weight = scorer, weight
        return out

    def choose(self, idxs: list[int], x: np.ndarray, null: np.ndarray, extra=None) -> int | None:
        """The best candidate's entity index, or None when nobody scores above "nobody". ``extra``: a
        score per candidate added to the network's (the pair model's, weighted)."""
        if not idxs:
            return None
        s, nobody = self.scores(x, null)
        if extra is not None:
            s = s + np.asarray(extra, dtype=np.float32)
        best = int(np.argmax(s))
        return idxs[best] if s[best] > nobody else None


def read(directory: str | Path | None = None) -> dict:
    path = Path(directory or MODEL_DIR) / WEIGHTS
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PipelineError(f"cannot read the resolver model {path} ({exc}); run `make train`",
                            code="E300", source=str(path)) from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise PipelineError(f"{path} is not a {FORMAT} model; run `make train`", code="E300", source=str(path))
    return meta


@lru_cache(maxsize=2)
def load(directory: str | None = None) -> Ranker:
    meta = read(directory)
    try:
        return Ranker(meta)
    except (KeyError, TypeError, ValueError) as exc:
        path = Path(directory or MODEL_DIR) / WEIGHTS
        raise PipelineError(f"{path}: {exc}; run `make train`", code="E300", source=str(path)) from exc
