"""/api/docs works offline (api/swagger.py): the page loads Swagger UI's script and stylesheet from this
server (the swagger-ui-bundle-v2 package), never a CDN, and reads the API's own OpenAPI 3.1 description."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from api.conftest import READ_TOKEN, make_client


class Assets(HTMLParser):
    """The URLs a page loads: scripts, stylesheets, icons."""

    def __init__(self, html: str):
        super().__init__()
        self.urls: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href"):
            self.urls.append(a["href"])


def test_the_docs_page_loads_nothing_from_elsewhere(client):
    response = client.get("/api/docs")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    html = response.text
    urls = Assets(html).urls
    assert len(urls) == 3                                     # the script, the stylesheet, the icon
    assert not re.search(r"https?://|//[a-z]", html), "an outside URL"
    assert all(u.startswith("/api/docs/assets/") for u in urls)
    kinds = {}
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200 and asset.content, url
        kinds[url.rsplit(".", 1)[1]] = asset.headers["content-type"]
    assert kinds["js"].split(";")[0] in ("text/javascript", "application/javascript")
    assert kinds["css"].startswith("text/css") and kinds["png"] == "image/png"
    assert "SwaggerUIBundle" in client.get("/api/docs/assets/swagger-ui-bundle.js").text[:200_000]
    spec = re.search(r"url: '([^']+)'", html).group(1)
    assert spec == "/api/openapi.json" and client.get(spec).json()["openapi"].startswith("3.1")


def test_fastapis_cdn_pages_are_gone(client):
    for path in ("/docs", "/redoc", "/api/redoc", "/api/docs/oauth2-redirect"):
        assert client.get(path).status_code == 404, path
    assert client.get("/api/docs/assets/nothing.js").status_code == 404


def test_the_docs_stay_open_with_a_read_token(sample_db):
    closed = make_client(sample_db, read_token=READ_TOKEN)
    assert closed.get("/api/articles").status_code == 401     # the data is closed ...
    for path in ("/api/docs", "/api/openapi.json",
                 "/api/docs/assets/swagger-ui.css"):
        assert closed.get(path).status_code == 200, path      # ... what the API looks like is not
