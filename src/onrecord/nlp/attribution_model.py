"""A learned attribution tagger: finds Source / Cue / Content spans that rules miss.

A linear-chain CRF (python-crfsuite) tags every token of a parsed article B / I / O for each role
(``B-SRC``, ``I-CUE``, ``B-CON``, ..., ``O``: PolNeAR's spans never nest) from features of the spaCy
parse (see ``token_features``). Tagged spans are grouped into attributions:
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

import gzip
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import PipelineError
from .lemmas import lemma as lemma_of

log = logging.getLogger(__name__)

ROLES = ("cue", "source", "content")
TAGS = {"cue": "CUE", "source": "SRC", "content": "CON"}   # joint labels: B-CUE, I-SRC, ..., O
FEATURES_VERSION = "attr-features/3"
MODEL_DIR = Path(__file__).resolve().parent / "models"
META_NAME = "attribution.json"

QUOTE_CHARS = frozenset("\"“”„‟«»")
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl", "parataxis", "pobj", "attr", "oprd"})
QUOTE_OPENINGS = frozenset("\"“„«‘'")
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
        if lemma_of(head).lower() in cues and head.pos_ in ("VERB", "AUX", "NOUN"):
            return child.dep_, depth
        child = head
    return None


def _sentence_info(doc, cues: frozenset[str]) -> dict[int, tuple[list[int], bool]]:
    """Per sentence start: the cue-verb token indices in it, and whether it holds a quote mark."""
    info = {}
    for sent in doc.sents:
        cue_is = [t.i for t in sent if lemma_of(t).lower() in cues and t.pos_ in ("VERB", "NOUN")]
        info[sent.start] = (cue_is, any(t.text in QUOTE_CHARS for t in sent))
    return info


def _cue_features(tok, cues: frozenset[str], cue_is: list[int]) -> list[str]:
    """Where the token sits relative to the cue verbs of its sentence and of its parse."""
    f = []
    above = sum(1 for a in tok.ancestors if lemma_of(a).lower() in cues)
    f.append(f"ncue_anc={min(above, 2)}")               # nested reports: PolNeAR marks the outer one
    if lemma_of(tok).lower() in cues:
        f += ["cue", f"cue|anc={min(above, 2)}"]
    if tok.head is not tok and lemma_of(tok.head).lower() in cues:
        f.append(f"hcue={tok.dep_}")
    path = _cue_path(tok, cues)
    if path:
        f += [f"acue={path[0]}", f"acue={path[0]}|{_bucket(path[1])}"]
    if cue_is:
        nearest = min(cue_is, key=lambda j: abs(j - tok.i))
        side = "at" if nearest == tok.i else "before" if tok.i < nearest else "after"
        f += [f"scue={side}", f"scue={side}|{_bucket(abs(nearest - tok.i))}",
              f"scue_l={lemma_of(tok.doc[nearest]).lower()}"]
    else:
        f.append("scue=none")
    # the edges of the subtree under a cue: where sources and contents start and end
    for node in (tok, *tok.ancestors):
        if node.head is not node and lemma_of(node.head).lower() in cues:
            if node.left_edge.i == tok.i:
                f.append(f"sub_start={node.dep_}")
            if node.right_edge.i == tok.i:
                f.append(f"sub_end={node.dep_}")
            break
    return f


def _base_features(doc, cues: frozenset[str]) -> list[list[str]]:
    quoted, qdist = _quote_state(doc), _quote_distance(doc)
    sents = _sentence_info(doc, cues)
    feats = []
    for tok in doc:
        sent = tok.sent
        cue_is, has_quote = sents[sent.start]
        f = ["b", f"w={tok.lower_}", f"l={lemma_of(tok).lower()}", f"p={tok.pos_}", f"t={tok.tag_}",
             f"d={tok.dep_}", f"dh={tok.dep_}|{tok.head.pos_}", f"hl={lemma_of(tok.head).lower()}",
             f"sh={tok.shape_[:4]}", f"e={tok.ent_iob_}{tok.ent_type_}", f"qd={_bucket(qdist[tok.i])}",
             f"sp={5 * (tok.i - sent.start) // max(len(sent), 1)}"]
        if quoted[tok.i]:
            f.append("inq")
        if tok.text in QUOTE_CHARS:
            f.append("qopen" if tok.i + 1 < len(doc) and quoted[tok.i + 1] else "qclose")
        if has_quote:
            f.append("sq")
        if tok.is_sent_start:
            f.append("s0")
        if tok.i == sent.end - 1:
            f.append("s1")
        if tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ + doc[tok.i - 1].text:
            f.append("para0")
        if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
            f.append("has_ccomp")
        f += _cue_features(tok, cues, cue_is)
        feats.append(f)
    return feats


_WINDOW_KEYS = ("l=", "p=", "d=", "cue", "inq", "qopen", "qclose", "para0", "hcue=", "s0", "s1")
_NEAR_KEYS = ("w=", "e=")


def token_features(doc, cues: Iterable[str]) -> list[list[str]]:
    """CRF attributes of every token: its own features and a window of the main ones (±2, words ±1)."""
    base = _base_features(doc, frozenset(cues))
    n = len(base)
    out = []
    for i, f in enumerate(base):
        row = list(f)
        for off in (-2, -1, 1, 2):
            j = i + off
            if not 0 <= j < n:
                row.append(f"{off}:pad")
                continue
            keys = _WINDOW_KEYS + _NEAR_KEYS if abs(off) == 1 else _WINDOW_KEYS
            row.extend(f"{off}:{x}" for x in base[j] if x.startswith(keys))
        out.append(row)
    return out


def bio_spans(doc, labels: Sequence[str], tag: str | None = None) -> list[tuple[int, int, int, int]]:
    """Decoded spans (char start, char end, first token, last token + 1) of ``B-tag``/``I-tag`` labels
    (of plain ``B``/``I`` when ``tag`` is None); an I with no B before it starts a span."""
    b, i_ = ("B", "I") if tag is None else (f"B-{tag}", f"I-{tag}")
    spans, start = [], None
    for i, lab in enumerate(list(labels) + ["O"]):
        if start is not None and lab != i_:
            spans.append((doc[start].idx, doc[i - 1].idx + len(doc[i - 1]), start, i))
            start = None
        if lab == b or (lab == i_ and start is None):
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


def _parse_content(doc, cue, taken: list) -> tuple[int, int, int, int] | None:
    """For a cue the tagger gave no content: the clause the cue governs (ccomp / xcomp / parataxis)."""
    for tok in doc[cue[2]:cue[3]]:
        for child in tok.children:
            if child.dep_ not in ("ccomp", "xcomp", "parataxis") or cue[2] <= child.i < cue[3]:
                continue
            a, b = child.left_edge.i, child.right_edge.i + 1
            while b > a and (doc[b - 1].is_space or doc[b - 1].text in ",;:—–-"):
                b -= 1
            if b - a < 2 or a < cue[3] <= b or a <= cue[2] < b:
                continue
            span = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), a, b)
            if any(t[0] < span[1] and span[0] < t[1] for t in taken):
                continue
            return span
    return None


def _frame_cue(text: str, prev: Attribution, content, cues):
    """The cue of a quote's frame, for the quote that continues it: "“A,” said X. “B.”" gives B the
    cue of A when B opens with a quote mark, A's cue stands between them and no line break does."""
    if prev.cue is None or text[content[0]:content[0] + 1] not in QUOTE_OPENINGS:
        return None
    between = (prev.content[1], content[0])
    if not between[0] <= prev.cue[0] < prev.cue[1] <= between[1] or "\n" in text[between[0]:between[1]]:
        return None
    return next((c for c in cues if c[:2] == prev.cue), None)


