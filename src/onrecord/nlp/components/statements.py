"""The statements component (factory `onrecord_statements_v2`, pipe `onrecord_statements`): every
direct, reported and mixed statement.

Passes, in order: direct quotes with a cue before or after them; reported speech (a cue verb with a
clausal, noun or prepositional complement); noun allegations ("Western claims that ..."); "according
to". Then: quotes inside reported content make it *mixed*; statements inside another's content are
*nested* in it; neutral cues take the act of their content's main predicate ("stated that Iran opposes
..." is oppose). Sets ``doc._.onrecord_statements`` to models.Statement with spans into ``text_of(doc)``;
speakers stay as written (``speaker_text``) for the speakers component to resolve.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ...lexicons.names import without_article
from ...lexicons.speakers import load as speaker_lexicon
from ...models import Statement
from .. import extensions  # noqa: F401
from ..lemmas import lemma as lemma_of
from .cues import lexicon, withholds
from .draft import Draft, text_of
from .learned import Merge, merge
from .passes import (
    according_drafts,
    direct_drafts,
    headline_drafts,
    naming_drafts,
    noun_drafts,
    quote_of_token,
    reported_drafts,
)
from .quotes import find_quotes

MIXED_MIN_WORDS = 1


def find_statements(doc: Doc, model=None, config: Merge = Merge(), attributions=None) -> list[Statement]:
    """All statements of a plain parsed Doc, in text order. With ``model`` (``nlp.tagger`` or
    ``nlp.attribution_model``: anything with ``predict(doc)``) or its ``attributions`` for this Doc,
    rules and tagger are merged (``learned.merge``)."""
    quotes = find_quotes(text_of(doc))
    in_quote = quote_of_token(doc, quotes)
    direct = direct_drafts(doc, quotes, in_quote)
    used = {d.cue_verb for d in direct if d.cue_verb is not None}
    reported = reported_drafts(doc, used, in_quote)
    drafts = _dedupe(direct + reported + naming_drafts(doc, used, in_quote) + noun_drafts(doc)
                     + according_drafts(doc) + headline_drafts(doc))
    drafts = _outlets_as_channels(doc, drafts)
    drafts = _drop_free_quotes_without_context(drafts)
    if attributions is None and model is not None:
        attributions = model.predict(doc)
    if attributions is not None:
        drafts = merge(doc, drafts, attributions, config)
    _mark_mixed(doc, drafts, quotes, direct)
    _nest(drafts)
    _refine_acts(doc, drafts)
    return _to_statements(doc, drafts)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One statement per content: a direct quote wins over a reported reading of the same words."""
    drafts.sort(key=lambda d: (d.content[0], -(d.content[1] - d.content[0])))
    out: list[Draft] = []
    for d in drafts:
        twin = next((k for k in range(len(out) - 1, max(len(out) - 9, -1), -1) if _same(out[k], d)), None)
        if twin is None:
            out.append(d)
        elif out[twin].kind != "direct" and d.kind == "direct":
            out[twin] = _attributed(d, out[twin])
        elif out[twin].kind == "direct" and d.kind != "direct":
            out[twin] = _attributed(out[twin], d)
    return out


