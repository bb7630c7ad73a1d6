"""store/read.py: listings of articles, statements and speakers; stats; missing articles."""
from __future__ import annotations

import pytest

from onrecord.errors import StoreError

SEED = "tehrantimes-478273"


def test_articles_newest_first_with_statement_counts(full, seed, trump_records):
    rows = full.articles(limit=50)
    assert len(rows) == 1 + 3
    assert list(rows[0]) == ["id", "title", "outlet", "published", "language", "license", "source",
                             "n_statements", "stored_at"]
    published = [r["published"] for r in rows if r["published"]]
    assert published == sorted(published, reverse=True)
    by_id = {r["id"]: r for r in rows}
    assert by_id[SEED]["n_statements"] == 21
    assert by_id[trump_records[0].article.id]["n_statements"] == 1


def test_articles_limit_offset_outlet(full):
    first, second = full.articles(limit=2), full.articles(limit=2, offset=2)
    assert len(first) == len(second) == 2 and not {r["id"] for r in first} & {r["id"] for r in second}
    assert [r["id"] for r in full.articles(outlet="mehr news agency")] == [SEED]
    assert len(full.articles(outlet="Wikinews")) == 3


def test_missing_article_is_E202(full):
    with pytest.raises(StoreError) as exc:
        full.record("no-such-article")
    assert exc.value.code == "E202"


def test_statements_carry_article_and_speaker(full, seed):
    rows = full.statements(speaker="Kanaani", limit=100)
    assert {r["id"] for r in rows} == {s.id for s in seed.statements if s.speaker == "kanaani"}
    row = next(r for r in rows if r["id"] == "s1")
    assert row["article_id"] == SEED and row["outlet"] == "Mehr News Agency"
    assert row["speaker_name"] == "Nasser Kanaani" and row["speaker_text"].startswith("The spokesman")
    assert row["content"] == seed.article.text[row["content_span"][0]:row["content_span"][1]]
    assert row["cue"] == "rejected" and row["act"] == "deny" and row["type"] == "indirect"


@pytest.mark.parametrize("speaker, expected", [
    ("kanaani", 8), ("NASSER KANAANI", 8), ("Amir Abdollahian", 6), ("donald trump", 3), ("trump", 3),
    ("Abdol", 0),                                   # whole words of the name, not any substring
])
def test_statements_by_speaker(full, speaker, expected):
    assert len(full.statements(speaker=speaker)) == expected


def test_statements_by_act_outlet_and_dates(full):
    assert {r["id"] for r in full.statements(act="deny")} == {"s1", "s10", "s12", "s14"}
    assert len(full.statements(outlet="Wikinews")) == 3
    assert {r["article_id"] for r in full.statements(since="2020-01-01")} == {SEED, "wikinews-2020-078"}
    assert {r["article_id"] for r in full.statements(since="2020-07-25", until="2020-07-25")} == {
        "wikinews-2020-078"}
    assert all(r["published"] <= "2019-12-31" for r in full.statements(until="2019"))
    assert len(full.statements(until="2019")) == 2 and len(full.statements(until="2019-01-07")) == 1


def test_statements_by_claim_carry_the_stance(full):
    rows = full.statements(claim="drones and weapons to Russia")
    assert rows and {r["stance"] for r in rows} == {"supports", "refutes", "uncertain"}
    assert {r["id"] for r in rows if r["stance"] == "supports"} >= {"s13"}
    assert full.statements(claim="iran-drones-to-russia") and not full.statements(claim="no such claim")


def test_search_finds_every_statement_with_the_word_stemmed(full, seed):
    expected = {s.id for s in seed.statements if "drone" in s.content.lower()}
    assert len(expected) >= 10
    assert {r["id"] for r in full.statements(search="drone") if r["article_id"] == SEED} == expected
    assert {r["id"] for r in full.statements(search="DRONES") if r["article_id"] == SEED} == expected


