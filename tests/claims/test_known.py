"""Reading known claims: JSONL, CSV/TSV, ClaimReview JSON-LD; rows without text are skipped, counted."""
from __future__ import annotations

import json

import pytest

from onrecord.claims.known import parse, read_known
from onrecord.errors import ClaimsError


def test_jsonl():
    text = '{"id": "1", "text": "Iran sent drones to Russia", "rating": "False"}\n{"id": "2"}\n'
    got, skipped = parse(text, "c.jsonl")
    assert [(c.id, c.text, c.rating) for c in got] == [("1", "Iran sent drones to Russia", "False")]
    assert skipped == ["item 2: no claim text"]


def test_claimreview_jsonld():
    doc = {"@context": "https://schema.org", "@graph": [
        {"@type": "ClaimReview", "url": "https://fc.example/1", "claimReviewed": "Iran supplied drones to Russia",
         "reviewRating": {"@type": "Rating", "alternateName": "Mostly true"}}]}
    got, _ = parse(json.dumps(doc), "c.json")
    assert got[0].text == "Iran supplied drones to Russia" and got[0].rating == "Mostly true"
    assert got[0].id == "https://fc.example/1"
    assert got[0].reviewer is None and got[0].review_date is None


def test_the_fact_checker_and_date_come_with_the_claim():
    """A ClaimReview's author and datePublished are its reviewer and date; a JSONL row's reviewer and
    review_date columns likewise; a JSONL row's "author" (the claim's, as likely as the review's) is not."""
    doc = [{"@type": "ClaimReview", "url": "https://fc.example/1", "claimReviewed": "Iran supplied drones",
            "author": {"@type": "Organization", "name": "Example Fact Check"}, "datePublished": "2022-11-10",
            "reviewRating": {"@type": "Rating", "ratingValue": 2}}]
    [got], _ = parse(json.dumps(doc), "c.json")
    assert (got.reviewer, got.review_date, got.rating) == ("Example Fact Check", "2022-11-10", "2")
    rows = ('{"id": "1", "text": "Iran sent drones", "reviewer": "Fact Desk", "review_date": "2023-01-02"}\n'
            '{"id": "2", "text": "Iran sent tanks", "author": "Someone"}\n')
    a, b = parse(rows, "c.jsonl")[0]
    assert (a.reviewer, a.review_date) == ("Fact Desk", "2023-01-02") and b.reviewer is None


def test_checkthat_tsv(shared):
    got, skipped = read_known(shared / "eval" / "checkthat2020-task2" / "verified_claims.docs.tsv")
    assert len(got) == 10375 and not skipped
    assert got[0].title.startswith("Did 122 Prisoners")


def test_bad_json(tmp_path):
    p = tmp_path / "c.json"
    p.write_text("[{", encoding="utf-8")
    with pytest.raises(ClaimsError):
        read_known(p)
