"""A learned attribution tagger: finds Source / Cue / Content spans that rules miss.

Three linear-chain CRFs (python-crfsuite), one per role, tag every token of a parsed article B / I / O
from features of the spaCy parse (see ``token_features``). Tagged spans are grouped into attributions:
each content span takes the cue that governs it in the parse, else the nearest cue within reach;
each cue takes the source that depends on it, else the nearest source in its sentence.

Weights ship in ``nlp/models/`` (``attribution.json`` holds the metadata and the frozen cue list the
features were trained with); ``make train`` (``python -m onrecord.training``) rebuilds them from
PolNeAR train. Usage::

    from onrecord.nlp import attribution_model
    model = attribution_model.load()            # cached
    for att in model.predict(doc):              # doc: parsed by the pipeline's spaCy model
        att.content, att.cue, att.source, att.score   # char offsets into doc.text
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import PipelineError

log = logging.getLogger(__name__)

ROLES = ("cue", "source", "content")
FEATURES_VERSION = "attr-features/1"
MODEL_DIR = Path(__file__).resolve().parent / "models"
META_NAME = "attribution.json"

QUOTE_CHARS = frozenset("\"“”„‟«»")
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl", "parataxis", "pobj", "attr", "oprd"})
MAX_CUE_GAP = 250          # chars between a content span and a cue that is not its governor
SPAN = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One attribution found by the model; offsets into ``doc.text``, end exclusive."""

    content: SPAN
    cue: SPAN | None = None
    source: SPAN | None = None
    score: float = 0.0


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else ">20"


def _quote_state(doc) -> list[bool]:
    """Is each token inside a quotation? Quote marks toggle; a paragraph break closes."""
    inside, out = False, []
    for tok in doc:
        if "\n" in tok.text or (tok.i and "\n" in doc[tok.i - 1].whitespace_):
            inside = False if tok.text not in QUOTE_CHARS else inside
        if tok.text in QUOTE_CHARS:
            opening = tok.text in "“„«" or (tok.text == '"' and not inside)
            out.append(True)
            inside = opening
        else:
            out.append(inside)
    return out


def _quote_distance(doc) -> list[int]:
    marks = [t.i for t in doc if t.text in QUOTE_CHARS]
    out, k = [], 0
    for tok in doc:
        while k + 1 < len(marks) and abs(marks[k + 1] - tok.i) <= abs(marks[k] - tok.i):
            k += 1
        out.append(abs(marks[k] - tok.i) if marks else 99)
    return out


def _cue_path(tok, cues: frozenset[str]) -> tuple[str, int] | None:
    """(dep of the child under the nearest cue-verb ancestor, depth) or None."""
    child, depth = tok, 0
    while child.head is not child and depth < 12:
        head = child.head
        depth += 1
        if head.lemma_.lower() in cues and head.pos_ in ("VERB", "AUX", "NOUN"):
            return child.dep_, depth
        child = head
    return None


def _base_features(doc, cues: frozenset[str]) -> list[list[str]]:
    quoted, qdist = _quote_state(doc), _quote_distance(doc)
    sent_cue: dict[int, list[int]] = {}
    for sent in doc.sents:
        sent_cue[sent.start] = [t.i for t in sent if t.lemma_.lower() in cues and t.pos_ in ("VERB", "NOUN")]
    feats = []
    for tok in doc:
        sent = tok.sent
        lemma = tok.lemma_.lower()
        f = ["b", f"w={tok.lower_}", f"l={lemma}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
             f"dh={tok.dep_}|{tok.head.pos_}", f"hl={tok.head.lemma_.lower()}", f"sh={tok.shape_[:4]}",
             f"e={tok.ent_iob_}{tok.ent_type_}", f"qd={_bucket(qdist[tok.i])}"]
        if quoted[tok.i]:
            f.append("inq")
        if tok.text in QUOTE_CHARS:
            f.append("qmark")
        if tok.is_sent_start:
            f.append("s0")
        if tok.i == sent.end - 1:
            f.append("s1")
        f.append(f"sp={5 * (tok.i - sent.start) // max(len(sent), 1)}")
        if tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ + doc[tok.i - 1].text:
            f.append("para0")
        if lemma in cues:
            f.append("cue")
        if tok.head.lemma_.lower() in cues and tok.head is not tok:
            f.append(f"hcue={tok.dep_}")
            if tok.i == tok.left_edge.i:
                f.append(f"hcue_left={tok.dep_}")
        path = _cue_path(tok, cues)
        if path:
            f.append(f"acue={path[0]}")
            f.append(f"acue={path[0]}|{_bucket(path[1])}")
        cue_is = sent_cue[sent.start]
        if cue_is:
            nearest = min(cue_is, key=lambda j: abs(j - tok.i))
            side = "at" if nearest == tok.i else "before" if tok.i < nearest else "after"
            f.append(f"scue={side}")
            f.append(f"scue={side}|{_bucket(abs(nearest - tok.i))}")
        else:
            f.append("scue=none")
        # the edges of the subtree under a cue: where sources and contents start and end
        for child_dep, edge in ((t.dep_, t) for t in tok.ancestors if t.head.lemma_.lower() in cues):
            if edge.left_edge.i == tok.i:
                f.append(f"sub_start={child_dep}")
            if edge.right_edge.i == tok.i:
                f.append(f"sub_end={child_dep}")
            break
        feats.append(f)
    return feats


