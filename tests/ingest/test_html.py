import gzip
import json
import logging
from pathlib import Path

import pytest

from onrecord import Article, Rejected
from onrecord.ingest import iter_articles
from onrecord.ingest.html import from_html

from .conftest import ARTICLE_HTML, HTML_DIR, NO_BODY_HTML


@pytest.fixture(scope="module")
def pages() -> list[Path]:
    if not HTML_DIR.is_dir():
        pytest.skip("../shared/eval/article-extraction is not present")
    return sorted(HTML_DIR.glob("*.html.gz"))[:5]


def test_real_pages_give_text_and_metadata(pages):
    gold = json.loads((HTML_DIR.parent / "ground-truth.json").read_text("utf-8"))
    for path in pages:
        [art] = iter_articles([str(path)])
        assert isinstance(art, Article), art
        page_id = path.name[: -len(".html.gz")]
        assert art.id == page_id and art.source == str(path)
        assert art.title and art.language == "en" and art.published
        assert art.url == gold[page_id]["url"]
        assert gold[page_id]["articleBody"][:40].split()[0] in art.text


def test_metadata_and_licence_from_a_page():
    art = from_html(ARTICLE_HTML.encode(), "page.html")
    assert art.title == "Minister says talks useful"
    assert art.outlet == "Local Test News" and art.author == "Jane Reporter"
    assert art.url == "http://news.test/story" and art.published == "2021-03-04"
    assert art.license == "CC-BY-4.0"
    assert "useful and constructive" in art.text and "Contact us" not in art.text


def test_html_without_a_body_is_rejected_e103(tmp_path):
    (tmp_path / "nav.html").write_text(NO_BODY_HTML)
    [item] = iter_articles([str(tmp_path / "nav.html")])
    assert isinstance(item, Rejected) and item.code == "E103" and "nav.html" in item.source


@pytest.mark.parametrize("data, code", [(b"", "E101"), (b"\x1f\x8b\x00\x00binary\x00", "E102")])
def test_empty_and_binary_html(tmp_path, data, code):
    (tmp_path / "p.html").write_bytes(data)
    [item] = iter_articles([str(tmp_path / "p.html")])
    assert isinstance(item, Rejected) and item.code == code


def test_gzipped_html(tmp_path):
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(ARTICLE_HTML.encode()))
    [art] = iter_articles([str(tmp_path / "p.html.gz")])
    assert isinstance(art, Article) and art.id == "p"


def test_corrupt_gzip_is_rejected(tmp_path):
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(ARTICLE_HTML.encode())[:40])
    [item] = iter_articles([str(tmp_path / "p.html.gz")])
    assert isinstance(item, Rejected) and item.code == "E100"


def test_a_page_with_an_empty_body_is_e103_without_trafilaturas_warning(tmp_path, caplog):
    # issue 15, item 9: "discarding data: None" printed for each such page, beside onrecord's own E103
    (tmp_path / "blank.html").write_text("<html><head><title>x</title></head><body></body></html>")
    with caplog.at_level(logging.WARNING):
        [item] = iter_articles([str(tmp_path / "blank.html")])
    assert isinstance(item, Rejected) and item.code == "E103"
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]
