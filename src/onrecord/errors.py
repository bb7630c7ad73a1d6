"""One error type with stable codes. The core raises these; the CLI and API translate them.

Codes by area: E1xx ingest, E2xx store, E3xx pipeline/NLP, E4xx evaluation, E5xx usage, E6xx claims.
"""
from __future__ import annotations


class OnrecordError(Exception):
    """Base of every error onrecord raises on purpose. ``code`` is stable; ``source`` names the input."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"


class IngestError(OnrecordError):
    code = "E100"


class StoreError(OnrecordError):
    code = "E200"


class PipelineError(OnrecordError):
    code = "E300"


class EvaluationError(OnrecordError):
    code = "E400"


class UsageError(OnrecordError):
    code = "E500"


class ClaimsError(OnrecordError):
    code = "E600"


# The codes in use, with what they mean (a test checks every code raised in the package is here).
CODES = {
    "E100": "could not read the source",
    "E101": "empty input",
    "E102": "binary (non-text) input",
    "E103": "no article body found in the HTML",
    "E104": "HTTP error",
    "E105": "network timeout or connection failure",
    "E106": "response larger than the size cap",
    "E107": "truncated or corrupt WARC",
    "E108": "malformed JSONL line",
    "E109": "unsupported source kind",
    "E110": "feed could not be parsed",
    "E200": "store error",
    "E201": "database schema is newer than this onrecord",
    "E202": "article not found",
    "E203": "not a record of this format (a row of a Spark output that cannot be read back)",
    "E204": "speaker not found",
    "E205": "claim not found",
    "E206": "database schema is older than this onrecord, and the store was opened read-only (not migrated)",
    "E300": "pipeline error",
    "E301": "spaCy model not installed",
    "E302": "analysis worker died on this article (killed by a signal, e.g. out of memory)",
    "E303": "analysis of this article ran past its time limit (ONRECORD_ARTICLE_SECONDS) and was stopped",
    "E400": "evaluation input error",
    "E500": "usage error",
    "E501": "the address to serve on is in use or cannot be bound",
    "E510": "API: invalid request (a parameter or the body failed validation)",
    "E511": "API: no such route",
    "E512": "API: method not allowed",
    "E513": "API: missing or wrong bearer token",
    "E514": "API: writes are disabled (no ONRECORD_TOKEN configured)",
    "E515": "API: request error",
    "E600": "claims error",
    "E601": "sentence-embedding model not installed",
    "E602": "stance model weights missing or made by another version (run `make train`)",
    "E603": "known-claims file could not be read",
}
