"""ClaimReview JSON-LD: made only for claims that carry a fact-check's rating and url."""
from __future__ import annotations

import io
import json

from onrecord.export import Selection, write
from onrecord.export.claimreview import document, from_store, review
from onrecord.store import claims_read
from web.sample_store import CLAIM_ID, CLAIM_TEXT, SEED_ID

CHECK = {"id": CLAIM_ID, "text": CLAIM_TEXT, "rating": "Mostly true",
         "url": "https://factcheck.example/iran-drones", "reviewer": "Example Fact Check",
         "review_date": "2022-11-10"}


def test_review_of_a_fact_checked_claim(store):
    positions = claims_read.positions(store.backend, claim_id=CLAIM_ID)
    r = review(CHECK, positions)
    assert r["@type"] == "ClaimReview" and r["url"] == CHECK["url"] and r["claimReviewed"] == CLAIM_TEXT
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true"}
    assert r["author"] == {"@type": "Organization", "name": "Example Fact Check"}
    assert r["datePublished"] == "2022-11-10"
    item = r["itemReviewed"]
    assert item["@type"] == "Claim" and item["text"] == CLAIM_TEXT
    assert item["author"] == [{"@type": "Person", "name": "Jake Sullivan"}]      # who made the claim
    [appearance] = item["appearance"]
    assert appearance["@type"] == "CreativeWork" and appearance["publisher"]["name"] == "Mehr News Agency"
    doc = json.loads(json.dumps(document([r])))
    assert doc["@context"] == "https://schema.org" and doc["@graph"][0]["@type"] == "ClaimReview"


def test_claims_without_a_fact_check_are_left_out(store):
    positions = claims_read.positions(store.backend, claim_id=CLAIM_ID)
    assert review({**CHECK, "rating": None}, positions) is None
    assert review({k: v for k, v in CHECK.items() if k != "url"}, positions) is None
    assert from_store(store) == []                   # no stored claim carries a rating and url
    out = io.BytesIO()
    assert write(store, "claimreview", out) == 0
    assert json.loads(out.getvalue()) == {"@context": "https://schema.org", "@graph": []}


def test_from_store_uses_rating_and_url_columns(tmp_path):
    """A store whose claims table has the known-claim columns (as the claims package will add)."""
    from onrecord.store import Store
    from web.sample_store import copy_db
    db = copy_db(tmp_path / "c.db")
    with Store(db) as store:
        store.backend.execute("ALTER TABLE claims ADD COLUMN rating TEXT")
        store.backend.execute("ALTER TABLE claims ADD COLUMN url TEXT")
        store.backend.execute("UPDATE claims SET rating = ?, url = ? WHERE id = ?",  # only ours
                              ("False", "https://factcheck.example/x", CLAIM_ID))
        [r] = from_store(store)
        assert r["reviewRating"]["alternateName"] == "False" and r["url"] == "https://factcheck.example/x"
        assert from_store(store, Selection(claim=CLAIM_ID)) == [r]
        assert from_store(store, Selection(claim="nope")) == []
        assert from_store(store, Selection(speaker="Sullivan")) == [r]
        assert from_store(store, Selection(speaker="Nobody Here")) == []
