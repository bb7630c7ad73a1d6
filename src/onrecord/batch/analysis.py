"""Analysing many articles safely: one failure is one Rejected, never a stopped batch.

``analyze_safely`` runs ``core.analyze_many`` in groups and, when a group fails, finds the article at
fault by analysing the group's articles one by one. ``pipeline_for`` is how a worker process, of
``ingest`` (``workers.py``) or of the Spark job, gets its pipeline: one thread of its own, the pipeline
loaded once.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from ..core import analyze, analyze_many
from ..models import Article, Record, Rejected
from ..settings import Options

if TYPE_CHECKING:
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

Item = Article | Rejected


def source_of(article: Article) -> str:
    """How an article is named in messages: where it came from, else its id."""
    return article.source or article.id


def analyze_safely(articles: Iterable[Article], pipeline: "Pipeline", batch_size: int | None = None
                   ) -> Iterator[Record | Rejected]:
    """analyze_many in groups; when a group fails, its articles are analysed one by one and the one
    that fails becomes a Rejected (E300), so a batch never stops on one article."""
    size = batch_size or pipeline.options.batch_size
    it = iter(articles)
    while group := list(islice(it, size)):
        try:
            results = list(analyze_many(group, pipeline, size))
        except Exception:  # noqa: BLE001 - find the article at fault below
            log.debug("a batch failed; analysing its %d articles one by one", len(group), exc_info=True)
            results = [_analyze_one(article, pipeline) for article in group]
        yield from results


def _analyze_one(article: Article, pipeline: "Pipeline") -> Record | Rejected:
    try:
        return analyze(article, pipeline)
    except Exception as exc:  # noqa: BLE001 - reported as a Rejected with its reason
        log.warning("%s: analysis failed: %s", source_of(article), exc)
        return Rejected(source_of(article), f"analysis failed: {type(exc).__name__}: {exc}", "E300")


def analyze_items(items: Iterable[Item], pipeline: "Pipeline") -> Iterator[Record | Rejected]:
    """analyze_safely over the articles among ``items``; each Rejected among them is passed on, in
    order, before the result of the next article (``extract`` and the Spark job read through this)."""
    rejects: deque[Rejected] = deque()

    def articles():
        for item in items:
            if isinstance(item, Rejected):
                rejects.append(item)
            else:
                yield item
    for result in analyze_safely(articles(), pipeline):
        while rejects:
            yield rejects.popleft()
        yield result
    yield from rejects


def extract(items: Iterable[Item], pipeline: "Pipeline", skipped: list[Rejected]) -> Iterator[Record]:
    """Records of the articles in ``items``; every Rejected (ingest or analysis) goes to ``skipped``."""
    for result in analyze_items(items, pipeline):
        if isinstance(result, Rejected):
            skipped.append(result)
        else:
            yield result


def limit_threads(threads: int = 1) -> None:
    """Processes (or Spark's task slots) are the parallelism: torch and BLAS get ``threads`` each
    (else they fight over the cores). Thread counts set in the environment beforehand are kept."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import torch
        torch.set_num_threads(threads)
    except ImportError:
        pass


def pipeline_for(options: Options, threads: int = 1) -> "Pipeline":
    """A worker process's pipeline (an ``ingest`` worker, a Spark executor's Python worker): its
    threads limited, then the pipeline for ``options``, loaded once per process (``load_pipeline``
    keeps it)."""
    limit_threads(threads)
    from ..pipeline import load_pipeline
    return load_pipeline(options)
