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
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from .sentences import is_headline, sentences

UNRELATED_BELOW = 0.35           # cosine of claim and text (headline) or best sentence (article)
CHUNK = 256                      # pairs judged at a time (and written) by PairJudge.stream
KEEP_TEXTS = 20_000              # texts whose sentence vectors a judge keeps


@dataclass
class Verdict:
    stance: str
    evidence: list[dict] = field(default_factory=list)   # [{similarity, filtered, probabilities?, ...}]

    def to_dict(self, pair_id: str, explain: bool) -> dict:
        d = {"id": pair_id, "stance": self.stance}
        if explain:
            d["evidence"] = self.evidence
        return d


def cannot_confirm(text: str, language: str = "en") -> str | None:
    """In a headline, "could not confirm", "unverified" and the like (the claims lexicon's
    ``uncertain_cues``): the words that make its stance uncertain whatever the model read (the model,
    trained mostly on bodies, takes "could not confirm that P" as a denial of P). None in an article,
    where one such sentence is no verdict on the whole."""
    if not is_headline(text):
        return None
    from .lexicon import load
    m = load(language).uncertain_cues.search(text)
    return m.group(0) if m else None


class PairJudge:
    def __init__(self, encode=None, cross=None, chunk: int = CHUNK, language: str = "en"):
        self._encode = encode
        self._cross = cross
        self.chunk = chunk
        self.language = language
        self._vectors: dict[str, np.ndarray] = {}      # sentence vectors of texts seen, by text

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._encode is None:
            from .embed import encode
            self._encode = encode
        return self._encode(texts)

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
            read = [self.cross.passage(claims[k], texts[k]) for k in near]
            probs = self.cross.probabilities([claims[k] for k in near], read, cut=False)
            from .stance_encoder import LABELS
            for k, p, passage in zip(near, probs, read):
                label = LABELS[int(p.argmax())]
                cue = cannot_confirm(texts[k], self.language) if label in ("supports", "refutes") else None
                out[k] = Verdict("uncertain" if cue else label, [{
                    "similarity": round(sims[k], 3), "filtered": False,
                    "probabilities": {lab: round(float(x), 3) for lab, x in zip(LABELS, p)}}])
                if cue:
                    out[k].evidence[0]["cue"] = cue
                if not is_headline(texts[k]):
                    out[k].evidence[0]["passage"] = passage
        return out  # type: ignore[return-value]
