"""The pipeline ``analyze()`` runs: the spaCy pipeline with onrecord's components (``nlp.pipeline``) and
the claims stage (``claims``), put together once per Options.

    pipeline = load_pipeline(Options())                  # statements, speakers and claims
    pipeline = load_pipeline(Options(claims=False))      # statements and speakers only
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from spacy.language import Language

from .models import Article, Claim, Entity, Statement
from .settings import Options
from .version import __version__

Parsed = tuple[Article, Sequence[Statement], Sequence[Entity]]


class ClaimsStage(Protocol):
    """What the core asks of the claims stage: the claims of a batch of parsed articles, in order."""

    def build(self, parsed: Sequence[Parsed]) -> list[tuple[Claim, ...]]: ...


@dataclass(frozen=True)
class Pipeline:
    """The loaded NLP pipeline, the claims stage (None: statements only) and the options they follow."""

    nlp: Language
    options: Options
    components: tuple[str, ...] = field(default_factory=tuple)
    claims: ClaimsStage | None = None

    @property
    def version(self) -> str:
        model = f"{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"
        claims = "+claims" if self.claims else ""
        prefilter = "+prefilter" if self.options.prefilter and not self.options.learned else ""
        return f"onrecord-{__version__}/{model}/" + "+".join(self.components) + claims + prefilter


def load_pipeline(options: Options | None = None) -> Pipeline:
    """The pipeline for ``options`` (default: from the environment), loaded once per Options."""
    return _load(options or Options.from_env())


@lru_cache(maxsize=4)
def _load(options: Options) -> Pipeline:
    from .claims import stage
    from .nlp.pipeline import load_nlp
    nlp, components = load_nlp(options)
    return Pipeline(nlp=nlp, options=options, components=components,
                    claims=stage(options.language) if options.claims else None)


__all__ = ["ClaimsStage", "Parsed", "Pipeline", "load_pipeline"]
