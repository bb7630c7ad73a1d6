"""schema.org ClaimReview JSON-LD, for claims that match a known fact-check.

A claim across articles qualifies when it carries a fact-check's verdict and address: ``rating`` and
``url`` (set on known claims imported with ``onrecord claims import``; ``reviewer`` — else the import's
``source`` — and ``review_date`` are used when present). Claims without both are not fact-checked and
are left out. The statements that support the claim are its appearances, their speakers its authors.
"""
from __future__ import annotations

import json
from typing import IO, Any

from . import Selection, speaker_matches

CONTEXT = "https://schema.org"


def review(claim: dict[str, Any], positions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One ClaimReview for a claim (a ``store.claims.claims`` row) and its positions
    (``store.claims.positions``); None when the claim has no known fact-check (no ``rating`` or ``url``)."""
    rating, url = claim.get("rating"), claim.get("url")
    if not rating or not url:
        return None
    supporters = [p for p in positions if p["stance"] == "supports"]
    appearances, authors = {}, {}
    for p in supporters:
        key = p.get("url") or p["article_id"]
        appearances.setdefault(key, {k: v for k, v in {
            "@type": "CreativeWork", "url": p.get("url"), "headline": p.get("article_title"),
            "datePublished": p.get("published"),
            "publisher": {"@type": "Organization", "name": p["outlet"]} if p.get("outlet") else None,
        }.items() if v})
        if p.get("speaker_name"):
            kind = "Person" if p.get("speaker_kind") in (None, "person") else "Organization"
            authors.setdefault(p["speaker_name"], {"@type": kind, "name": p["speaker_name"]})
    item: dict[str, Any] = {"@type": "Claim", "text": claim["text"]}
    if appearances:
        item["appearance"] = list(appearances.values())
    if authors:
        item["author"] = list(authors.values())
    out: dict[str, Any] = {"@type": "ClaimReview", "url": url, "claimReviewed": claim["text"],
                           "itemReviewed": item,
                           "reviewRating": {"@type": "Rating", "alternateName": str(rating)}}
    reviewer = claim.get("reviewer") or claim.get("source")
    if reviewer:
        out["author"] = {"@type": "Organization", "name": reviewer}
    if claim.get("review_date"):
        out["datePublished"] = claim["review_date"]
    return out


def reviews(claims: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    return [r for c, ps in claims if (r := review(c, ps)) is not None]


def from_store(store, selection: Selection = Selection()) -> list[dict[str, Any]]:
    """ClaimReviews for the claims across articles that carry a fact-check, as linked so far."""
    from ..store import claims as board
    pairs = []
    for row in _all(lambda limit, offset: board.claims(store, limit=limit, offset=offset)):
        if (selection.claim and row["id"] != selection.claim) or not (row.get("rating") and row.get("url")):
            continue
        checked = board.claim(store, row["id"])               # the whole row (source) and its timeline
        positions = checked["timeline"]
        if selection.speaker:
            positions = [p for p in positions if speaker_matches(p["speaker_name"] or "", selection.speaker)]
            if not positions:
                continue
        pairs.append((checked, positions))
    return reviews(pairs)


def _all(fetch, page: int = 500):
    offset = 0
    while True:
        rows = fetch(page, offset)
        yield from rows
        if len(rows) < page:
            return
        offset += page


def document(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": CONTEXT, "@graph": items}


def write(items: list[dict[str, Any]], out: IO[bytes]) -> int:
    out.write(json.dumps(document(items), ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return len(items)
