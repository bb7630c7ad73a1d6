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
        store.backend.execute("UPDATE global_claims SET rating = ?, url = ?, source = ? WHERE id = ?",
                              ("False", "https://factcheck.example/x", "Example Fact Check", claim_id))
        [r] = from_store(store)
        assert r["reviewRating"]["alternateName"] == "False" and r["url"] == "https://factcheck.example/x"
        assert r["author"]["name"] == "Example Fact Check"
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
