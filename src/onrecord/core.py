"""The core: analyze(article, pipeline) -> Record. Pure: no files, network or database.

Long texts are cut into chunks at paragraph (else sentence, else space) boundaries and analysed chunk
by chunk, so memory stays bounded; every span is shifted back into the article's own offsets. The work
an article can take is bounded too: only its first ``Options.max_chars`` characters are analysed (the
record says so), and a run of text with no sentence end is cut into sentences (``nlp.bounds``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from .models import Article, Entity, Record, Statement
from .nlp.bounds import SENTENCE_STEP, bound_sentences

if TYPE_CHECKING:
    from .nlp.prefilter import Windows
    from .pipeline import Pipeline

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"”’']?\s+"), re.compile(r"\s+"))


def chunk_text(text: str, size: int) -> list[tuple[int, int]]:
    """Cut text into [start, end) pieces of at most ``size`` chars, at the best boundary available."""
    if len(text) <= size:
        return [(0, len(text))]
    chunks, start, n = [], 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            window = text[start + size // 2:end]
            for pattern in _BREAKS:
                last = None
                for last in pattern.finditer(window):  # noqa: B007 - the last match is what is wanted
                    pass
                if last is not None:
                    end = start + size // 2 + last.end()
                    break
        chunks.append((start, end))
        start = end
    return chunks


def _shift(span, to):
    return None if span is None else (to(span[0]), to(span[1]))


def _merge_chunk(doc, to, prefix: str, statements: list, entities: list) -> None:
    """Move one chunk's statements and entities into article offsets (``to`` maps an offset in the
    chunk to one in the article) and article-unique ids."""
    ents = doc._.onrecord_entities or []
    sts = doc._.onrecord_statements or []
    eid = {e.id: f"{prefix}{e.id}" for e in ents}
    sid = {s.id: f"{prefix}{s.id}" for s in sts}
    for e in ents:
        entities.append(replace(e, id=eid[e.id], mentions=tuple(_shift(m, to) for m in e.mentions)))
    for s in sts:
        statements.append(replace(
            s, id=sid[s.id], speaker=eid.get(s.speaker, s.speaker),
            nested_in=sid.get(s.nested_in, s.nested_in),
            addressee=eid.get(s.addressee, s.addressee),
            content_span=_shift(s.content_span, to), cue_span=_shift(s.cue_span, to),
            speaker_span=_shift(s.speaker_span, to),
            addressee_span=_shift(s.addressee_span, to)))


class _Partial:
    """One article's results gathered chunk by chunk; each Doc is dropped once merged. ``windows``:
    the prefilter's windows when only they were parsed (chunks are then cut from their joined text)."""

    def __init__(self, article: Article, chunks: list[tuple[int, int]], windows: "Windows | None" = None):
        self.article, self.chunks, self.windows = article, chunks, windows
        self.statements: list[Statement] = []
        self.entities: list[Entity] = []
        self.warnings: list[str] = []
        self.bounded = 0                # sentence starts set in runs with no sentence end

    def add(self, k: int, doc) -> None:
        prefix = f"c{k}-" if len(self.chunks) > 1 else ""
        offset, windows = self.chunks[k][0], self.windows
        to = (lambda p: p + offset) if windows is None else (lambda p: windows.original(p + offset))
        _merge_chunk(doc, to, prefix, self.statements, self.entities)
        self.warnings.extend(doc._.onrecord_warnings or [])
        self.bounded += doc.user_data.get(BOUNDED, 0)

    def statements_in_order(self) -> tuple[Statement, ...]:
        return tuple(sorted(self.statements, key=lambda s: (s.content_span[0], s.content_span[1])))

    def record(self, pipeline: "Pipeline", statements: tuple[Statement, ...], claims: tuple) -> Record:
        if len(self.chunks) > 1:
            self.warnings.append(f"long text analysed in {len(self.chunks)} chunks")
        if self.bounded:
            self.warnings.append(f"text with no sentence ends: cut into sentences of {SENTENCE_STEP} tokens "
                                 f"({self.bounded} cuts)")
        if len(self.article.text) > pipeline.options.max_chars:
            self.warnings.append(f"text of {len(self.article.text):,} characters: only the first "
                                 f"{pipeline.options.max_chars:,} analysed (ONRECORD_MAX_CHARS)")
        return Record(article=self.article, entities=tuple(self.entities), statements=statements,
                      claims=claims, pipeline=pipeline.version, warnings=tuple(self.warnings))


