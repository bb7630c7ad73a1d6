"""POST /api/articles on real text (Wikinews): plain text, HTML, and a URL served on 127.0.0.1."""
from __future__ import annotations

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from api.conftest import assert_error, auth
from web.sample_store import WIKINEWS_IDS

WIKINEWS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "wikinews.jsonl"


def wikinews(n: int) -> list[dict]:
    if not WIKINEWS.is_file():
        pytest.skip("../shared is not present")
    out = []
    with WIKINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] not in WIKINEWS_IDS and '"' in d["text"]:
                out.append(d)
            if len(out) == n:
                return out
    return out


def as_html(d: dict) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in d["text"].split("\n") if p.strip())
    return (f"<!doctype html><html><head><title>{html.escape(d['title'])}</title>"
            f'<meta property="og:site_name" content="Wikinews"></head><body><nav>Main page</nav>'
            f"<article><h1>{html.escape(d['title'])}</h1>{paragraphs}</article></body></html>")


def test_post_text_analyses_and_stores(writer):
    d = wikinews(1)[0]
    body = {"text": d["text"], "title": d["title"], "url": d["url"], "published": d["published"],
            "outlet": d["outlet"], "license": d["license"]}
    response = writer.post("/api/articles", json=body, headers=auth())
    assert response.status_code == 201, response.text
    [made] = response.json()["articles"]
    assert made["stored"] is True and made["statements"] > 0
    record = writer.get(made["links"]["record"]).json()
    assert record["article"]["text"] == d["text"]
    assert record["article"]["title"] == d["title"] and record["article"]["published"] == d["published"]
    assert len(record["statements"]) == made["statements"]
    assert writer.get(made["links"]["page"]).status_code == 200
    assert writer.get("/api/stats").json()["articles_unlinked"] == 0     # the write path linked it
    again = writer.post("/api/articles", json=body, headers=auth())
    assert again.status_code == 200 and again.json()["articles"][0] == {**made, "stored": False}


def test_post_text_without_id_gets_a_stable_one(writer):
    text = wikinews(2)[1]["text"]
    first = writer.post("/api/articles", json={"text": text}, headers=auth()).json()["articles"][0]
    assert first["id"].startswith("api-")
    again = writer.post("/api/articles", json={"text": text, "id": "other"}, headers=auth()).json()
    assert again["articles"][0]["id"] == first["id"] and again["articles"][0]["stored"] is False


def test_post_html_extracts_the_body(writer):
    d = wikinews(3)[2]
    response = writer.post("/api/articles", json={"html": as_html(d), "id": "html-test"}, headers=auth())
    assert response.status_code == 201, response.text
    record = writer.get("/api/articles/html-test").json()
    assert record["article"]["title"] == d["title"]
    longest = max(d["text"].split("\n"), key=len)[:100]
    assert longest in record["article"]["text"] and "Main page" not in record["article"]["text"]


@pytest.fixture
def site():
    d = wikinews(4)[3]
    page = as_html(d).encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path != "/story":
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", d
    server.shutdown()
    server.server_close()


def test_post_url_fetches_the_page(writer, site):
    base, d = site
    response = writer.post("/api/articles", json={"url": f"{base}/story"}, headers=auth())
    assert response.status_code == 201, response.text
    [made] = response.json()["articles"]
    assert made["url"] == f"{base}/story" and made["title"] == d["title"]
    assert writer.get(made["links"]["record"]).json()["article"]["url"] == f"{base}/story"


def test_post_url_that_fails_is_a_502(writer, site):
    base, _ = site
    error = assert_error(writer.post("/api/articles", json={"url": f"{base}/missing"}, headers=auth()),
                         502, "E104")
    assert "404" in error["message"]


@pytest.mark.parametrize("body, status, code", [
    ({"text": "   \n  "}, 422, "E101"),
    ({"text": "a", "html": "<p>b</p>"}, 422, "E510"),
    ({}, 422, "E510"),
    ({"title": "no text"}, 422, "E510"),
    ({"text": "Some text.", "colour": "red"}, 422, "E510"),
    ({"url": "javascript:alert(1)"}, 422, "E510"),
    ({"url": "file:///etc/passwd"}, 422, "E510"),
    ({"html": "<html><body><nav>Home</nav></body></html>"}, 422, "E103"),
])
def test_bad_bodies(writer, body, status, code):
    assert_error(writer.post("/api/articles", json=body, headers=auth()), status, code)


def test_a_body_that_is_not_json(writer):
    response = writer.post("/api/articles", content=b"{not json", headers={**auth(),
                                                                          "Content-Type": "application/json"})
    assert_error(response, 422, "E510")


def test_post_is_written_by_the_one_write_path_in_the_writers_turn(writer, monkeypatch):
    from onrecord import batch
    calls = []

    def write(items, store, options, pipeline=None, progress=None):
        calls.append({"locked": writer.app.state.onrecord._writing.locked(), "readonly": store.readonly,
                      "workers": options.workers, "pipeline": pipeline is not None, "ids": [i.id for i in items]})
        return batch.Summary(stored=1, saved=[batch.Saved("made-here", "h", True, "T", None, 2, 1)], linked=1)

    monkeypatch.setattr(batch, "write", write)
    response = writer.post("/api/articles", json={"text": "The minister said the talks would resume.", "id": "t1"},
                           headers=auth())
    assert response.status_code == 201, response.text
    assert calls == [{"locked": True, "readonly": False, "workers": 1, "pipeline": True, "ids": ["t1"]}]
    assert response.json() == {"articles": [{
        "id": "made-here", "stored": True, "title": "T", "url": None, "statements": 2, "claims": 1,
        "links": {"record": "/api/articles/made-here", "page": "/articles/made-here"}}], "skipped": []}


def test_post_text_with_stray_nuls_is_stored_and_flagged(writer):
    # issue 15, item 7: as in a text file or a JSONL line (it was a 422)
    d = wikinews(3)[2]
    text = d["text"].replace(". ", ".\x00 ", 2)
    response = writer.post("/api/articles", json={"text": text, "id": "nul-1"}, headers=auth())
    assert response.status_code == 201, response.text
    article = writer.get(response.json()["articles"][0]["links"]["record"]).json()["article"]
    assert "nul-bytes" in article["flags"] and "\x00" not in article["text"]
