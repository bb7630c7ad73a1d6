"""ingest.url: a URL is read as a page, plain text or a feed by its content type and, for a feed, its body."""
import pytest

from onrecord import Article, Rejected
from onrecord.ingest import iter_articles


def test_html_url_is_an_article(server, opts):
    [art] = iter_articles([server.base + "/page.html"], opts)
    assert isinstance(art, Article) and "useful and constructive" in art.text
    assert art.source == server.base + "/page.html" and art.url == "http://news.test/story"


def test_plain_text_url_is_read_as_text(server, opts):
    [art] = iter_articles([server.base + "/plain.txt"], opts)
    assert isinstance(art, Article) and art.text == "The mayor said the bridge would reopen."
    assert art.url == server.base + "/plain.txt"


def test_bad_urls_are_rejected_and_the_run_goes_on(server, opts):
    sources = [server.base + p for p in ("/missing", "/500", "/slow", "/big", "/empty.html", "/nobody.html",
                                         "/page.html")]
    items = list(iter_articles(sources, opts))
    assert [getattr(i, "code", "ok") for i in items] == ["E104", "E104", "E105", "E106", "E101", "E103", "ok"]
    assert all(i.source == s for i, s in zip(items, sources))


def test_a_feed_url_yields_its_entries(server, opts):
    items = list(iter_articles([server.base + "/feed.xml"], opts))
    assert isinstance(items[0], Article) and items[0].title == "Minister says talks useful"
    assert [type(i) for i in items] == [Article, Rejected, Rejected]


@pytest.mark.parametrize("path", ["/feed-x-rss", "/feed-text-xml", "/feed-octets", "/feed-as-html"])
def test_a_feed_is_a_feed_whatever_type_the_server_says(server, opts, path):
    items = list(iter_articles([server.base + path], opts))
    assert [type(i) for i in items] == [Article]
    assert items[0].title == "Minister says talks useful"


def test_a_type_that_is_neither_page_nor_feed_is_rejected_by_name(server, opts):
    [rej] = iter_articles([server.base + "/data.json"], opts)
    assert isinstance(rej, Rejected) and rej.code == "E109" and "application/json" in rej.reason