def _skip_reason(article: Article, pipeline: "Pipeline") -> str | None:
    if not article.text.strip():
        return "empty text: nothing analysed"
    if article.language and article.language != pipeline.options.language:
        return f"language {article.language!r}: not run through the {pipeline.options.language} pipeline"
    return None


BOUNDED = "onrecord_bounded"        # Doc.user_data: sentence starts set by nlp.bounds
NO_CANDIDATE = "prefilter: no quote, cue word or colon headline; not parsed"


def _prefiltered(text: str, options) -> "Windows | None":
    """The prefilter's windows of ``text`` (empty: nothing to parse), or None to parse it whole:
    prefilter off, the learned tagger on (it finds attributions without lexicon cues), or the windows
    cover everything."""
    if not options.prefilter or options.learned:
        return None
    from .nlp.prefilter import Windows, windows
    found = Windows.of(text, windows(text, lang=options.language))
    return None if found.starts and found.covers_all(text) else found


def analyze(article: Article, pipeline: "Pipeline") -> Record:
    """Analyse one article: who said what in it, as a Record."""
    return next(analyze_many([article], pipeline))


def analyze_many(articles: Iterable[Article], pipeline: "Pipeline", batch_size: int | None = None
                 ) -> Iterator[Record]:
    """Analyse articles in order, streaming their chunks through ``nlp.pipe``; yields one Record each."""
    size = pipeline.options.chunk_chars
    batch = batch_size or pipeline.options.batch_size

    def pieces():
        for n, article in enumerate(articles):
            reason = _skip_reason(article, pipeline)
            if reason:
                yield None, (n, article, reason, 0, 0, None)
                continue
            whole = article.text[:pipeline.options.max_chars]
            windows = _prefiltered(whole, pipeline.options)
            if windows is not None and not windows.text:
                yield None, (n, article, NO_CANDIDATE, 0, 0, None)
                continue
            text = whole if windows is None else windows.text
            chunks = chunk_text(text, size)
            for k, (a, b) in enumerate(chunks):
                yield text[a:b], (n, article, chunks, k, len(chunks), windows)

    partial: _Partial | None = None
    done: list[_Partial] = []        # parsed articles waiting for their claims, encoded together
    texts = ((t, ctx) for t, ctx in pieces())
    for doc, (_n, article, chunks, k, total, windows) in _pipe(texts, pipeline, batch):
        if doc is None:
            yield from _finish(done, pipeline)
            yield Record(article=article, pipeline=pipeline.version, warnings=(chunks,))
            continue
        if k == 0:
            partial = _Partial(article, chunks, windows)
        partial.add(k, doc)
        del doc
        if k == total - 1:
            done.append(partial)
            partial = None
            if len(done) >= batch:
                yield from _finish(done, pipeline)
    yield from _finish(done, pipeline)


def _finish(done: list[_Partial], pipeline: "Pipeline") -> Iterator[Record]:
    """The records of the parsed articles in ``done`` (emptied), in order, with their claims from the
    pipeline's claims stage (one call for the whole batch), or none when it has no claims stage."""
    if not done:
        return
    parsed = [(p.article, p.statements_in_order(), tuple(p.entities)) for p in done]
    try:
        claims = pipeline.claims.build(parsed) if pipeline.claims else [()] * len(parsed)
        records = [p.record(pipeline, statements, found)
                   for p, (_, statements, _), found in zip(done, parsed, claims)]
    finally:
        done.clear()
    yield from records


def _pipe(texts, pipeline: "Pipeline", batch: int):
    """nlp.pipe over (text, context) pairs, passing skipped articles (text None) through in order.

    A batch holds at most ``batch`` texts and about ``batch_chars`` characters, so a run of long
    chunks goes through a few at a time and memory stays bounded."""
    budget = pipeline.options.batch_chars
    buffer: list = []
    chars = 0
    for text, ctx in texts:
        if text is None:
            yield from pipeline.nlp.pipe(buffer, as_tuples=True, batch_size=batch)
            buffer, chars = [], 0
            yield None, ctx
            continue
        doc = pipeline.nlp.make_doc(text)
        cuts = bound_sentences(doc)
        if cuts:
            doc.user_data[BOUNDED] = cuts
        buffer.append((doc, ctx))
        chars += len(text)
        if len(buffer) >= batch or chars >= budget:
            yield from pipeline.nlp.pipe(buffer, as_tuples=True, batch_size=batch)
            buffer, chars = [], 0
    if buffer:
        yield from pipeline.nlp.pipe(buffer, as_tuples=True, batch_size=batch)
