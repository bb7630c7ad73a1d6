"""Train the antecedent ranker of ``nlp/entities/ranker.py`` (``python -m onrecord.training resolver``).

Data, all from ``../shared/eval``:
- GUM coreference, GUM's train documents (84, GUM's own scheme): every mention of a person or an
  organisation that is a pronoun or a description is an anaphor; its right answers are the candidate
  entities that hold another mention of its chain, or "nobody" when none does (a first mention, or an
  antecedent the NER did not find). GUM's dev documents (12) choose the epoch.
- The development half of our own news gold (``tests/gold/news``, never its held-out half) and the
  Tehran Times gold: each pronoun or description that is a statement's speaker mention, its right
  answer the candidate named as the gold speaker.
- GAP development (2,000 Wikipedia snippets): the pronoun is the anaphor, with names A and B always
  among its candidates (as GAP's task gives them); the right answer is the candidate that holds the
  coreferent name, or nobody when no candidate holds it. Snippets where the
  pronoun is neither name's are used only when no other candidate could be its antecedent.

Each document is parsed once with the pinned spaCy model (cached in ``build/train-cache/``) and read by
the resolver as an article is (``Resolver``: named mentions, salience), so the candidates and features
are those the ranker meets at run time. Also written: ``first_names.json`` from ``nomquamgender``'s
name data (a ``make train`` dependency). Deterministic: fixed seed, one thread, full-batch order fixed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..evaluation import gap as gap_data
from ..evaluation import gum as gum_data
from ..nlp.entities.ranker import FEATURES, FORMAT, MODEL_DIR, NAMES, NULL_FEATURES, WEIGHTS, Anaphor
from .parsed import parse_texts

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "eval"
CACHE = ROOT / "build" / "train-cache"
GOLD = ROOT / "tests" / "gold"


def development_gold() -> tuple[Path, ...]:
    """The gold files the ranker may learn from: the development half of tests/gold/news (never the
    held-out half) and tests/gold/tehran-times."""
    chosen = json.loads((GOLD / "news" / "articles.json").read_text(encoding="utf-8"))
    return tuple([GOLD / "news" / f"{a}.gold.json" for a in chosen["development"]]
                 + sorted((GOLD / "tehran-times").glob("*.gold.json")))
ANAPHOR_TYPES = frozenset({"person", "organization"})
MIN_NAME_COUNT = 50


@dataclass
class ResolverConfig:
    gum: Path = SHARED / "gum-coref"
    gap: Path = SHARED / "gap" / "gap-development.tsv"
    gold: tuple = field(default_factory=development_gold)   # hand-made gold whose speaker mentions are data too
    gold_weight: int = 3                # ... each of their anaphors counted this many times
    out_dir: Path = MODEL_DIR
    cache: Path = CACHE
    hidden: int = 16
    epochs: int = 40
    lr: float = 0.01
    weight_decay: float = 1e-4
    seed: int = 13
    limit: int | None = None            # first N documents of each source (quick checks)
    history: list = field(default_factory=list)


@dataclass
class Example:
    x: object                 # (n, features) float32
    null: object              # (null features,) float32
    positive: list[int]       # candidate positions that are right; empty: nobody is
    source: str


def build_first_names(out_dir: Path) -> int:
    """first name -> share of women (2 decimals), names with at least MIN_NAME_COUNT bearers."""
    import importlib.resources

    data = json.loads((importlib.resources.files("nomquamgender") / "name_data.json").read_text(encoding="utf-8"))
    table = {name: round(v[2], 2) for name, v in sorted(data.items())
             if v[1] >= MIN_NAME_COUNT and name.replace("-", "").isalpha()}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / NAMES).write_text(json.dumps(table, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    return len(table)


def _fp(texts: list[str]) -> str:
    h = hashlib.sha256()
    for t in texts:
        h.update(t.encode("utf-8"))
    return h.hexdigest()[:16]


def _anaphor(res, span, lex, kind: str):
    from ..nlp.entities.describe import describe

    if kind == "pronoun":
        return Anaphor(span.start_char, span.end_char, "pronoun", info=lex.pronoun(span.text))
    return Anaphor(span.start_char, span.end_char, "description", desc=describe(span, lex))


def _overlaps(mentions, spans) -> bool:
    return any(a < d and c < b for a, b in mentions for c, d in spans)


def gum_examples(docs_gum, parsed, lex, names) -> list[Example]:
    from ..nlp.entities.ranker import candidate_features
    from ..nlp.entities.resolve import Resolver, mention_kind

    out = []
    for gdoc, doc in zip(docs_gum, parsed):
        starts, pos = [], 0
        for tok in gdoc.tokens:
            starts.append(pos)
            pos += len(tok) + 1
        char = [(starts[m.start], starts[m.end - 1] + len(gdoc.tokens[m.end - 1])) for m in gdoc.mentions]
        chains: dict[int, list] = {}
        for m, c in zip(gdoc.mentions, char):
            chains.setdefault(m.entity, []).append(c)
        res = Resolver(doc, lex)
        for m, (a, b) in zip(gdoc.mentions, char):
            if m.type not in ANAPHOR_TYPES:
                continue
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if m.end - m.start == 1 and lex.pronoun(span.text) is not None:
                kind = "pronoun"
            elif mention_kind(span, lex) == "description":
                kind = "description"
            else:
                continue
            info = lex.pronoun(span.text) or {}
            if info.get("first_person") or info.get("second_person"):
                continue
            an = _anaphor(res, span, lex, kind)
            idxs, x, null = candidate_features(res, an, names)
            others = [c for c in chains[m.entity] if c != (a, b)]
            positive = [k for k, idx in enumerate(idxs) if _overlaps(res.reg.ents[idx].mentions, others)]
            out.append(Example(x, null, positive, "gum"))
    return out


def gap_examples(examples, parsed, lex, names) -> list[Example]:
    from ..nlp.entities.ranker import candidate_features
    from ..nlp.entities.resolve import Resolver

    out = []
    for ex, doc in zip(examples, parsed):
        span = doc.char_span(*ex.pronoun, alignment_mode="expand")
        if span is None or lex.pronoun(span.text) is None:
            continue
        res = Resolver(doc, lex)
        ab = tuple(res.person_at(*n).idx for n in (ex.a, ex.b))
        idxs, x, null = candidate_features(res, replace(_anaphor(res, span, lex, "pronoun"), names=ab), names)
        gold = [n for n, ok in ((ex.a, ex.a_coref), (ex.b, ex.b_coref)) if ok]
        names_ab = [ex.a, ex.b]
        holds = [k for k, idx in enumerate(idxs) if _overlaps(res.reg.ents[idx].mentions, gold)]
        if not gold:
            others = [k for k, idx in enumerate(idxs) if not _overlaps(res.reg.ents[idx].mentions, names_ab)]
            if others:
                continue                # neither name, but maybe another candidate: unknown
        out.append(Example(x, null, holds, "gap"))
    return out


def gold_examples(paths: list[Path], parsed, lex, names) -> list[Example]:
    """Speaker mentions of hand-made gold (pronouns and descriptions): the statements are resolved in
    order by the rules, as at run time; at each choice the right candidates are those whose name is the
    gold speaker's (``speaker_ok``), or nobody when the gold speaker is not among them."""
    from ..evaluation.gold import speaker_ok
    from ..evaluation.speakers import gold_statements
    from ..nlp.entities.ranker import candidate_features
    from ..nlp.entities.resolve import Resolver

    out = []
    for path, doc in zip(paths, parsed):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gents = {e["id"]: e for e in gold["entities"]}
        by_span = {tuple(g["speaker_span"]): g for g in gold["statements"] if g.get("speaker_span")}
        res = Resolver(doc, lex)

        def observe(r, an, gents=gents, by_span=by_span, gold=gold):
            g = by_span.get((an.start, an.end))
            if g is None or g["speaker"] not in gents:
                return
            ent = gents[g["speaker"]]
            others = [e["name"] for e in gold["entities"] if e["kind"] == "person" and e["id"] != ent["id"]]
            idxs, x, null = candidate_features(r, an, names)
            positive = [k for k, idx in enumerate(idxs) if speaker_ok(ent, r.reg.ents[idx].name, others)]
            out.append(Example(x, null, positive, "gold"))
        res.observe = observe
        res.run(gold_statements(gold))
    return out


