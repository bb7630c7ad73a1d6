import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord import Article, Rejected
from onrecord.ingest import iter_articles

from .conftest import ARTICLE_HTML


def write_warc(path, gzip: bool, n: int = 3) -> bytes:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for i in range(n):
            page = ARTICLE_HTML.replace("Vienna", f"Vienna ({i})").replace(
                '<link rel="canonical" href="http://news.test/story">', "").replace(
                '<meta property="article:published_time" content="2021-03-04">', "")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"http://news.test/story-{i}", "response", payload=io.BytesIO(page.encode()),
                http_headers=headers, warc_headers_dict={"WARC-Date": f"2020-01-0{i + 1}T10:00:00Z"})
            writer.write_record(record)
        req = writer.create_warc_record("http://news.test/story-0", "request", payload=io.BytesIO(b"GET /"))
        writer.write_record(req)
    return path.read_bytes()


@pytest.mark.parametrize("gzip, name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_html_responses_become_articles(tmp_path, gzip, name):
    write_warc(tmp_path / name, gzip)
    items = list(iter_articles([str(tmp_path / name)]))
    assert all(isinstance(i, Article) for i in items) and len(items) == 3
    assert [i.source for i in items] == [f"http://news.test/story-{i}" for i in range(3)]
    assert [i.url for i in items] == [f"http://news.test/story-{i}" for i in range(3)]
    assert [i.published for i in items] == ["2020-01-01", "2020-01-02", "2020-01-03"]


@pytest.mark.parametrize("gzip, name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_truncated_warc_yields_what_it_could_read_and_a_rejected(tmp_path, gzip, name):
    data = write_warc(tmp_path / name, gzip)
    cut = tmp_path / ("cut-" + name)
    cut.write_bytes(data[: len(data) * 2 // 3])
    items = list(iter_articles([str(cut)]))
    assert isinstance(items[-1], Rejected) and items[-1].code == "E107" and items[-1].source == str(cut)
    assert "truncated" in items[-1].reason
    articles = [i for i in items if isinstance(i, Article)]
    assert 1 <= len(articles) <= 2 and len(items) == len(articles) + 1


def test_a_record_cut_short_is_not_an_article(tmp_path):
    data = write_warc(tmp_path / "c.warc", False, n=2)
    end = data.index(b"WARC/1.", data.index(b"story-1")) if b"request" in data else len(data)
    (tmp_path / "short.warc").write_bytes(data[: end - 200])
    items = list(iter_articles([str(tmp_path / "short.warc")]))
    assert [type(i) for i in items] == [Article, Rejected] and items[1].code == "E107"


def test_not_a_warc(tmp_path):
    (tmp_path / "x.warc").write_bytes(b"this is not a warc file at all\n" * 10)
    [item] = iter_articles([str(tmp_path / "x.warc")])
    assert isinstance(item, Rejected) and item.code == "E107"
