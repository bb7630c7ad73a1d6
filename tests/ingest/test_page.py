"""ingest/page.py: a fetched page becomes an Article by its content type (real Wikinews text)."""
import json

import pytest

from onrecord.errors import IngestError
from onrecord.ingest.http import Response
from onrecord.ingest.page import article_from_response

from .conftest import ARTICLE_HTML, WIKINEWS


def test_plain_text_is_read_as_text_with_its_url():
    text = json.loads(WIKINEWS.read_text(encoding="utf-8").splitlines()[0])["text"]
    resp = Response("https://news.test/story-1", "text/plain", "utf-8", text.encode("utf-8"))
    article = article_from_response(resp, "https://news.test/story-1", {"title": "From the feed"})
    assert article.text.split() == text.split()                  # the same words, in order
    assert article.url == "https://news.test/story-1" and article.title == "From the feed"


def test_html_has_its_body_extracted():
    resp = Response("http://news.test/story", "text/html", "utf-8", ARTICLE_HTML.encode("utf-8"))
    article = article_from_response(resp, "http://news.test/story")
    assert "useful and constructive" in article.text and "Contact us" not in article.text


def test_another_content_type_is_refused_with_e109():
    resp = Response("http://news.test/x.pdf", "application/pdf", None, b"%PDF-1.7")
    with pytest.raises(IngestError) as info:
        article_from_response(resp, "http://news.test/x.pdf")
    assert info.value.code == "E109"
