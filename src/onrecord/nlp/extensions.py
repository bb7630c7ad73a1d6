"""Doc extensions used by onrecord's components. Set here, once, idempotently."""
from __future__ import annotations

from spacy.tokens import Doc

_DOC_EXTENSIONS = {
    "onrecord_statements": None,   # list[models.Statement], spans relative to the Doc's text
    "onrecord_entities": None,     # list[models.Entity], spans relative to the Doc's text
    "onrecord_warnings": None,     # list[str]
}


def register() -> None:
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
