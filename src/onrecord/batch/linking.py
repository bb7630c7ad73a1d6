"""Linking stored articles into the claims across articles, and importing known (fact-checked) claims.

The store keeps the rows (``store.claims``); ``claims.across`` decides. Articles are linked oldest first,
a chunk at a time: the chunk's records are read, the vectors of claims stored without one (and, when
known claims are stored, of the statements' propositions) encoded in one batch, and each article's links
written in one transaction. The sentence encoder is not even loaded when every claim has its vector and
no known claims are stored.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..claims import across
from ..claims.index import ClaimIndex
from ..claims.linking import Encode
from ..store import claims as board

if TYPE_CHECKING:
    from ..claims.matching import KnownClaim
    from ..store import Store

log = logging.getLogger(__name__)

CHUNK_ARTICLES = 64     # articles read (and their missing vectors encoded) together


def _encoder(encode: Encode | None) -> Encode:
    if encode is not None:
        return encode
    from ..claims.embed import encode as default
    return default


def link(store: "Store", encode: Encode | None = None, threshold: float | None = None,
         known_threshold: float = across.KNOWN_MATCH_THRESHOLD, chunk: int = CHUNK_ARTICLES) -> int:
    """Fold every article stored (or re-analysed) since it was last linked into the claims across
    articles, one transaction an article; returns how many articles were linked.

    ``encode``, ``threshold``, ``known_threshold``: the sentence encoder and the thresholds (defaults:
    MiniLM, ``LinkConfig.global_threshold``, ``across.KNOWN_MATCH_THRESHOLD``)."""
    ids = board.pending(store)
    if not ids:
        return 0
    encode = _encoder(encode)
    index = ClaimIndex(board.global_claims(store))
    linker = across.Linker(index, lambda gid: board.claim_exists(store, gid), threshold)
    step = max(1, chunk)
    for start in range(0, len(ids), step):
        _link_chunk(store, ids[start:start + step], linker, encode, known_threshold)
    log.info("linked %d article(s) into claims across articles", len(ids))
    return len(ids)


def _link_chunk(store: "Store", article_ids: list[str], linker: across.Linker, encode: Encode,
                known_threshold: float) -> None:
    index = linker.index
    metas = [board.article_meta(store, a) for a in article_ids]
    records = [store.record(a) for a in article_ids]
    linker.begin(across.claim_vectors([c for r in records for c in r.claims], encode, index.dim))
    known = across.known_queries(records, index, encode)
    try:
        for article_id, record, meta, queries in zip(article_ids, records, metas, known):
            links = linker.link_article(record, board.day_of(meta))
            links.members += across.known_matches(record, index, encode, known_threshold, queries)
            board.write_links(store, article_id, meta["pipeline"], links)
    finally:
        linker.end()


def import_known(store: "Store", known: Iterable["KnownClaim"], source: str | None = None,
                 encode: Encode | None = None, threshold: float = across.KNOWN_MATCH_THRESHOLD
                 ) -> dict[str, int]:
    """Store fact-checked claims (an id seen before is updated) and match the stored statements to them;
    articles not yet linked are linked first. Returns {"added", "updated", "statements_matched"}."""
    encode = _encoder(encode)
    link(store, encode)
    known = list(known)
    added, updated = board.save_known(store, known, encode([k.text for k in known]), source)
    return {"added": added, "updated": updated, "statements_matched": rematch_known(store, encode, threshold)}


def rematch_known(store: "Store", encode: Encode | None = None,
                  threshold: float = across.KNOWN_MATCH_THRESHOLD) -> int:
    """Match every linked article's statements to the known claims again; returns the matches made."""
    encode = _encoder(encode)
    index = ClaimIndex(board.global_claims(store))
    for article_id in board.linked(store):
        board.replace_matches(store, article_id, across.known_matches(store.record(article_id), index, encode,
                                                                      threshold))
    return board.matches(store)
