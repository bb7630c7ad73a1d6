"""Claims in the store: migration 2, incremental linking across articles, known claims, the board."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.batch import linking
from onrecord.claims.matching import KnownClaim
from onrecord.errors import StoreError
from onrecord.store import Store
from onrecord.store import claims as board

from .conftest import needs_encoder

pytestmark = needs_encoder


@pytest.fixture()
def store(tmp_path, seed_record):
    with Store(tmp_path / "claims.db") as s:
        s.save(seed_record)
        yield s


def test_migration_2_tables(store):
    assert store.backend.schema_version() >= 2
    for t in ("global_claims", "claim_members", "claim_linked"):
        assert store.backend.table_exists(t)


def test_link_and_board(store, encode, seed_record):
    assert linking.link(store, encode) == 1
    assert linking.link(store, encode) == 0                # incremental: nothing new
    top = board.claims(store, limit=5)
    assert top[0]["n_statements"] == len(seed_record.claims[0].stances)
    assert top[0]["n_refutes"] > top[0]["n_supports"] > 0 and top[0]["n_uncertain"] == 2
    b = board.claim(store, top[0]["id"])
    assert {p["speaker_name"] for p in b["supports"]} >= {"Jake Sullivan"}
    assert {p["speaker_name"] for p in b["uncertain"]} == {"Pentagon", "A senior U.S. State Department official"}
    p = b["refutes"][0]
    assert p["link"].endswith("#" + p["statement_id"]) and p["content"] and p["outlet"] == "Tehran Times"
    assert board.claims(store, search="drones Russia")[0]["id"] == top[0]["id"]
    assert board.claims(store, search="no-such-word") == []


def test_second_article_joins_the_global_claim(store, encode, seed_record):
    linking.link(store, encode)
    later = replace(seed_record, article=replace(seed_record.article, id="copy", text=seed_record.article.text + " ",
                                                 published="2022-11-20"))
    store.save(later)
    assert linking.link(store, encode) == 1
    top = board.claims(store, limit=1)[0]
    assert top["n_articles"] == 2
    assert top["n_statements"] == 2 * len(seed_record.claims[0].stances)


def test_the_board_by_speaker_folds_statements_and_keeps_outlets_apart(store, encode, seed_record):
    """One row per speaker under their latest stance (Kanaani's statements folded into one row); a later
    article in which Kanaani supports the claim moves his row to Supports, since that day; an outlet
    that is a statement's speaker is a channel, not a holder."""
    linking.link(store, encode)
    gid = board.claims(store, limit=1)[0]["id"]
    b = board.claim(store, gid)
    rows = {r["speaker_name"]: r for s in b["holders"].values() for r in s}
    kanaani = rows["Nasser Kanaani"]
    assert kanaani["stance"] == "refutes" and kanaani["n_statements"] == len(
        [p for p in b["timeline"] if p["speaker_name"] == "Nasser Kanaani"]) > 1
    assert kanaani in b["holders"]["refutes"] and not kanaani["changed"]
    assert sum(r["n_statements"] for s in b["holders"].values() for r in s) + \
        sum(r["n_statements"] for r in b["channels"] + b["unattributed"]) == b["n_statements"]
    later = [{**p, "date": "2022-12-01", "stance": "supports", "article_id": "later"}
             for p in b["timeline"] if p["speaker_name"] == "Nasser Kanaani"][:1]
    relayed = [{**b["timeline"][0], "speaker_name": "Al Jazeera", "speaker_key": "al jazeera", "statement_id": "sx"}]
    grouped, channels, _ = board.holders(b["timeline"] + later + relayed)
    [moved] = [r for r in grouped["supports"] if r["speaker_name"] == "Nasser Kanaani"]
    assert moved["changed"] and moved["since"] == "2022-12-01" and moved["statements"][-1]["article_id"] == "later"
    assert not [r for r in grouped["refutes"] if r["speaker_name"] == "Nasser Kanaani"]
    assert [c["speaker_name"] for c in channels] == ["Al Jazeera"]
    assert not [r for s in grouped.values() for r in s if r["speaker_name"] == "Al Jazeera"]


def test_an_unresolved_pronoun_is_no_holder(store, encode):
    """Two statements whose speaker stayed a bare "he" (no entity), in two articles: two unnamed rows
    apart from the stance columns, not one holder called "he"."""
    linking.link(store, encode)
    b = board.claim(store, board.claims(store, limit=1)[0]["id"])
    base = b["timeline"][0]
    he = [{**base, "speaker": None, "speaker_text": "he", "speaker_name": "he", "speaker_key": "he",
           "article_id": a, "statement_id": "s9"} for a in ("x", "y")]
    grouped, _, rows = board.holders(he)
    assert not [r for s in grouped.values() for r in s]
    assert len(rows) == 2 and all(r["speaker_name"] is None and r["speaker_text"] == "he" for r in rows)


def test_an_undated_article_stays_undated_on_the_board(tmp_path, encode, seed_record):
    undated = replace(seed_record, article=replace(seed_record.article, published=None))
    with Store(tmp_path / "undated.db") as store:
        store.save(undated)
        linking.link(store, encode)
        top = board.claims(store, limit=1)[0]
        assert top["first_date"] is None and top["last_date"] is None and top["last_stored"]
        b = board.claim(store, top["id"])
        assert b["first_date"] is None and b["last_date"] is None
        assert all(p["date"] is None for p in b["timeline"])


def test_changes_of_position():
    t = [{"speaker_key": "a", "speaker_name": "A", "stance": "supports", "article_id": "x", "statement_id": "s1",
          "date": "2022-01-01"},
         {"speaker_key": "a", "speaker_name": "A", "stance": "refutes", "article_id": "y", "statement_id": "s2",
          "date": "2022-02-01"}]
    assert board.changes(t) == [{"speaker": "A", "speaker_key": "a", "from": "supports", "to": "refutes",
                                 "from_date": "2022-01-01", "to_date": "2022-02-01",
                                 "from_statement": ["x", "s1"], "to_statement": ["y", "s2"]}]


def test_known_claims_match_stored_statements(store, encode):
    linking.link(store, encode)
    got = linking.import_known(store, [KnownClaim(id="pf-1", text="Iran sent drones to Russia for the war in Ukraine",
                                                rating="Unproven", url="https://example.org/fc/1")], encode=encode)
    assert got["added"] == 1 and got["statements_matched"] >= 3
    b = board.claim(store, "kc-pf-1")
    assert b["rating"] == "Unproven" and b["refutes"]
    again = linking.import_known(store, [KnownClaim(id="pf-1", text="Iran sent drones to Russia", rating="False")],
                                 encode=encode)
    assert again == {"added": 0, "updated": 1, "statements_matched": again["statements_matched"]}


def test_unknown_claim(store):
    with pytest.raises(StoreError) as err:
        board.claim(store, "gc-nope")
    assert err.value.code == "E205"