_WINDOW_KEYS = ("w=", "l=", "p=", "d=", "cue", "inq", "qmark", "para0", "hcue=")


def token_features(doc, cues: Iterable[str]) -> list[list[str]]:
    """CRF attributes of every token: its own features and a ±2 window of the main ones."""
    base = _base_features(doc, frozenset(cues))
    n = len(base)
    out = []
    for i, f in enumerate(base):
        row = list(f)
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                row.extend(f"{off}:{x}" for x in base[j] if x.startswith(_WINDOW_KEYS))
            else:
                row.append(f"{off}:pad")
        if i + 1 < n:
            row.append(f"bi={doc[i].lower_}|{doc[i + 1].lower_}")
        out.append(row)
    return out


def bio_spans(doc, labels: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """Decoded spans: (char start, char end, first token, last token + 1)."""
    spans, start = [], None
    for i, lab in enumerate(list(labels) + ["O"]):
        if start is not None and lab != "I":
            spans.append((doc[start].idx, doc[i - 1].idx + len(doc[i - 1]), start, i))
            start = None
        if lab == "B" or (lab == "I" and start is None):
            start = i
    return spans


def _gap(a: SPAN, b: SPAN) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _governing_cue(doc, content, cues):
    """A cue span that heads a token of the content span, if the parse says so."""
    c0, c1 = content[2], content[3]
    for tok in doc[c0:c1]:
        for anc in tok.ancestors:
            if c0 <= anc.i < c1:
                continue
            for cue in cues:
                if cue[2] <= anc.i < cue[3]:
                    return cue
            break
    return None


def _source_for(doc, cue, sources):
    heads = set(range(cue[2], cue[3]))
    for src in sources:
        if any(t.head.i in heads and t.dep_ in SUBJ_DEPS | {"pobj", "poss", "compound", "appos"}
               for t in doc[src[2]:src[3]]) or any(doc[k].head.i in heads for k in range(src[2], src[3])):
            return src
    sent = doc[cue[2]].sent
    near = [s for s in sources if sent.start <= s[2] < sent.end]
    return min(near, key=lambda s: _gap(s[:2], cue[:2]), default=None)


def group(doc, spans: dict[str, list], scores: dict[tuple[int, int], float]) -> list[Attribution]:
    """Content spans with their cue (parse first, else nearest) and the cue's source."""
    out = []
    for content in spans["content"]:
        cue = _governing_cue(doc, content, spans["cue"])
        if cue is None:
            near = [c for c in spans["cue"] if _gap(c[:2], content[:2]) <= MAX_CUE_GAP]
            cue = min(near, key=lambda c: _gap(c[:2], content[:2]), default=None)
        source = _source_for(doc, cue, spans["source"]) if cue else None
        out.append(Attribution(content=content[:2], cue=cue[:2] if cue else None,
                               source=source[:2] if source else None,
                               score=round(scores.get(content[:2], 0.0), 4)))
    return out


class Model:
    """Three CRF taggers (cue, source, content) and the cue list their features use."""

    def __init__(self, directory: Path, meta: dict):
        import pycrfsuite

        self.meta = meta
        self.cues = frozenset(meta["cue_lemmas"])
        self.taggers = {}
        for role in ROLES:
            tagger = pycrfsuite.Tagger()
            tagger.open(str(directory / meta["files"][role]))
            self.taggers[role] = tagger

    def tag(self, doc) -> tuple[dict[str, list], dict[tuple[int, int], float]]:
        """Role -> decoded spans, and each content span's mean label probability."""
        xseq = token_features(doc, self.cues)
        spans, scores = {}, {}
        for role in ROLES:
            tagger = self.taggers[role]
            labels = tagger.tag(xseq)
            spans[role] = bio_spans(doc, labels)
            if role == "content":
                for s in spans[role]:
                    probs = [tagger.marginal(labels[i], i) for i in range(s[2], s[3])]
                    scores[s[:2]] = sum(probs) / len(probs)
        return spans, scores

    def predict(self, doc) -> list[Attribution]:
        """Attributions in ``doc``, ordered by content start; offsets into ``doc.text``."""
        if len(doc) == 0:
            return []
        spans, scores = self.tag(doc)
        return sorted(group(doc, spans, scores), key=lambda a: a.content)


def _model_dir() -> Path:
    try:
        base = resources.files("onrecord.nlp") / "models"
        return Path(str(base))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover
        return MODEL_DIR


@lru_cache(maxsize=2)
def load(directory: str | None = None) -> Model:
    """The shipped model (cached). Raises PipelineError (E300) when the weights are missing."""
    root = Path(directory) if directory else _model_dir()
    meta_path = root / META_NAME
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PipelineError(f"attribution model not found in {root} ({exc}); run `make train`",
                            code="E300") from exc
    if meta.get("features") != FEATURES_VERSION:
        raise PipelineError(f"attribution model features {meta.get('features')!r} do not match "
                            f"{FEATURES_VERSION!r}; run `make train`", code="E300")
    return Model(root, meta)
