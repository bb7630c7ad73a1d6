"""onrecord: read the news and keep a sourced record of who said what."""
from __future__ import annotations

import logging

from .core import analyze, analyze_many
from .errors import OnrecordError
from .models import FORMAT, Article, Claim, Entity, Record, Rejected, Stance, Statement
from .pipeline import Pipeline, load_pipeline
from .settings import Options
from .version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name):  # Store pulls in the database layer: import it only when asked for
    if name == "Store":
        from .store import Store
        return Store
    raise AttributeError(name)


__all__ = ["__version__", "analyze", "analyze_many", "load_pipeline", "Pipeline", "Options", "Store",
           "OnrecordError", "FORMAT", "Article", "Claim", "Entity", "Record", "Rejected", "Stance",
           "Statement"]
