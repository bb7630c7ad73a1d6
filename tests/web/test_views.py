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
