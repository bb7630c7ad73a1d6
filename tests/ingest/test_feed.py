from onrecord import Article
from onrecord.ingest import iter_articles

from .conftest import rss


def test_feed_file_entries_are_fetched(server, opts, tmp_path):
    (tmp_path / "news.rss").write_text(rss(server.base, ["/page.html", "/plain.txt"]))
    items = list(iter_articles([str(tmp_path / "news.rss")], opts))
    assert [type(i) for i in items] == [Article, Article]
    assert items[1].published == "2021-03-02" and items[1].title == "Story 1"


def test_entries_that_cannot_be_fetched_are_rejected(server, opts, tmp_path):
    (tmp_path / "news.xml").write_text(rss(server.base, ["/missing", "/slow", "/page.html"]))
    items = list(iter_articles([str(tmp_path / "news.xml")], opts))
    assert [getattr(i, "code", "ok") for i in items] == ["E104", "E105", "ok"]
    assert items[0].source == server.base + "/missing" and "news.xml" in items[0].reason


def test_atom_feed(server, opts, tmp_path):
    atom = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            f'<entry><title>A</title><link href="{server.base}/page.html"/><updated>2021-01-02T00:00:00Z</updated>'
            f"</entry></feed>")
    (tmp_path / "a.atom").write_text(atom)
    [art] = iter_articles([str(tmp_path / "a.atom")], opts)
    assert isinstance(art, Article)


def test_feed_without_entries_and_xml_that_is_no_feed(tmp_path, opts):
    (tmp_path / "empty.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    (tmp_path / "data.xml").write_text('<?xml version="1.0"?><data><row/></data>')
    items = list(iter_articles([str(tmp_path / "empty.rss"), str(tmp_path / "data.xml")], opts))
    assert [i.code for i in items] == ["E110", "E109"]
