"""schema.org ClaimReview JSON-LD, for claims that match a known fact-check.

A claim across articles qualifies when it carries a fact-check's verdict and address: ``rating`` and
``url`` (set on known claims imported with ``onrecord claims import``, with the fact-check's
``reviewer`` and ``review_date`` when the file gives them). Claims without both are not fact-checked
and are left out. The statements that support the claim are its appearances, their speakers its
authors. What Google's ClaimReview structured data requires and recommends is checked by
``tests/export/test_claimreview.py`` (and the document expanded as JSON-LD with pyld).
"""
from __future__ import annotations

import json
from typing import IO, Any

from ..store.claims import is_channel
from . import Selection, speaker_matches

CONTEXT = "https://schema.org"


def review(claim: dict[str, Any], positions: list[dict[str, Any]], reviewer: str | None = None,
           review_date: str | None = None) -> dict[str, Any] | None:
    """One ClaimReview for a claim (a ``store.claims.claim`` row) and its positions
    (``store.claims.positions``); None when the claim has no known fact-check (no ``rating`` or ``url``).

    The review's ``author`` and ``datePublished`` are the fact-check's own (imported with it), else
    ``reviewer`` and ``review_date`` (``onrecord export --reviewer --review-date``), else left out. The
    claim's ``author`` is who asserts it (its Supports), its ``datePublished`` the first of those
    statements' dates, its ``appearance`` the articles they are in; deniers and doubters are neither."""
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
        if p.get("speaker") and p.get("speaker_name") and not is_channel(p):    # not "he", not an outlet
            kind = "Person" if p.get("speaker_kind") in (None, "person") else "Organization"
            authors.setdefault(p["speaker_name"], {"@type": kind, "name": p["speaker_name"]})
    item: dict[str, Any] = {"@type": "Claim", "text": claim["text"]}
    if authors:
        item["author"] = list(authors.values())
    dates = sorted(p["published"] for p in supporters if p.get("published"))
    if dates:
        item["datePublished"] = dates[0]
    if appearances:
        item["appearance"] = list(appearances.values())
    out: dict[str, Any] = {"@type": "ClaimReview", "url": url, "claimReviewed": claim["text"],
                           "itemReviewed": item,
                           "reviewRating": {"@type": "Rating", "alternateName": str(rating)}}
    by = claim.get("reviewer") or reviewer
    if by:
        out["author"] = {"@type": "Organization", "name": by}
    when = claim.get("review_date") or review_date
    if when:
        out["datePublished"] = when
    return out


def reviews(claims: list[tuple[dict[str, Any], list[dict[str, Any]]]], reviewer: str | None = None,
            review_date: str | None = None) -> list[dict[str, Any]]:
    return [r for c, ps in claims if (r := review(c, ps, reviewer, review_date)) is not None]


def from_store(store, selection: Selection = Selection(), reviewer: str | None = None,
               review_date: str | None = None) -> list[dict[str, Any]]:
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
    return reviews(pairs, reviewer, review_date)


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
