"""Reading routes over the sample store: listings, filters, pagination, records, speakers, claims."""
from __future__ import annotations

import pytest

from api.conftest import assert_error
from web.sample_store import CLAIM_ID, SEED_ID, WIKINEWS_IDS, board


def test_index_links(client):
    body = client.get("/api").json()
    assert body["name"] == "onrecord"
    for name in ("articles", "statements", "speakers", "claims", "stats"):
        assert client.get(body["links"][name]).status_code == 200


def test_health(client):
    assert client.get("/api/health").json() == {"status": "ok"}


def test_articles_newest_first_with_counts(client):
    body = client.get("/api/articles").json()
    ids = [a["id"] for a in body["items"]]
    assert set(ids) == {SEED_ID, *WIKINEWS_IDS}
    dated = [a["published"] for a in body["items"] if a["published"]]
    assert dated == sorted(dated, reverse=True)
    assert ids[-1] == SEED_ID                     # the seed text has no date: last
    seed = body["items"][-1]
    assert seed["n_statements"] >= 15 and seed["outlet"] == "Mehr News Agency"
    assert body["next"] is None and body["limit"] == 50 and body["offset"] == 0


def test_pagination_follows_next_links(client):
    seen, url = [], "/api/articles?limit=1"
    while url:
        body = client.get(url).json()
        assert len(body["items"]) <= 1
        seen += [a["id"] for a in body["items"]]
        url = body["next"]
    assert seen == [a["id"] for a in client.get("/api/articles").json()["items"]]


def test_next_link_keeps_the_filters(client):
    body = client.get("/api/statements?speaker=kanaani&limit=2").json()
    assert "speaker=kanaani" in body["next"] and "offset=2" in body["next"]
    more = client.get(body["next"]).json()
    assert all("Kanaani" in s["speaker_name"] for s in more["items"])


def test_outlet_filter(client):
    items = client.get("/api/articles?outlet=wikinews").json()["items"]
    assert {a["id"] for a in items} == set(WIKINEWS_IDS)


def test_record_by_article_id(client):
    record = client.get(f"/api/articles/{SEED_ID}").json()
    assert record["format"] == "onrecord/1"
    assert record["article"]["id"] == SEED_ID
    assert record["article"]["text"].startswith("TEHRAN")
    assert CLAIM_ID in [c["id"] for c in record["claims"]]
    for s in record["statements"]:
        a, b = s["content_span"]
        assert record["article"]["text"][a:b] == s["content"]


@pytest.mark.parametrize("query, check", [
    ("speaker=kanaani", lambda s: "Kanaani" in s["speaker_name"]),
    ("act=deny", lambda s: s["act"] == "deny"),
    ("q=drones", lambda s: "drone" in (s["content"] + s["speaker_name"]).lower()),
    ("outlet=Wikinews", lambda s: s["outlet"] == "Wikinews"),
    ("since=2020-01-01", lambda s: s["published"] >= "2020-01-01"),
    ("until=2019", lambda s: s["published"] <= "2019-12-31"),
    (f"claim={CLAIM_ID}", lambda s: s["stance"] in ("supports", "refutes", "uncertain")),
])
def test_statement_filters(client, query, check):
    items = client.get(f"/api/statements?{query}&limit=500").json()["items"]
    assert items, query
    assert all(check(s) for s in items)


def test_claim_filter_by_text(client):
    items = client.get("/api/statements", params={"claim": "supplied drones"}).json()["items"]
    assert {s["stance"] for s in items} >= {"supports", "refutes", "uncertain"}


def test_speakers_and_speaker_page(client):
    items = client.get("/api/speakers?limit=100").json()["items"]
    names = [s["name"] for s in items]
    assert "Nasser Kanaani" in names
    counts = [s["n_statements"] for s in items]
    assert counts == sorted(counts, reverse=True)
    found = client.get("/api/speakers?q=abdollahian").json()["items"]
    assert [s["name"] for s in found] == ["Hossein Amir Abdollahian"]
    one = client.get("/api/speakers/nasser kanaani").json()
    assert one["name"] == "Nasser Kanaani" and one["kind"] == "person"
    assert one["statements"]["items"] and all(s["speaker_name"] == "Nasser Kanaani"
                                              for s in one["statements"]["items"])
    denied = client.get("/api/speakers/nasser kanaani?act=deny").json()["statements"]["items"]
    assert denied and all(s["act"] == "deny" for s in denied)
    board_id, _ = board()
    on_claim = client.get(f"/api/speakers/nasser kanaani?claim={board_id}").json()["statements"]["items"]
    assert on_claim and all(any(st["claim"] == board_id and st["stance"] == "refutes" for st in s["stances"])
                            for s in on_claim)


def test_claims_and_board(client):
    board_id, board_text = board()
    claims = client.get("/api/claims").json()["items"]
    ours = next(c for c in claims if c["id"] == board_id)
    assert ours["text"] == board_text and ours["n_articles"] == 1 and ours["n_supports"] >= 1
    counts = [c["n_statements"] for c in claims]
    assert counts == sorted(counts, reverse=True)
    assert board_id in [c["id"] for c in client.get("/api/claims?q=drones russia").json()["items"]]
    assert client.get("/api/claims?q=unicorns").json()["items"] == []
    found = client.get(f"/api/claims/{board_id}").json()
    names = {stance: {p["speaker_name"] for p in found[stance]} for stance in ("supports", "refutes", "uncertain")}
    assert "Jake Sullivan" in names["supports"] and "Jake Sullivan" not in names["refutes"]
    assert {"Nasser Kanaani", "Hossein Amir Abdollahian"} <= names["refutes"]
    assert "Nasser Kanaani" not in names["supports"]
    assert any("Pentagon" in n for n in names["uncertain"])
    assert len(found["timeline"]) == sum(len(found[s]) for s in ("supports", "refutes", "uncertain"))
    for p in found["timeline"]:
        assert p["article_id"] == SEED_ID and p["content"]


def test_stats(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["claims"] >= 1 and stats["stances"] >= 4
    assert stats["articles_unlinked"] == 0


@pytest.mark.parametrize("path, code", [("/api/articles/nope", "E202"), ("/api/claims/nope", "E205"),
                                        ("/api/speakers/nobody at all", "E204")])
def test_missing_things_are_404(client, path, code):
    assert_error(client.get(path), 404, code)
