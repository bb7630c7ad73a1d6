"""The learned stance model: (claim, text) -> supports / refutes / uncertain, for headlines and sentences.

Multinomial logistic regression over three blocks of features (``features``):

* binary word 1-2-grams of the text (vocabulary frozen with the weights),
* lexical cues from the claims lexicon: refuting words, hedges, "could not confirm", negators, a
  question mark, demands for evidence, the claim's own negation, word overlap and cosine with the claim,
* MiniLM embeddings: the text's vector and its element-wise product with the claim's.

Weights ship in ``claims/models/stance.json``; ``python -m onrecord.training stance`` (``make train``)
reproduces them from Emergent train (``training/stance.py``). No sklearn at prediction time.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import lexicon
from .stance import content_words

MODEL_PATH = Path(__file__).resolve().parent / "models" / "stance.json"
FEATURES_VERSION = 1
LABELS = ("supports", "refutes", "uncertain")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def ngrams(text: str) -> list[str]:
    """Lower-cased word 1- and 2-grams (sklearn CountVectorizer's default tokens)."""
    toks = _TOKEN.findall(text.lower())
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


def lexical(claim: str, text: str, cosine: float, language: str = "en") -> list[float]:
    lex = lexicon.load(language)
    cw, tw = content_words(claim), content_words(text)
    return [float(bool(lex.refuting.search(text))), float(bool(lex.hedges.search(text))),
            float(bool(lex.uncertain_cues.search(text))), float(bool(lex.negators.search(text))),
            float("?" in text), float(bool(lex.evidence_demands.search(text))), float(cosine),
            len(cw & tw) / max(len(cw), 1), float(bool(lex.negators.search(claim)))]


def dense(claim_vec: np.ndarray, text_vec: np.ndarray, claim: str, text: str) -> np.ndarray:
    """The lexical and embedding blocks of one pair."""
    cos = float(claim_vec @ text_vec)
    return np.concatenate([np.array(lexical(claim, text, cos), dtype=np.float32), text_vec,
                           claim_vec * text_vec]).astype(np.float32)


@dataclass
class StanceModel:
    vocab: dict[str, int]
    coef: np.ndarray               # (n_labels, n_vocab + n_dense)
    intercept: np.ndarray
    labels: tuple[str, ...]
    meta: dict

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "StanceModel":
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        if d.get("features_version") != FEATURES_VERSION:
            from ..errors import ClaimsError
            raise ClaimsError(f"{path}: stance weights are for features v{d.get('features_version')}, "
                              f"this code makes v{FEATURES_VERSION}; run `make train`", code="E602")
        return cls(vocab={w: i for i, w in enumerate(d["vocab"])}, coef=np.array(d["coef"], np.float32),
                   intercept=np.array(d["intercept"], np.float32), labels=tuple(d["labels"]), meta=d["meta"])

    def proba(self, claims: list[str], texts: list[str], claim_vecs: np.ndarray, text_vecs: np.ndarray
              ) -> np.ndarray:
        nv = len(self.vocab)
        out = np.zeros((len(texts), len(self.labels)), np.float32)
        for k, (c, t) in enumerate(zip(claims, texts)):
            idx = sorted({self.vocab[g] for g in ngrams(t) if g in self.vocab})
            z = self.intercept + self.coef[:, idx].sum(axis=1) + self.coef[:, nv:] @ dense(
                claim_vecs[k], text_vecs[k], c, t)
            z = np.exp(z - z.max())
            out[k] = z / z.sum()
        return out

    def predict(self, claims: list[str], texts: list[str], claim_vecs: np.ndarray, text_vecs: np.ndarray
                ) -> list[str]:
        p = self.proba(claims, texts, claim_vecs, text_vecs)
        return [self.labels[i] for i in p.argmax(axis=1)]


@lru_cache(maxsize=1)
def model() -> StanceModel:
    return StanceModel.load()
