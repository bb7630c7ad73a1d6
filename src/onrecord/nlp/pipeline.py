"""Loads the spaCy model and adds onrecord's components in order."""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language

from .. import __version__
from ..errors import PipelineError
from ..settings import Options
from . import extensions  # noqa: F401  (registers Doc extensions)

log = logging.getLogger(__name__)

# onrecord's spaCy components, in pipeline order: (factory name, module that registers it).
# A component whose module is missing is skipped, so the pipeline still loads while work goes on.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("onrecord_statements", "onrecord.nlp.components.statements"),
    ("onrecord_speakers", "onrecord.nlp.components.speakers"),
)


@dataclass
class Pipeline:
    """The loaded NLP pipeline plus what analyze() needs to know about it."""

    nlp: Language
    options: Options
    components: tuple[str, ...] = field(default_factory=tuple)
    # (article, statements, entities) -> claims; onrecord.claims when its encoder is installed
    claim_builder: Callable | None = None

    @property
    def version(self) -> str:
        model = f"{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"
        claims = "+claims" if self.claim_builder else ""
        prefilter = "+prefilter" if self.options.prefilter and not self.options.learned else ""
        return f"onrecord-{__version__}/{model}/" + "+".join(self.components) + claims + prefilter


def _component_config(factory: str, options: Options) -> dict:
    if factory != "onrecord_statements":
        return {}
    return {"learned": options.learned, "min_score": options.learned_min_score}


def _add_components(nlp: Language, options: Options) -> tuple[str, ...]:
    added = []
    for factory, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            log.debug("component module %s not present; skipping", module)
            continue
        nlp.add_pipe(factory, last=True, config=_component_config(factory, options))
        added.append(factory + ("+crf" if _component_config(factory, options).get("learned") else ""))
    return tuple(added)


def load_pipeline(options: Options | None = None) -> Pipeline:
    options = options or Options.from_env()
    return _load(options)


@lru_cache(maxsize=4)
def _load(options: Options) -> Pipeline:
    try:
        nlp = spacy.load(options.model)
    except OSError as exc:
        raise PipelineError(f"spaCy model {options.model!r} is not installed ({exc}); "
                            "run `make install`", code="E301") from exc
    nlp.max_length = max(nlp.max_length, options.chunk_chars * 4)
    components = _add_components(nlp, options)
    return Pipeline(nlp=nlp, options=options, components=components, claim_builder=_claim_builder(options))


def _claim_builder(options: Options) -> Callable | None:
    """The claims package's builder (its encoder loads on first use), or None when it cannot run."""
    from ..claims import claim_builder
    return claim_builder(options.language)
