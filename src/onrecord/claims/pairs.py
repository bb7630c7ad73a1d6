"""The stance of a whole text toward a claim: ``onrecord stance`` (lines of ``{id, claim, text}``).

A headline (one sentence) goes to the learned model (``stance_model``). An article comes with its record
(the caller analyses it, statements only: ``article_texts`` names the texts that need it): its
statements' propositions that are close to the claim (the thresholds of in-article
linking) each take a stance by the rules (``stance.rule_stance``); sentences outside any statement
that are close to the claim are the article's own assertions, and the model judges them. Votes are
weighted by similarity. A text nothing of which comes close to the claim is ``unrelated``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..models import Record
from . import propositions
from .linking import LinkConfig, views
from .stance import cues, rule_stance

UNRELATED_BELOW = 0.35           # cosine of claim and text (headline) or best sentence (article)
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


@dataclass
class Verdict:
    stance: str
    evidence: list[dict] = field(default_factory=list)   # [{sentence|statement, stance, similarity}]

    def to_dict(self, pair_id: str, explain: bool) -> dict:
        d = {"id": pair_id, "stance": self.stance}
        if explain:
            d["evidence"] = self.evidence
        return d


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE.finditer(text):
        out.append((start, m.start() + 1))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def is_headline(text: str) -> bool:
    return len(sentences(text.strip())) <= 1 and len(text) < 400


def article_texts(pairs: Sequence[dict]) -> list[str]:
    """The texts among ``{id, claim, text}`` pairs that are articles, each once: the ones to analyse
    for :meth:`PairJudge.judge` (a text shared by many pairs, as FNC-1's bodies are, is analysed once)."""
    return list(dict.fromkeys(p["text"] for p in pairs if not is_headline(p["text"])))


class PairJudge:
    def __init__(self, encode=None, model=None, config: LinkConfig = LinkConfig()):
        self._encode = encode
        self._model = model
        self.config = config

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._encode is None:
            from .embed import encode
            self._encode = encode
        return self._encode(texts)

    @property
    def model(self):
        if self._model is None:
            from .stance_model import model
            self._model = model()
        return self._model

    def headlines(self, claims: Sequence[str], texts: Sequence[str]) -> list[Verdict]:
        cv, tv = self.encode(list(claims)), self.encode(list(texts))
        labels = self.model.predict(list(claims), list(texts), cv, tv)
        out = []
        for k, lab in enumerate(labels):
            sim = float(cv[k] @ tv[k])
            stance = "unrelated" if sim < UNRELATED_BELOW else lab
            out.append(Verdict(stance, [{"sentence": texts[k], "stance": lab, "similarity": round(sim, 3)}]))
        return out

    def article(self, claim: str, record: Record) -> Verdict:
        """The stance of an analysed article (its ``record``) toward ``claim``."""
        text = record.article.text
        cvec = self.encode([claim])[0]
        votes: dict[str, float] = {}
        evidence: list[dict] = []
        covered: list[tuple[int, int]] = []
        best = 0.0
        for s in record.statements:
            covered.append(s.content_span)
            p = propositions.of_statement(s)
            if p is None:
                continue
            sim = float((self.encode(views(p)) @ cvec).max())
            best = max(best, sim)
            if sim >= self.config.join or (sim >= self.config.cue_join and cues(p.text, claim).any):
                lab = rule_stance(s, p, claim)
                votes[lab] = votes.get(lab, 0.0) + sim
                evidence.append({"statement": s.id, "speaker": s.speaker_text, "text": s.content,
                                 "stance": lab, "similarity": round(sim, 3)})
        own = [(a, b) for a, b in sentences(text)
               if not any(a < e and s_ < b for s_, e in covered)]
        if own:
            stexts = [text[a:b].strip() for a, b in own]
            sv = self.encode(stexts)
            sims = sv @ cvec
            best = max(best, float(sims.max()))
            close = [k for k in np.argsort(-sims)[:5] if sims[k] >= self.config.join]
            if close:
                labs = self.model.predict([claim] * len(close), [stexts[k] for k in close],
                                          np.repeat(cvec[None, :], len(close), 0), sv[close])
                for k, lab in zip(close, labs):
                    votes[lab] = votes.get(lab, 0.0) + float(sims[k])
                    evidence.append({"sentence": stexts[k], "stance": lab,
                                     "similarity": round(float(sims[k]), 3)})
        if not votes:
            if best < UNRELATED_BELOW:
                return Verdict("unrelated", evidence)
            return Verdict("uncertain", evidence)
        return Verdict(max(votes, key=lambda k: (votes[k], k == "supports")), evidence)

    def judge(self, pairs: Sequence[dict], records: Mapping[str, Record]) -> list[Verdict]:
        """Verdicts for ``{id, claim, text}`` pairs, in order (headlines batched); ``records``: the
        record of each of ``article_texts(pairs)``, by its text."""
        out: list[Verdict | None] = [None] * len(pairs)
        heads = [k for k, p in enumerate(pairs) if is_headline(p["text"])]
        for k, v in zip(heads, self.headlines([pairs[k]["claim"] for k in heads],
                                              [pairs[k]["text"] for k in heads]) if heads else []):
            out[k] = v
        for k, p in enumerate(pairs):
            if out[k] is None:
                out[k] = self.article(p["claim"], records[p["text"]])
        return out  # type: ignore[return-value]
