"""Loads the spaCy model and adds onrecord's components in order (``load_nlp``)."""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import PipelineError
from ..settings import Options
from . import (
    extensions,  # noqa: F401  (registers Doc extensions)
    lemmas,
)

# onrecord's spaCy components, in pipeline order: (pipe name, versioned factory, module registering it).
# A factory's version goes up when what it assigns changes; the factories are named in Pipeline.version.
# (spaCy refuses "." in factory names, E853, so the version is a suffix: onrecord_statements_v2.)
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("onrecord_statements", "onrecord_statements_v2", "onrecord.nlp.components.statements"),
    ("onrecord_speakers", "onrecord_speakers_v1", "onrecord.nlp.components.speakers"),
)


def _component_config(name: str, learned: bool, tagger: str, min_score: float, resolver: str) -> dict:
    if name == "onrecord_speakers":
        return {"resolver": resolver}
    return {"learned": learned, "tagger": tagger, "min_score": min_score}


def load_nlp(options: Options) -> tuple[Language, tuple[str, ...]]:
    """The spaCy model with onrecord's components added, and the components' factories (loaded once for
    the options that shape it). The claims stage is not built here: ``onrecord.pipeline`` adds it."""
    return _load(options.model, options.chunk_chars, options.learned, options.tagger, options.learned_min_score,
                 options.resolver)


@lru_cache(maxsize=4)
def _load(model: str, chunk_chars: int, learned: bool, tagger: str, min_score: float, resolver: str = "learned"
          ) -> tuple[Language, tuple[str, ...]]:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(f"spaCy model {model!r} is not installed ({exc}); run `make install`",
                            code="E301") from exc
    nlp.max_length = max(nlp.max_length, chunk_chars * 4)
    if "lemmatizer" in nlp.pipe_names:     # lemmas on demand (nlp/lemmas.py): a sixth of the parse saved
        lemmas.install(nlp)
    added = []
    for name, factory, module in COMPONENTS:
        importlib.import_module(module)
        config = _component_config(name, learned, tagger, min_score, resolver)
        nlp.add_pipe(factory, name=name, last=True, config=config)
        added.append(factory + (f"+{tagger}" if config.get("learned") else "")
                     + ("+ranker" if config.get("resolver") == "learned" else ""))
    return nlp, tuple(added)