@pytest.mark.parametrize("search, ids", [
    ("drones Kremlin", {"s6", "s7"}),        # s7's content has no "Kremlin": its speaker is searched too
    ("Pentagon confirm", {"s8"}),            # all words must match
    ("Kuleba", set()),                       # mentioned, but not in any statement or speaker
])
def test_statements_search_all_words(full, search, ids):
    assert {r["id"] for r in full.statements(search=search)} == ids


def test_statements_limit_offset(full):
    every = full.statements(limit=1000)
    assert len(every) == 24
    assert full.statements(limit=5, offset=5) == every[5:10]


def test_speakers_are_merged_across_articles(full):
    rows = full.speakers()
    assert list(rows[0]) == ["name", "key", "kind", "titles", "aliases", "n_statements", "n_articles"]
    by_name = {r["name"]: r for r in rows}
    trump = by_name["Donald Trump"]
    assert (trump["n_statements"], trump["n_articles"], trump["titles"]) == (3, 3, ["President"])
    kanaani = by_name["Nasser Kanaani"]
    assert (kanaani["n_statements"], kanaani["n_articles"], kanaani["kind"]) == (8, 1, "person")
    assert rows[0]["name"] == "Nasser Kanaani"
    counts = [r["n_statements"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert by_name["Dmytro Kuleba"]["n_statements"] == 0           # mentioned, never quoted
    assert len(full.speakers(limit=2)) == 2


def test_stats(full):
    stats = full.stats()
    assert stats["articles"] == 4 and stats["statements"] == 24 and stats["claims"] == 1
    assert stats["outlets"] == {"Wikinews": 3, "Mehr News Agency": 1}
    assert stats["acts"]["deny"] == 4 and stats["schema_version"] >= 1
    assert stats["backend"] == full.backend.name and stats["full_text_search"] is True


def _group(name, kind="person", titles=(), affiliations=(), n=1, article="a"):
    from collections import Counter
    return {"key": name.lower(), "names": Counter({name: 1}), "kinds": Counter({kind: 1}),
            "titles": dict.fromkeys(titles), "affiliations": dict.fromkeys(affiliations),
            "articles": {article}, "n": n}


def test_partial_names_join_the_one_person_they_fit():
    from onrecord.identity import same_speaker
    from onrecord.store.read import _merge_partial_names
    groups = {g["key"]: g for g in (
        _group("Hossein Amir Abdollahian", titles=["foreign minister"], n=6, article="a"),
        _group("Amir Abdollahian", titles=["foreign minister"], n=2, article="b"),
        _group("Ali Larijani", titles=["speaker"], affiliations=["Iran"], n=3, article="c"),
        _group("Sadegh Larijani", titles=["judiciary chief"], affiliations=["Iran"], n=2, article="d"),
        _group("Larijani", affiliations=["Iran"], n=1, article="e"))}
    _merge_partial_names(groups, same_speaker)
    assert groups["hossein amir abdollahian"]["n"] == 8           # the multi-word surname joins
    assert "amir abdollahian" not in groups
    assert "larijani" in groups                                  # a bare surname with two fits stays apart
    assert groups["ali larijani"]["n"] == 3 and groups["sadegh larijani"]["n"] == 2


def test_spelling_variants_join_the_most_stated_spelling_first():
    from onrecord.identity import same_speaker
    from onrecord.store.read import _merge_partial_names
    groups = {g["key"]: g for g in (
        _group("Volodymyr Zelensky", titles=["president"], n=7, article="a"),
        _group("Volodymyr Zelenskyy", titles=["president"], n=3, article="b"),
        _group("Volodymyr Zelenskiy", n=1, article="c"),
        _group("Zelenskyy", titles=["president"], n=2, article="d"),
        _group("Mohammad Hosseini", n=2, article="e"),
        _group("Mahmoud Hosseini", n=1, article="f"))}
    _merge_partial_names(groups, same_speaker)
    assert groups["volodymyr zelensky"]["n"] == 13              # two spellings, then the bare surname
    assert set(groups["volodymyr zelensky"]["names"]) == {"Volodymyr Zelensky", "Volodymyr Zelenskyy",
                                                           "Volodymyr Zelenskiy", "Zelenskyy"}
    assert "mohammad hosseini" in groups and "mahmoud hosseini" in groups
