"""The stance of a whole text toward a claim: ``onrecord stance`` (lines of ``{id, claim, text}``).

Two steps, for headlines and whole articles alike:

1. **A cosine filter**: the claim's sentence vector against the text's (a headline) or its closest
   sentence's (an article). Below ``UNRELATED_BELOW`` the pair is ``unrelated`` and goes no further:
   most pairs of a corpus are, and the vectors cost a fraction of a cross-encoder pass.
2. **The stance cross-encoder** (``stance_encoder``) reads the claim with the text (an article cut to its
   passage nearest the claim) and says supports / refutes / uncertain / unrelated; a headline that
   says it "could not confirm" (the lexicon's uncertain cues) is uncertain whatever the model says.

Each distinct text and claim is encoded once, and verdicts come out in input order, chunk by chunk
(``PairJudge.stream``), so a caller can write them as they come.

``PairJudge.article`` is the older judgement of an analysed article (its statements' propositions near
the claim take rule stances, its own sentences the logistic model's): kept for comparison in
``evaluation.claims fnc --system statements``.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..models import Record
from . import propositions
from .linking import LinkConfig, views
from .sentences import is_headline, sentences
from .stance import cues, rule_stance

UNRELATED_BELOW = 0.35           # cosine of claim and text (headline) or best sentence (article)
CHUNK = 256                      # pairs judged at a time (and written) by PairJudge.stream
KEEP_TEXTS = 20_000              # texts whose sentence vectors a judge keeps


@dataclass
class Verdict:
    stance: str
    evidence: list[dict] = field(default_factory=list)   # [{sentence|statement, stance, similarity}]

    def to_dict(self, pair_id: str, explain: bool) -> dict:
        d = {"id": pair_id, "stance": self.stance}
        if explain:
            d["evidence"] = self.evidence
        return d


def article_texts(pairs: Sequence[dict]) -> list[str]:
    """The texts among ``{id, claim, text}`` pairs that are articles, each once: the ones to analyse
    for :meth:`PairJudge.article` (a text shared by many pairs, as FNC-1's bodies are, is analysed once)."""
    return list(dict.fromkeys(p["text"] for p in pairs if not is_headline(p["text"])))


class PairJudge:
    def __init__(self, encode=None, model=None, config: LinkConfig = LinkConfig(), cross=None,
                 chunk: int = CHUNK, language: str = "en"):
        self._encode = encode
        self._model = model
        self._cross = cross
        self.config = config
        self.chunk = chunk
        self.language = language
        self._vectors: dict[str, np.ndarray] = {}      # sentence vectors of texts seen, by text

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._encode is None:
            from .embed import encode
            self._encode = encode
        return self._encode(texts)

    @property
    def model(self):
        """The logistic stance model (``stance_model``), for :meth:`article`."""
        if self._model is None:
            from .stance_model import model
            self._model = model()
        return self._model

    @property
    def cross(self):
        """The stance cross-encoder (``stance_encoder``)."""
        if self._cross is None:
            from .stance_encoder import model
            self._cross = model()
        return self._cross

    def closeness(self, claims: Sequence[str], texts: Sequence[str]) -> list[float]:
        """Cosine of each claim with its text (a headline) or the text's closest sentence (an article).
        Each distinct claim is encoded once a call; each text's sentence vectors are kept for the
        judge's life (up to ``KEEP_TEXTS`` texts), as one body often serves many claims."""
        claim_ids = {c: k for k, c in enumerate(dict.fromkeys(claims))}
        cv = self.encode(list(claim_ids))
        new = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        parts: dict[str, list[str]] = {}
        for t in new:
            spans = [t[a:b].strip() for a, b in sentences(t)] if not is_headline(t) else []
            parts[t] = [x for x in spans if x] or [t.strip() or t]
        flat = list(dict.fromkeys(x for xs in parts.values() for x in xs))
        if flat:
            row = {x: k for k, x in enumerate(flat)}
            sv = self.encode(flat)
            if len(self._vectors) + len(new) > KEEP_TEXTS:
                self._vectors.clear()
            for t in new:
                self._vectors[t] = sv[[row[x] for x in parts[t]]]
        return [float((self._vectors[t] @ cv[claim_ids[c]]).max()) for c, t in zip(claims, texts)]

    def stream(self, pairs: Sequence[dict]) -> Iterator[Verdict]:
        """Verdicts for ``{claim, text}`` pairs, in order, ``chunk`` pairs at a time."""
        for k in range(0, len(pairs), self.chunk):
            yield from self._chunk(pairs[k:k + self.chunk])

    def judge(self, pairs: Sequence[dict]) -> list[Verdict]:
        return list(self.stream(pairs))

    def headlines(self, claims: Sequence[str], texts: Sequence[str]) -> list[Verdict]:
        return self.judge([{"claim": c, "text": t} for c, t in zip(claims, texts)])

    def _chunk(self, pairs: Sequence[dict]) -> list[Verdict]:
        claims, texts = [p["claim"] for p in pairs], [p["text"] for p in pairs]
        sims = self.closeness(claims, texts)
        out: list[Verdict | None] = [None] * len(pairs)
        near = []
        for k, sim in enumerate(sims):
            if sim < UNRELATED_BELOW:
                out[k] = Verdict("unrelated", [{"similarity": round(sim, 3), "filtered": True}])
            else:
                near.append(k)
        if near:
            probs = self.cross.probabilities([claims[k] for k in near], [texts[k] for k in near])
            from .stance_encoder import LABELS
            for k, p in zip(near, probs):
                label = LABELS[int(p.argmax())]
                cue = self._cannot_confirm(texts[k]) if label in ("supports", "refutes") else None
                out[k] = Verdict("uncertain" if cue else label, [{
                    "similarity": round(sims[k], 3), "filtered": False,
                    "probabilities": {lab: round(float(x), 3) for lab, x in zip(LABELS, p)}}])
                if cue:
                    out[k].evidence[0]["cue"] = cue
                if not is_headline(texts[k]):
                    out[k].evidence[0]["passage"] = self.cross.passage(claims[k], texts[k])
        return out  # type: ignore[return-value]

    def _cannot_confirm(self, text: str) -> str | None:
        """In a headline, "could not confirm", "unverified" and the like (the claims lexicon's
        ``uncertain_cues``) make the stance uncertain whatever the model read: the model, trained
        mostly on bodies, takes "could not confirm that P" as a denial of P. Not in an article, where
        one such sentence is no verdict on the whole."""
        if not is_headline(text):
            return None
        from .lexicon import load
        m = load(self.language).uncertain_cues.search(text)
        return m.group(0) if m else None

    def article(self, claim: str, record: Record) -> Verdict:
        """The older stance of an analysed article (its ``record``) toward ``claim``: statements' rule
        stances and the logistic model on its own sentences, votes weighted by similarity."""
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
