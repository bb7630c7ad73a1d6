"""Fixtures for ingestion tests: a local HTTP server (127.0.0.1 only, never the internet) and samples."""
from __future__ import annotations

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from onrecord import Options

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
HTML_DIR = SHARED / "eval" / "article-extraction" / "html"
WIKINEWS = SHARED / "corpora" / "wikinews.jsonl"
TEHRAN = SHARED / "corpora" / "tehran-times.jsonl.gz"
LONGEST_TEHRAN_ID = "tehrantimes-142326"   # 1,098,478 characters, about 183,000 words

ARTICLE_HTML = """<!doctype html><html><head><title>Minister says talks useful</title>
<meta property="og:site_name" content="Local Test News"><link rel="canonical" href="http://news.test/story">
<meta name="author" content="Jane Reporter"><meta property="article:published_time" content="2021-03-04">
</head><body><nav>Home | World</nav><article><h1>Minister says talks useful</h1>
<p>The foreign minister said on Tuesday that the talks in Vienna had been "useful and constructive",
and that both sides would meet again next month to continue the discussion.</p>
<p>"We are ready to listen," he told reporters. Officials from the other delegation declined to comment
on the substance of the negotiations, according to a statement released later that day.</p>
<p>This article is licensed under a Creative Commons Attribution 4.0 International License.</p>
</article><footer>Contact us</footer></body></html>"""

NO_BODY_HTML = "<!doctype html><html><head><title>Empty</title></head><body><nav>Home</nav></body></html>"


def rss(base: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>Story {i}</title><link>{base}{p}</link>"
                    f"<pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate></item>" for i, p in enumerate(paths))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>'
            f"<link>{base}/</link><description>t</description>{items}</channel></rss>")


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 - http.server's name
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        status, ctype, body, delay, length = route
        if delay:
            time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    """A local HTTP server; ``server.base`` is its URL. Routes: page, text, 404, 500, slow, big, feed."""
    routes: dict = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = ("text/html; charset=utf-8", ARTICLE_HTML.encode())
    routes.update({
        "/page.html": (200, *html, 0, True),
        "/plain.txt": (200, "text/plain; charset=utf-8", b"The mayor said the bridge would reopen.", 0, True),
        "/500": (500, "text/html", b"<h1>oops</h1>", 0, True),
        "/slow": (200, *html, 3, True),
        "/big": (200, "text/html", b"x" * 5000, 0, True),
        "/big-unsized": (200, "text/html", b"x" * 5000, 0, False),
        "/empty.html": (200, "text/html", b"", 0, True),
        "/nobody.html": (200, "text/html", NO_BODY_HTML.encode(), 0, True),
        "/feed.xml": (200, "application/rss+xml", rss(base, ["/page.html", "/missing", "/500"]).encode(), 0, True),
        # feeds under the other types servers send: sniffed from the body (issue 15, item 1)
        "/feed-x-rss": (200, "application/x-rss+xml", rss(base, ["/page.html"]).encode(), 0, True),
        "/feed-text-xml": (200, "text/xml; charset=utf-8", rss(base, ["/page.html"]).encode(), 0, True),
        "/feed-octets": (200, "application/octet-stream", rss(base, ["/page.html"]).encode(), 0, True),
        "/feed-as-html": (200, "text/html", rss(base, ["/page.html"]).encode(), 0, True),
        "/data.json": (200, "application/json", b'{"a": 1}', 0, True),
    })
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.base = base
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def opts() -> Options:
    return Options(http_timeout=1.0, http_max_bytes=1000)


@pytest.fixture(scope="session")
def tehran_sample(tmp_path_factory) -> Path:
    """~300 Tehran Times articles as JSONL.gz (the first 300 lines of the corpus)."""
    if not TEHRAN.is_file():
        pytest.skip("../shared/corpora/tehran-times.jsonl.gz is not present")
    path = tmp_path_factory.mktemp("tehran") / "tehran-300.jsonl.gz"
    with gzip.open(TEHRAN, "rb") as src, gzip.open(path, "wb") as dst:
        for n, line in enumerate(src):
            if n >= 300:
                break
            dst.write(line)
    return path


@pytest.fixture(scope="session")
def longest_tehran(tmp_path_factory) -> Path:
    """The 183,000-word Tehran Times article, alone in a JSONL file."""
    if not TEHRAN.is_file():
        pytest.skip("../shared/corpora/tehran-times.jsonl.gz is not present")
    path = tmp_path_factory.mktemp("long") / "longest.jsonl"
    with gzip.open(TEHRAN, "rb") as src:
        for line in src:
            if LONGEST_TEHRAN_ID.encode() in line[:80] and json.loads(line)["id"] == LONGEST_TEHRAN_ID:
                path.write_bytes(line)
                return path
    pytest.fail(f"{LONGEST_TEHRAN_ID} not found in the corpus")