def _torch_net(hidden: int, seed: int):
    import torch
    from torch import nn

    torch.manual_seed(seed)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(len(FEATURES), hidden)
            self.out = nn.Linear(hidden, 1)
            self.null = nn.Linear(len(NULL_FEATURES), 1, bias=False)

        def forward(self, x, null):
            return self.out(torch.tanh(self.hidden(x))).squeeze(-1), self.null(null).squeeze(-1)

    return Net()


def _loss_and_hits(net, batch: list[Example]):
    import torch

    hits, losses = 0, []
    for ex in batch:
        x = torch.from_numpy(ex.x)
        s, nobody = net(x, torch.from_numpy(ex.null))
        scores = torch.cat([s, nobody.reshape(1)])
        right = ex.positive or [scores.shape[0] - 1]        # the last score is "nobody"
        logp = scores.log_softmax(0)
        losses.append(-torch.logsumexp(logp[right], 0))
        hits += int(int(scores.argmax()) in right)
    loss = torch.stack(losses).mean() if losses else torch.zeros(())
    return loss, hits


def rules_accuracy(exs: list[Example]) -> float:
    """How often the rules' own choice (the ``rule_choice`` feature, else nobody) is right."""
    col = FEATURES.index("rule_choice")
    hits = 0
    for ex in exs:
        chosen = [k for k in range(len(ex.x)) if ex.x[k, col] > 0]
        hits += (chosen[0] in ex.positive) if chosen else not ex.positive
    return round(hits / max(len(exs), 1), 4)


