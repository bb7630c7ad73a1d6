"""views: links are only ever made from http(s) addresses; hrefs are built and quoted in Python."""
from __future__ import annotations

import pytest

from onrecord.web.views import article_href, claim_href, safe_href, speaker_href


@pytest.mark.parametrize("url, expected", [
    ("https://en.wikinews.org/wiki/X", "https://en.wikinews.org/wiki/X"),
    ("http://news.test/a?b=1", "http://news.test/a?b=1"),
    (" https://x.test/ ", "https://x.test/"),
    ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None), (" javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None), ("vbscript:x", None), ("//evil.test/x", None),
    ("/relative", None), ("", None), (None, None), ("https://", None),
])
def test_safe_href(url, expected):
    assert safe_href(url) == expected


def test_hrefs_quote_their_ids():
    assert article_href("a b/c", "s1") == "/articles/a%20b%2Fc#st-s1"
    assert claim_href("x?y") == "/claims/x%3Fy"
    assert speaker_href("Nasser Kana'ani") == "/speakers/nasser%20kanaani"
    assert speaker_href("") is None and speaker_href(None) is None


def test_shorten():
    from onrecord.web.views import shorten
    assert shorten("short claim") == "short claim"
    long = "We have long-standing defense cooperation with Russia; this is unrelated to the conflict in Ukraine."
    cut = shorten(long, 40)
    assert cut.endswith("…") and len(cut) <= 41 and long.startswith(cut[:-1])


@pytest.mark.parametrize("target, expected", [
    ("/claims", "/claims"), ("/claims?sort=latest&page=2", "/claims?sort=latest&page=2"), ("/", "/"),
    ("/speakers/nasser%20kanaani", "/speakers/nasser%20kanaani"), (" /articles ", "/articles"),
    ("https://evil.test/", "/"), ("http://x/", "/"), ("//evil.test", "/"), ("/\\evil.test", "/"),
    ("javascript:alert(1)", "/"), ("claims", "/"), ("", "/"), (None, "/"), ("/a\nb", "/"), ("/a\x00", "/"),
    ("/login", "/"), ("/login?next=/x", "/"), ("/logout", "/"), ("/" + "a" * 2001, "/"),
])
def test_safe_next(target, expected):
    from onrecord.web.views import safe_next
    assert safe_next(target) == expected


def test_pager_links_keep_the_parameters():
    from onrecord.web.views import PAGE_SIZE, page_href, pager
    assert page_href("/claims", {"sort": ""}, 1) == "/claims"
    assert page_href("/claims", {"sort": "latest"}, 3) == "/claims?sort=latest&page=3"
    assert page_href("/search", {"q": "a b&c"}, 2) == "/search?q=a+b%26c&page=2"
    first = pager("/articles", {"sort": "oldest"}, 1, more=True)
    assert first["prev"] is None and first["next"] == "/articles?sort=oldest&page=2" and first["first_row"] == 1
    last = pager("/articles", {}, 3, more=False)
    assert last["prev"] == "/articles?page=2" and last["next"] is None
    assert last["first_row"] == 2 * PAGE_SIZE + 1 and last["start"] == "/articles"


def test_index_rows_keep_undated_undated():
    from onrecord.web.views import article_item, claim_item
    row = {"id": "a", "title": None, "outlet": None, "published": None, "n_statements": 2,
           "stored_at": "2026-01-02T03:04:05+00:00"}
    assert article_item(row)["date"] == "undated" and article_item(row)["title"] == "a"
    claim = {"id": "gc-1", "text": "t", "n_statements": 1, "n_speakers": 1, "n_articles": 1, "n_supports": 1,
             "n_refutes": 0, "n_uncertain": 0, "last_date": None, "last_stored": "2026-01-02T03:04:05+00:00"}
    assert claim_item(claim)["latest"] == "undated"
    assert claim_item({**claim, "last_date": "2019-01-15T10:00:00"})["latest"] == "2019-01-15"
