"""ClaimReview JSON-LD: made only for claims across articles that carry a fact-check's rating and url."""
from __future__ import annotations

import io
import json

from onrecord.claims.known import parse
from onrecord.export import Selection, write
from onrecord.export.claimreview import document, from_store, review
from onrecord.store import claims as board_store
from web.sample_store import board, copy_db

CHECK = {"rating": "Mostly true", "url": "https://factcheck.example/iran-drones",
         "reviewer": "Example Fact Check", "review_date": "2022-11-10"}


def test_review_of_a_fact_checked_claim(store):
    claim_id, text = board()
    r = review({"id": claim_id, "text": text, **CHECK}, board_store.positions(store, claim_id))
    assert r["@type"] == "ClaimReview" and r["url"] == CHECK["url"] and r["claimReviewed"] == text
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true"}
    assert r["author"] == {"@type": "Organization", "name": "Example Fact Check"}
    assert r["datePublished"] == "2022-11-10"
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and item["text"] == text
    assert {"@type": "Person", "name": "Jake Sullivan"} in item["author"]      # who made the claim
    assert all(a["name"] not in ("Nasser Kanaani", "Hossein Amir Abdollahian") for a in item["author"])
    [appearance] = item["appearance"]
    assert appearance["@type"] == "CreativeWork" and appearance["publisher"]["name"] == "Mehr News Agency"
    doc = json.loads(json.dumps(document([r])))
    assert doc["@context"] == "https://schema.org" and doc["@graph"][0]["@type"] == "ClaimReview"


def test_claims_without_a_fact_check_are_left_out(store):
    claim_id, text = board()
    positions = board_store.positions(store, claim_id)
    assert review({"id": claim_id, "text": text, **CHECK, "rating": None}, positions) is None
    assert review({"id": claim_id, "text": text, "rating": "False"}, positions) is None
    assert from_store(store) == []                   # no stored claim carries a rating and url
    out = io.BytesIO()
    assert write(store, "claimreview", out) == 0
    assert json.loads(out.getvalue()) == {"@context": "https://schema.org", "@graph": []}


def test_from_store_with_a_fact_checked_claim(tmp_path):
    from onrecord.store import Store
    claim_id, _ = board()
    with Store(copy_db(tmp_path / "c.db")) as store:
        store.backend.execute("UPDATE global_claims SET rating = ?, url = ?, source = ?, reviewer = ?, "
                              "review_date = ? WHERE id = ?", ("False", "https://factcheck.example/x",
                                                               "checks.jsonl", "Example Fact Check",
                                                               "2022-11-10", claim_id))
        [r] = from_store(store)
        assert r["reviewRating"]["alternateName"] == "False" and r["url"] == "https://factcheck.example/x"
        assert r["author"]["name"] == "Example Fact Check" and r["datePublished"] == "2022-11-10"
        assert from_store(store, Selection(claim=claim_id)) == [r]
        assert from_store(store, Selection(claim="nope")) == []
        [by_sullivan] = from_store(store, Selection(speaker="Sullivan"))    # his statements as appearances
        assert by_sullivan["url"] == r["url"] and by_sullivan["itemReviewed"]["author"] == [
            {"@type": "Person", "name": "Jake Sullivan"}]
        assert from_store(store, Selection(speaker="Nobody Here")) == []
        out = io.BytesIO()
        assert write(store, "claimreview", out) == 1
    known, skipped = parse(out.getvalue().decode("utf-8"), "export.json")   # the claims package reads it back
    assert skipped == [] and len(known) == 1
    assert known[0].rating == "False" and known[0].url == "https://factcheck.example/x"