def group(doc, spans: dict[str, list], scores: dict[tuple[int, int], float],
          parse_fallback: bool = True) -> list[Attribution]:
    """Content spans with their cue (parse first, else nearest) and the cue's source; with
    ``parse_fallback``, a cue left without content takes the clause it governs (score halved)."""
    out, used_cues = [], set()
    for content in spans["content"]:
        cue = _governing_cue(doc, content, spans["cue"])
        if cue is None and out:
            cue = _frame_cue(doc.text, out[-1], content, spans["cue"])
        if cue is None:
            near = [c for c in spans["cue"] if _gap(c[:2], content[:2]) <= MAX_CUE_GAP]
            cue = min(near, key=lambda c: _gap(c[:2], content[:2]), default=None)
        source = _source_for(doc, cue, spans["source"]) if cue else None
        if cue:
            used_cues.add(cue)
        out.append(Attribution(content=content[:2], cue=cue[:2] if cue else None,
                               source=source[:2] if source else None,
                               score=round(scores.get(content[:2], 0.0), 4)))
    if parse_fallback:
        taken = [*spans["content"], *spans["cue"], *spans["source"]]
        for cue in spans["cue"]:
            if cue in used_cues:
                continue
            content = _parse_content(doc, cue, taken)
            if content is None:
                continue
            taken.append(content)
            source = _source_for(doc, cue, spans["source"])
            out.append(Attribution(content=content[:2], cue=cue[:2], source=source[:2] if source else None,
                                   score=0.5))
    return out


class Model:
    """One CRF tagger (joint B/I labels for cue, source and content) and the cue list its features use."""

    def __init__(self, directory: Path, meta: dict):
        import pycrfsuite

        self.meta = meta
        self.cues = frozenset(meta["cue_lemmas"])
        path = directory / meta["files"]["tagger"]
        self.tagger = pycrfsuite.Tagger()
        if path.suffix == ".gz":
            self._weights = gzip.decompress(path.read_bytes())     # kept: the tagger reads from it
            self.tagger.open_inmemory(self._weights)
        else:
            self.tagger.open(str(path))

    def tag(self, doc) -> tuple[dict[str, list], dict[tuple[int, int], float]]:
        """Role -> decoded spans, and each content span's mean label probability."""
        labels = self.tagger.tag(token_features(doc, self.cues))
        spans = {role: bio_spans(doc, labels, TAGS[role]) for role in ROLES}
        scores = {}
        for s in spans["content"]:
            probs = [self.tagger.marginal(labels[i], i) for i in range(s[2], s[3])]
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
    """The shipped model (cached). Raises PipelineError (E300) when the weights are missing or stale."""
    root = Path(directory) if directory else _model_dir()
    try:
        meta = json.loads((root / META_NAME).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PipelineError(f"attribution model not found in {root} ({exc}); run `make train`",
                            code="E300") from exc
    if meta.get("features") != FEATURES_VERSION:
        raise PipelineError(f"attribution model features {meta.get('features')!r} do not match "
                            f"{FEATURES_VERSION!r}; run `make train`", code="E300")
    try:
        return Model(root, meta)
    except OSError as exc:
        raise PipelineError(f"cannot read the attribution model's weights ({exc}); run `make train`",
                            code="E300") from exc