def _outlets_as_channels(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """"Qalibaf said that P, according to ICANA": when the words "according to" a source frame are
    themselves a statement with its own speaker, the source is that statement's channel (``via``),
    not a second speaker of it ("Kanaani has expressed concern about ..., according to the Iranian
    Foreign Ministry"). A source that frames plain words, or words of which a statement is only a
    part, still speaks them."""
    text = text_of(doc)
    lex = speaker_lexicon("en")
    drop: set[int] = set()
    for k, d in enumerate(drafts):
        if d.speaker is None or not (d.origin == "according" or _trailing_outlet(text, d, lex)):
            continue
        source = without_article(text[d.speaker[0]:d.speaker[1]].strip())
        if d.origin != "according":
            same = [j for j, e in enumerate(drafts) if j != k and e.speaker is not None and e.cue is not None
                    and e.cue[1] <= d.content[0] and _same_words(e.content, d.content)]
            if same:                    # "The Chinese leader said P, state media said": one statement, P,
                drop.add(k)             # the leader's, the media its channel
                for j in same:
                    drafts[j] = replace(drafts[j], via=drafts[j].via or source)
                continue
        if d.origin == "according" and not lex.is_outlet(source):
            lead = _outlet_before_speaker(text, d, drafts, lex)
            if lead is not None:            # "According to Mehr News, Alireza Sabahifard ... pointed out"
                drop.add(k)
                j, outlet = lead
                drafts[j] = replace(drafts[j], via=drafts[j].via or outlet)
                continue
        inner = [j for j, e in enumerate(drafts) if j != k and e.speaker is not None and e.cue is not None
                 and d.content[0] <= e.cue[0] < d.content[1] and d.content[0] <= e.content[0]
                 and e.content[1] <= max(d.content[1], d.speaker[1]) + 1]   # "Witnesses, according to
        # The Telegraph, said P" as well as "X said P, according to ICANA"
        covered = sum(min(drafts[j].content[1], d.content[1]) - max(min(drafts[j].speaker[0], drafts[j].content[0]),
                                                                    d.content[0]) for j in inner)
        if not inner or covered < 0.6 * (d.content[1] - d.content[0]):
            continue                    # the inner statement is only part of what the source says
        drop.add(k)
        for j in inner:
            e = drafts[j]
            end = min(e.content[1], d.content[1])     # the inner words stop before "according to"
            drafts[j] = replace(e, via=e.via or source, content=(e.content[0], end))
    return [d for k, d in enumerate(drafts) if k not in drop]


def _same_words(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two content spans that are mostly the same stretch of text."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.8 * max(a[1] - a[0], b[1] - b[0])


def _trailing_outlet(text: str, d: Draft, lex) -> bool:
    """"The Chinese leader said P, state media said.": a frame after its words whose speaker is an outlet
    or the media, which carries the statement inside it as "according to" would."""
    if d.cue is None or d.cue[0] < d.content[1]:
        return False
    source = without_article(text[d.speaker[0]:d.speaker[1]].strip())
    words = source.lower().split()
    return lex.is_outlet(source) or bool(words) and words[-1] in lex.outlet_nouns | {"media"}


def _outlet_before_speaker(text: str, d: Draft, drafts: list[Draft], lex) -> tuple[int, str] | None:
    """"According to Mehr News, Alireza Sabahifard, commander of ..., pointed out that P": the parse
    reads the outlet and the speaker after it as one "according to" object. When another statement's
    speaker stands in that object after the outlet and its words are the same, it is the statement and
    the outlet its channel: (its index, the outlet)."""
    head = text[d.speaker[0]:d.speaker[1]]
    comma = head.find(",")
    if comma < 0:
        return None
    outlet = without_article(head[:comma].strip())
    if not lex.is_outlet(outlet):
        return None
    for j, e in enumerate(drafts):
        inside = e.speaker is not None and d.speaker[0] + comma < e.speaker[0] and e.speaker[1] <= d.speaker[1] + 1
        if e is d or not inside:
            continue
        lo, hi = max(d.content[0], e.content[0]), min(d.content[1], e.content[1])
        if hi - lo >= 0.8 * (d.content[1] - d.content[0]):
            return j, outlet
    return None


def _attributed(quote: Draft, reading: Draft) -> Draft:
    """A quote with no cue of its own takes its source from the other reading of the same words:
    '"The airline transports weapons ...," according to a tweet by Mike Pompeo'."""
    if quote.origin != "quote-free" or reading.speaker is None:
        return quote
    return replace(quote, cue=reading.cue, cue_verb=reading.cue_verb, speaker=reading.speaker, via=reading.via,
                   origin=f"quote-{reading.origin}")


def _same(a: Draft, b: Draft) -> bool:
    """Two readings of the same words (≥ 90 % overlap), one of them a quote."""
    lo, hi = max(a.content[0], b.content[0]), min(a.content[1], b.content[1])
    longest = max(a.content[1] - a.content[0], b.content[1] - b.content[0], 1)
    return (hi - lo) / longest >= 0.9 and (a.cue == b.cue or "quote" in (a.origin[:5], b.origin[:5]))


def _drop_free_quotes_without_context(drafts: list[Draft]) -> list[Draft]:
    """A quote with no cue stands only after some statement it can continue."""
    out, seen_speech = [], False
    for d in drafts:
        if d.origin == "quote-free" and not seen_speech:
            continue
        seen_speech = True
        out.append(d)
    return out


def _mark_mixed(doc: Doc, drafts: list[Draft], quotes, direct: list[Draft]) -> None:
    quoted = {d.content for d in direct}
    for d in drafts:
        if d.kind != "indirect":
            continue
        for q in quotes:
            if q.inner in quoted:
                continue
            if d.content[0] <= q.start and q.inner[0] < d.content[1] and \
                    len(text_of(doc)[q.inner[0]:q.inner[1]].split()) >= MIXED_MIN_WORDS:
                d.kind = "mixed"
                if q.end > d.content[1] and len(text_of(doc)[d.content[1]:q.end].strip()) <= 3:
                    d.content = (d.content[0], q.end)   # the closing mark and its period


def _nest(drafts: list[Draft]) -> None:
    """A statement whose cue and content lie inside another's content is nested in the innermost such.

    One sweep in text order with a stack of open contents (linear for the laminar spans of news)."""
    order = sorted(range(len(drafts)), key=lambda k: (drafts[k].content[0], -drafts[k].content[1]))
    stack: list[int] = []
    for k in order:
        d = drafts[k]
        while stack and drafts[stack[-1]].content[1] < d.content[1]:
            stack.pop()
        anchor = d.cue or d.content
        for j in reversed(stack):
            o = drafts[j]
            if o.content != d.content and o.content[0] <= anchor[0] and anchor[1] <= o.content[1]:
                d.nested_in = j
                break
        stack.append(k)


def _refine_acts(doc: Doc, drafts: list[Draft]) -> None:
    """Neutral cues take the act of the content's main predicate when the speaker's side holds it."""
    table = lexicon()["content_acts"]
    acts = {w: act for act, words in table.items() if act != "about" for w in words}
    for d in drafts:
        if d.act != "assert" or d.negated or d.origin in ("noun", "according", "headline"):
            continue
        span = doc.char_span(d.content[0], d.content[1], alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent_end = span[0].sent.end
        root = doc[span.start:min(span.end, sent_end)].root
        preds = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX", "ADJ")]
        found = None
        for p in preds:
            if withholds(p, lexicon()):
                continue                # 'Nouri has been denied access': refused something, no denial said
            words = [p] + [c for c in p.children if c.dep_ in ("acomp", "prep") and c.i > p.i][:1]
            for w in words:
                if lemma_of(w).lower() in acts or w.lower_ in acts:
                    act = acts.get(lemma_of(w).lower()) or acts.get(w.lower_)
                    if found is None or act == "deny":
                        found = act
        d.act = found or _modal_act(root, preds) or d.act


def _modal_act(root, preds) -> str | None:
    """Directive and commissive modality of the content's main predicate (lexicon: modal_acts)."""
    lex = lexicon()["modal_acts"]
    for p in preds:
        aux = {c.lower_ for c in p.children if c.dep_ in ("aux", "auxpass")}
        if aux & set(lex["appeal_modals"]) or any(
                lemma_of(c).lower() in lex["appeal_predicates"] and c.dep_ in ("acomp", "attr", "dobj", "expl")
                for c in p.children) or (lemma_of(p).lower() == "need" and p.pos_ == "VERB"):
            return "appeal"
        if aux & set(lex["future_modals"]) and not any(c.dep_ == "neg" for c in p.children):
            subj = next((c for c in p.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            words = {lemma_of(t).lower() for t in p.subtree}
            if words & set(lex["threats"]):
                return "warn"
            if subj is not None and (subj.lower_ in lex["self_subjects"] or subj.pos_ == "PROPN"):
                return "promise"
    return None


def _to_statements(doc: Doc, drafts: list[Draft]) -> list[Statement]:
    ids = {id(d): f"s{i + 1}" for i, d in enumerate(drafts)}
    out = []
    text = text_of(doc)
    for d in drafts:
        sp = d.speaker
        out.append(Statement(
            id=ids[id(d)], type=d.kind, act=d.act, content=text[d.content[0]:d.content[1]],
            content_span=d.content, cue=text[d.cue[0]:d.cue[1]] if d.cue else None, cue_span=d.cue,
            speaker_text=text[sp[0]:sp[1]] if sp else None, speaker_span=sp,
            nested_in=ids[id(drafts[d.nested_in])] if d.nested_in is not None else None,
            addressee=text[d.addressee[0]:d.addressee[1]] if d.addressee else None,
            addressee_span=d.addressee, venue=d.venue, via=d.via, negated=d.negated,
            confidence=d.extra.get("score"), nominal=_nominal(doc, d.content)))
    return out


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _nominal(doc: Doc, content) -> bool:
    """Whether a content within one sentence is headed by a noun: 'the importance of sustaining
    bilateral relations', 'the car's owner', 'each other' (the claims stage makes no claim of it)."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or not len(span) or span[0].sent.start != span[-1].sent.start:
        return False
    return span.root.pos_ in _NOMINAL


@Language.factory("onrecord_statements_v2", requires=["token.dep", "token.lemma", "token.pos"],
                  assigns=["doc._.onrecord_statements"],
                  default_config={"learned": False, "tagger": "minilm", "min_score": 0.0, "edges": True,
                                  "sources": True})
def make_statements(nlp: Language, name: str, learned: bool, tagger: str, min_score: float, edges: bool,
                    sources: bool):
    return StatementsComponent(learned, tagger, Merge(min_score=min_score, edges=edges, sources=sources))


TAGGERS = ("minilm", "crf")


class StatementsComponent:
    """spaCy pipe: sets doc._.onrecord_statements (rules; with ``learned``, merged with a tagger's:
    ``minilm``, the tagger on the shared encoder, or ``crf``, the older feature CRF)."""

    def __init__(self, learned: bool = False, tagger: str = "minilm", config: Merge = Merge()):
        self.model, self.config = None, config
        if learned:
            if tagger == "crf":
                from ..attribution_model import load
            elif tagger == "minilm":
                from ..tagger import load
            else:
                from ...errors import UsageError
                raise UsageError(f"unknown tagger {tagger!r}: one of {', '.join(TAGGERS)}", code="E500")
            self.model = load()

    def __call__(self, doc: Doc) -> Doc:
        doc._.onrecord_statements = find_statements(doc, self.model, self.config)
        return doc

    def pipe(self, stream, batch_size: int = 32):
        """Docs a batch at a time: the tagger reads all of a batch's windows in one encoder pass."""
        if self.model is None or not hasattr(self.model, "predict_many"):
            yield from map(self, stream)
            return
        from spacy.util import minibatch
        for docs in minibatch(stream, size=batch_size):
            for doc, atts in zip(docs, self.model.predict_many(docs)):
                doc._.onrecord_statements = find_statements(doc, config=self.config, attributions=atts)
                yield doc
