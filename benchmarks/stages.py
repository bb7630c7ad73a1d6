"""Milliseconds per article for each stage of the analysis, against a bare spaCy parse, in one run.

Every K-th Tehran Times article (``--every``), in one process with one torch thread (as an ingest
worker runs): 1. bare ``nlp.pipe`` of the spaCy model (every component on), then the same parse as
onrecord runs it (the lemmatizer off: lemmas on demand, ``nlp/lemmas.py``); 2. onrecord's rule
statements on those parses (the lemmas they read computed there),
then speaker resolution by the rules and by the learned ranker (``nlp/entities/ranker.py``); 3. the
learned tagger on the shared encoder (``nlp/tagger.py``: windows, MiniLM, BiLSTM, CRF, grouping) over
the same parses; 4. the claims stage (propositions, the MiniLM
sentence vectors, clustering). Usage:

    .venv/bin/python benchmarks/stages.py [--every 400] [--corpus ../shared/corpora/tehran-times.jsonl.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
import platform
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/corpora/tehran-times.jsonl.gz"


def sample(path: Path, every: int) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for i, line in enumerate(fh) if i % every == 0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=400)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()

    import torch
    torch.set_num_threads(1)
    from onrecord import Options, load_pipeline
    from onrecord.nlp import tagger as tagger_module

    texts = [t for t in sample(Path(args.corpus), args.every) if t.strip()]
    words = sum(len(t.split()) for t in texts)
    pipeline = load_pipeline(Options())
    nlp = pipeline.nlp
    ours = [n for n in nlp.pipe_names if n.startswith("onrecord")]
    tagger = tagger_module.load()
    with nlp.select_pipes(disable=ours):
        tagger.predict_many([nlp("Warm up, he said.")])

    import spacy
    bare_nlp = spacy.load(Options().model)          # the model as it ships, every component on
    bare_nlp.max_length = nlp.max_length
    timings = {}
    started = time.perf_counter()
    for _ in bare_nlp.pipe(texts, batch_size=32):
        pass
    timings["bare spaCy parse"] = time.perf_counter() - started
    del bare_nlp

    started = time.perf_counter()                   # onrecord's: lemmas on demand (nlp/lemmas.py)
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe(texts, batch_size=32))
    timings["spaCy parse, lemmatizer off"] = time.perf_counter() - started

    started = time.perf_counter()
    statements = nlp.get_pipe("onrecord_statements")
    docs = [statements(d) for d in docs]
    timings["rules: statements"] = time.perf_counter() - started
    from onrecord.nlp.components.speakers import SpeakerResolver
    for mode in ("rules", "learned"):
        resolver = SpeakerResolver(nlp, f"bench-{mode}", resolver=mode)
        started = time.perf_counter()
        docs = [resolver(d) for d in docs]
        timings[f"speakers: {mode}"] = time.perf_counter() - started

    started = time.perf_counter()
    atts = tagger.predict_many(docs)
    timings["tagger (MiniLM encoder + head)"] = time.perf_counter() - started
    pieces = sum(len(w.ids) for d in docs for w in tagger.encoder.windows(tagger_module.sentences(d)))

    from onrecord.models import Article
    parsed = [(Article(id=str(i), text=t, source=str(i), language="en"), d._.onrecord_statements,
               d._.onrecord_entities) for i, (t, d) in enumerate(zip(texts, docs))]
    started = time.perf_counter()
    pipeline.claims.build(parsed)
    timings["claims stage"] = time.perf_counter() - started

    bare = timings["bare spaCy parse"]
    print(f"{len(texts)} articles (every {args.every}th), {words} words, {pieces} wordpieces; "
          f"Python {platform.python_version()}, torch threads 1; {sum(len(a) for a in atts)} tagged attributions")
    print(f"{'stage':34} {'s':>8} {'ms/article':>11} {'x bare parse':>13}")
    for name, secs in timings.items():
        print(f"{name:34} {secs:8.1f} {1000 * secs / len(texts):11.0f} {secs / bare:13.2f}")


if __name__ == "__main__":
    main()
