"""Parses that training runs cache: texts parsed once by the pinned spaCy model (without onrecord's
components), kept as a DocBin and read back while the file holds exactly those texts."""
from __future__ import annotations

import logging
import time
from pathlib import Path

log = logging.getLogger(__name__)


def parse_texts(texts: list[str], path: Path, model: str, batch_size: int = 16) -> list:
    """``texts`` parsed by ``model``, read back from ``path`` when it holds exactly them (else parsed
    again and written there)."""
    import spacy
    from spacy.tokens import DocBin

    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
        if [d.text for d in docs] == texts:
            return docs
        log.warning("%s holds other texts; parsing again", path)
    nlp = spacy.load(model)
    started = time.time()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    log.info("parsed %d texts in %.0f s", len(docs), time.time() - started)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs
