"""Score attribution spans (source, cue, content) against PolNeAR's gold.

Figures, per role (source = a statement's speaker_span, cue = cue_span, content = content_span):

- **exact**: CofeNet's protocol. Per article, the set of gold spans of the role and the set of
  predicted spans; a predicted span counts when it equals a gold span exactly (character offsets).
  A discontinuous gold span counts as one span per fragment, as a BIO tagging sees it.
  Micro-averaged over the set (``exact``) and the mean of per-article F1 (``exact_macro``, over
  articles that have a gold or a predicted span of the role).
- **token**: Citron-style overlap. Per article, the word tokens covered by gold spans of the role
  and those covered by predicted spans; precision and recall of the shared tokens, micro-averaged.
- **attributions**: a predicted attribution finds a gold one when their content spans (a fragmented
  span taken from its first to its last character) overlap by at least half of the longer, matched
  one-to-one best first (the gold-file rule). ``speech_cue_recall`` is that recall over the gold
  attributions whose cue holds a speech verb (see ``speech_cues``); ``speech_cue_exact_recall`` asks
  for the exact cue span as well.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .brat import ROLES, Fragments, GoldArticle, GoldAttribution
from .conventions import join_continuations, polnear_fragments
from .gold import match_spans
from .metrics import PRF
from .speech_cues import is_speech_cue

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class PolnearScore:
    articles: int = 0
    exact: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in ROLES})
    macro_f1: dict[str, list[float]] = field(default_factory=lambda: {r: [] for r in ROLES})
    token: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in ROLES})
    attributions: PRF = field(default_factory=PRF)
    speech_gold: int = 0
    speech_found: int = 0
    speech_cue_exact: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "exact": {r: self.exact[r].to_dict() for r in ROLES},
            "exact_macro_f1": {r: round(sum(v) / len(v), 4) if v else 0.0 for r, v in self.macro_f1.items()},
            "token": {r: self.token[r].to_dict() for r in ROLES},
            "attributions": self.attributions.to_dict(),
            "speech_cue_attributions": self.speech_gold,
            "speech_cue_recall": round(self.speech_found / self.speech_gold, 4) if self.speech_gold else 0.0,
            "speech_cue_exact_recall": (round(self.speech_cue_exact / self.speech_gold, 4)
                                        if self.speech_gold else 0.0),
        }


def hull(fragments: Fragments) -> tuple[int, int]:
    return min(a for a, _ in fragments), max(b for _, b in fragments)


def role_spans(attributions: Iterable[GoldAttribution], role: str) -> set[tuple[int, int]]:
    """Every fragment of the role's spans, as a set of (start, end)."""
    return {frag for att in attributions for frag in (att.role(role) or ()) if frag[1] > frag[0]}


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    out = set()
    for a, b in spans:
        out.update((m.start(), m.end()) for m in _TOKEN.finditer(text, a, b))
    return out


def score_article(total: PolnearScore, article: GoldArticle, predicted: list[GoldAttribution]) -> None:
    """Add one article's figures to ``total``."""
    total.articles += 1
    for role in ROLES:
        gold, pred = role_spans(article.attributions, role), role_spans(predicted, role)
        tp = len(gold & pred)
        total.exact[role].add(tp, len(pred), len(gold))
        if gold or pred:
            total.macro_f1[role].append(PRF(tp, len(pred), len(gold)).f1)
        gtok, ptok = _tokens(article.text, gold), _tokens(article.text, pred)
        total.token[role].add(len(gtok & ptok), len(ptok), len(gtok))
    gold_atts = list(article.attributions)
    match = match_spans([hull(g.content) for g in gold_atts], [hull(p.content) for p in predicted])
    total.attributions.add(len(match), len(predicted), len(gold_atts))
    for i, g in enumerate(gold_atts):
        cue_text = " ".join(article.text[a:b] for a, b in g.cue or ())
        if not is_speech_cue(cue_text):
            continue
        total.speech_gold += 1
        if i in match:
            total.speech_found += 1
            if set(predicted[match[i]].cue or ()) == set(g.cue or ()):
                total.speech_cue_exact += 1