def test_the_review_author_is_the_fact_checker_never_the_imported_file(tmp_path):
    """Without a reviewer in the import the review has no author, unless --reviewer gives one; the file
    the claims came from (``source``) is not an author."""
    from onrecord.store import Store
    claim_id, _ = board()
    with Store(copy_db(tmp_path / "c.db")) as store:
        store.backend.execute("UPDATE global_claims SET rating = ?, url = ?, source = ? WHERE id = ?",
                              ("False", "https://factcheck.example/x", "checks.jsonl", claim_id))
        [bare] = from_store(store)
        [given] = from_store(store, reviewer="Example Fact Check", review_date="2022-11-12")
    assert "author" not in bare and "datePublished" not in bare
    assert given["author"] == {"@type": "Organization", "name": "Example Fact Check"}
    assert given["datePublished"] == "2022-11-12"


# What Google's ClaimReview structured data asks for (developers.google.com/search/docs/appearance/
# structured-data/factcheck): required claimReviewed, reviewRating (ratingValue or alternateName), url;
# recommended author, datePublished, itemReviewed (a Claim with author, datePublished, appearance).
REQUIRED = ("claimReviewed", "reviewRating", "url")
RECOMMENDED = ("author", "datePublished", "itemReviewed")
SCHEMA = "https://schema.org/"


def _local_schema_org(url, options=None):
    """pyld's document loader, offline: schema.org's context reduced to what the export uses (terms in
    the schema.org vocabulary; ``url`` an IRI)."""
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {
        "@vocab": SCHEMA, "url": {"@id": SCHEMA + "url", "@type": "@id"}}}}


def test_the_export_has_what_claimreview_requires_and_recommends_and_expands_as_json_ld(store):
    from pyld import jsonld
    claim_id, text = board()
    # the seed's text file carries no date: give its articles the one the seed was published on
    positions = [{**p, "published": p["published"] or "2022-11-01"} for p in board_store.positions(store, claim_id)]
    r = review({"id": claim_id, "text": text, **CHECK}, positions)
    assert all(r.get(k) for k in REQUIRED + RECOMMENDED)
    assert r["reviewRating"].get("ratingValue") or r["reviewRating"].get("alternateName")
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and all(item.get(k) for k in ("author", "datePublished", "appearance"))
    assert item["datePublished"] == min(a["datePublished"] for a in item["appearance"])
    [expanded] = jsonld.expand(document([r]), {"documentLoader": _local_schema_org})
    assert expanded["@type"] == [SCHEMA + "ClaimReview"]
    assert expanded[SCHEMA + "url"] == [{"@id": CHECK["url"]}]
    assert expanded[SCHEMA + "claimReviewed"] == [{"@value": text}]
    [rating] = expanded[SCHEMA + "reviewRating"]
    assert rating[SCHEMA + "alternateName"] == [{"@value": "Mostly true"}]
    [claim] = expanded[SCHEMA + "itemReviewed"]
    assert claim["@type"] == [SCHEMA + "Claim"]
    assert {SCHEMA + "author", SCHEMA + "datePublished", SCHEMA + "appearance"} <= set(claim)
    keys = {k for k in _all_keys(expanded) if not k.startswith("@")}
    assert keys and all(k.startswith(SCHEMA) for k in keys)        # no term fell outside schema.org


def _all_keys(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _all_keys(v)
    elif isinstance(node, list):
        for v in node:
            yield from _all_keys(v)


def test_an_unresolved_speaker_or_an_outlet_is_no_author_of_the_claim(store):
    """A supporter whose speaker stayed a bare "he", or who is a news outlet relaying the claim, is not
    named as the claim's author: only resolved people and organisations are."""
    claim_id, text = board()
    positions = board_store.positions(store, claim_id)
    base = next(p for p in positions if p["stance"] == "supports")
    extra = [{**base, "speaker": None, "speaker_name": "he", "speaker_text": "he", "statement_id": "sx"},
             {**base, "speaker": "e99", "speaker_name": "Al Jazeera", "speaker_kind": "organization",
              "statement_id": "sy"}]
    r = review({"id": claim_id, "text": text, **CHECK}, positions + extra)
    names = [a["name"] for a in r["itemReviewed"]["author"]]
    assert "Jake Sullivan" in names and "he" not in names and "Al Jazeera" not in names