def accuracy(net, exs: list[Example]) -> float:
    import torch

    with torch.no_grad():
        _, hits = _loss_and_hits(net, exs)
    return round(hits / max(len(exs), 1), 4)


def train(config: ResolverConfig = ResolverConfig(), model: str | None = None) -> dict:
    import torch

    from ..lexicons import speakers as speaker_lexicon
    from ..settings import Options

    torch.set_num_threads(1)
    model = model or Options().model
    n_names = build_first_names(config.out_dir)
    from ..nlp.entities.ranker import first_names
    first_names.cache_clear()
    names = first_names(str(config.out_dir))
    lex = speaker_lexicon.load("en")

    def gum_split(split: str):
        docs = gum_data.read_split(config.gum, split)[:config.limit]
        texts = [" ".join(d.tokens) for d in docs]
        parsed = parse_texts(texts, config.cache / f"gum-{split}-{_fp(texts)}.spacy", model, 32)
        return gum_examples(docs, parsed, lex, names)

    started = time.time()
    train_ex = gum_split("train")
    dev_ex = gum_split("dev")
    gap_rows = gap_data.read(config.gap)[:config.limit]
    gap_texts = [e.text for e in gap_rows]
    gap_parsed = parse_texts(gap_texts, config.cache / f"gap-dev-{_fp(gap_texts)}.spacy", model, 32)
    train_ex += gap_examples(gap_rows, gap_parsed, lex, names)
    if config.gold:
        from ..evaluation.gold import gold_text, load_gold
        paths = [Path(p) for p in config.gold]
        texts = [gold_text(load_gold(p), p) for p in paths]
        gold_ex = gold_examples(paths, parse_texts(texts, config.cache / f"gold-{_fp(texts)}.spacy", model, 32),
                                lex, names)
        train_ex += gold_ex * config.gold_weight
        log.info("%d anaphors from %d gold files (each counted %d times)", len(gold_ex), len(paths),
                 config.gold_weight)
    log.info("%d training anaphors (%d GUM, %d GAP), %d GUM dev, built in %.0f s", len(train_ex),
             sum(e.source == "gum" for e in train_ex), sum(e.source == "gap" for e in train_ex), len(dev_ex),
             time.time() - started)

    net = _torch_net(config.hidden, config.seed)
    opt = torch.optim.Adam(net.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    rng = random.Random(config.seed)
    order = list(range(len(train_ex)))
    history, best_state = [], None
    for epoch in range(1, config.epochs + 1):
        rng.shuffle(order)
        net.train()
        for k in range(0, len(order), 64):
            loss, _ = _loss_and_hits(net, [train_ex[i] for i in order[k:k + 64]])
            opt.zero_grad()
            loss.backward()
            opt.step()
        net.eval()
        figures = {"epoch": epoch, "train": accuracy(net, train_ex), "gum_dev": accuracy(net, dev_ex)}
        history.append(figures)
        if best_state is None or figures["gum_dev"] > max(h["gum_dev"] for h in history[:-1]):
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        log.info("epoch %d: %s", epoch, figures)
    net.load_state_dict(best_state)
    best = max(history, key=lambda h: (h["gum_dev"], -h["epoch"]))

    def rows(t):
        return [[round(float(v), 5) for v in r] for r in t.tolist()]
    meta = {
        "format": FORMAT, "name": "onrecord-antecedent-ranker", "features": list(FEATURES),
        "null_features": list(NULL_FEATURES),
        "weights": {"w1": rows(net.hidden.weight.detach().T),
                    "b1": [round(float(v), 5) for v in net.hidden.bias.detach()],
                    "w2": [round(float(v), 5) for v in net.out.weight.detach()[0]],
                    "b2": round(float(net.out.bias.detach()[0]), 5),
                    "v": [round(float(v), 5) for v in net.null.weight.detach()[0]]},
        "train": {"data": "GUM train (84 documents) + GAP development", "anaphors": len(train_ex),
                  "gum_dev_anaphors": len(dev_ex), "rules_gum_dev": rules_accuracy(dev_ex),
                  "hidden": config.hidden, "epochs": config.epochs,
                  "lr": config.lr, "seed": config.seed, "chosen_epoch": best["epoch"], "history": history,
                  "first_names": n_names, "spacy_model": model},
    }
    config.out_dir.mkdir(parents=True, exist_ok=True)
    (config.out_dir / WEIGHTS).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return {"chosen": best, "rules_gum_dev": rules_accuracy(dev_ex), "anaphors": len(train_ex),
            "seconds": round(time.time() - started)}