def score(articles: list[GoldArticle], predictions: Iterable[list[GoldAttribution]]) -> PolnearScore:
    total = PolnearScore()
    for article, predicted in zip(articles, predictions, strict=True):
        score_article(total, article, predicted)
    return total


def from_statements(statements, text: str | None = None) -> list[GoldAttribution]:
    """Our Statements as attributions: source = speaker_span, cue = cue_span, content = content_span.

    Given the text, spans are drawn in PolNeAR's conventions (quote marks inside a quoted content,
    a fragment per line, a content split by its frame joined: see ``conventions``)."""
    if text is None:
        return [GoldAttribution(id=s.id, content=(tuple(s.content_span),),
                                cue=(tuple(s.cue_span),) if s.cue_span else None,
                                source=(tuple(s.speaker_span),) if s.speaker_span else None)
                for s in statements if s.content_span]
    out, prev = [], None
    for s in sorted((s for s in statements if s.content_span), key=lambda s: s.content_span[0]):
        content = polnear_fragments(text, s.content_span, content=s.type in ("direct", "mixed"))
        if not content:
            continue
        frame = s
        if s.cue_span is None and prev is not None and s.speaker and s.speaker == prev.speaker:
            frame = prev                # a quote's continuation: its frame is the statement before
        out.append(GoldAttribution(id=s.id, content=content, cue=polnear_fragments(text, frame.cue_span),
                                   source=polnear_fragments(text, frame.speaker_span)))
        prev = frame
    return join_continuations(text, out)


def from_model(attributions, text: str | None = None) -> list[GoldAttribution]:
    """The learned model's Attributions (nlp.attribution_model) as scored attributions; given the text,
    a content split by its frame is joined into one attribution, as PolNeAR draws it (``conventions``)."""
    out = [GoldAttribution(id=f"m{i}", content=(a.content,), cue=(a.cue,) if a.cue else None,
                           source=(a.source,) if a.source else None)
           for i, a in enumerate(attributions)]
    return out if text is None else join_continuations(text, out)


def predict_with_pipeline(articles: list[GoldArticle], pipeline) -> Iterable[list[GoldAttribution]]:
    """Run onrecord's pipeline (analyze_many) over the articles; yields their statements as attributions.

    Claims are not built: they do not change statements, and building them is most of the time.
    """
    import dataclasses

    from ..core import analyze_many
    from ..models import Article
    from ..pipeline import load_pipeline
    if pipeline.claims is not None:          # the same spaCy pipeline, statements only
        pipeline = load_pipeline(dataclasses.replace(pipeline.options, claims=False))
    docs = (Article(id=a.name, text=a.text, source=a.name, language="en") for a in articles)
    for record in analyze_many(docs, pipeline):
        yield from_statements(record.statements, record.article.text)


def predict_with_model(articles: list[GoldArticle], nlp, model) -> Iterable[list[GoldAttribution]]:
    """Parse with ``nlp`` (its onrecord components switched off) and tag with the learned model."""
    ours = [name for name in nlp.pipe_names if name.startswith("onrecord")]
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    for doc in docs:
        yield from_model(model.predict(doc), doc.text)


Predictor = Callable[[list[GoldArticle]], Iterable[list[GoldAttribution]]]


SYSTEMS = ("pipeline", "tagger", "attribution-model")


def evaluate(directory, limit: int | None = None, system: str = "pipeline", pipeline=None) -> PolnearScore:
    """Score a system on a PolNeAR split folder: ``pipeline`` (statements), ``tagger`` (the tagger on
    the shared encoder alone) or ``attribution-model`` (the older CRF alone)."""
    from .brat import read_split

    articles = read_split(directory, limit=limit)
    if system == "pipeline":
        from ..pipeline import load_pipeline
        return score(articles, predict_with_pipeline(articles, pipeline or load_pipeline()))
    if system in ("attribution-model", "tagger"):
        from ..nlp import attribution_model, tagger
        from ..pipeline import load_pipeline
        nlp = (pipeline or load_pipeline()).nlp
        model = tagger.load() if system == "tagger" else attribution_model.load()
        return score(articles, predict_with_model(articles, nlp, model))
    from ..errors import UsageError
    raise UsageError(f"unknown system {system!r}: one of {', '.join(SYSTEMS)}", code="E500")
