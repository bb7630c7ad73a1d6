"""The pages as served: claim board, speaker, article (highlighted, escaped), search, errors."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from onrecord.app import ServerOptions, create_app
from onrecord.models import Article, Entity, Record, Statement
from onrecord.settings import Options
from onrecord.store import Store
from web.sample_store import SEED_ID, board


class Outline(HTMLParser):
    """The tags (with attributes) and text of a page, to check what a reader sees."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _column(html: str, stance: str) -> str:
    m = re.search(rf'<section class="column {stance}".*?</section>', html, re.S)
    assert m, stance
    return m.group(0)


def test_every_page_is_readable_on_a_phone(client):
    for path in ("/", f"/claims/{board()[0]}", "/speakers/nasser kanaani", f"/articles/{SEED_ID}",
                 "/search?q=drones", "/nowhere"):
        html = client.get(path).text
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html, path
        assert '<link rel="stylesheet" href="/static/style.css">' in html
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "@media (max-width" in css.text


def test_claim_page_has_three_columns_with_the_right_speakers(client):
    response = client.get(f"/claims/{board()[0]}")
    assert response.status_code == 200
    html = response.text
    assert board()[1] in html
    supports, refutes, uncertain = (_column(html, s) for s in ("supports", "refutes", "uncertain"))
    assert "Jake Sullivan" in supports and "Kanaani" not in supports
    assert "Nasser Kanaani" in refutes and "Hossein Amir Abdollahian" in refutes and "Sullivan" not in refutes
    assert "national security advisor" in supports                # the speaker's title in that article
    assert "Pentagon" in uncertain
    links = re.findall(r'class="in-context" href="([^"]+)"', html)
    assert links and all(re.fullmatch(rf"/articles/{SEED_ID}#st-[\w-]+", link) for link in links)
    assert '<section class="timeline">' in html


def test_claim_page_has_one_row_a_speaker_with_earlier_statements_folded(client):
    html = client.get(f"/claims/{board()[0]}").text
    refutes = _column(html, "refutes")
    rows = re.findall(r'<article class="position">.*?</article>', refutes, re.S)
    speakers = [re.search(r'class="speaker"[^>]*>([^<]+)<', r).group(1) for r in rows]
    assert len(speakers) == len(set(speakers))                   # no speaker twice in a column
    folded = [r for r in rows if '<details class="earlier">' in r]
    n_links = len(re.findall(r'class="in-context"', refutes))
    assert n_links == len(rows) + sum(len(re.findall(r"<li>", r)) for r in folded)
    assert folded, "a speaker with several statements has them folded under the latest"


def test_claim_links_land_on_statement_anchors(client):
    html = client.get(f"/claims/{board()[0]}").text
    article = client.get(f"/articles/{SEED_ID}").text
    for anchor in re.findall(r'class="in-context" href="[^"#]+#([^"]+)"', html):
        assert f'id="{anchor}"' in article


def test_article_page_highlights_statements_by_speaker(client):
    html = client.get(f"/articles/{SEED_ID}").text
    page = Outline(html)
    marks = [a for t, a in page.tags if t == "mark"]
    assert marks and all(a["data-st"] for a in marks)
    colours = {a["data-st"]: re.search(r"sp-(\d)", a["class"]).group(1) for a in marks if " out" not in a["class"]}
    assert len(set(colours.values())) > 3
    assert any("cue" in a["class"].split() for a in marks)
    assert any("Nasser Kanaani" in a["title"] and "deny" in a["title"] for a in marks)
    legend = re.search(r'<div class="legend".*?</div>', html, re.S).group(0)
    assert "Nasser Kanaani" in legend and "Jake Sullivan" in legend
    cards = [a for t, a in page.tags if t == "div" and a.get("class", "").startswith("card ")]
    assert {c["id"] for c in cards} == {f"card-{m['data-st']}" for m in marks}
    assert "Speaker: “The spokesman for the Iranian Foreign Ministry” → Nasser Kanaani" in html
    assert f'href="/claims/{board()[0]}">refutes</a>' in html
    assert '<script src="/static/article.js"></script>' in html
    assert client.get("/static/article.js").status_code == 200


def test_speaker_page_lists_statements_and_filters(client):
    html = client.get("/speakers/nasser kanaani").text
    assert "<h1>Nasser Kanaani</h1>" in html
    all_count = html.count('<li class="statement">')
    assert all_count >= 5
    denied = client.get("/speakers/nasser kanaani?act=deny").text
    assert 0 < denied.count('<li class="statement">') < all_count
    assert '<option value="deny" selected>' in denied
    on_claim = client.get(f"/speakers/nasser kanaani?claim={board()[0]}").text
    assert 0 < on_claim.count('<li class="statement">') < all_count
    assert f'<option value="{board()[0]}" selected>' in on_claim
    assert client.get("/speakers/nasser kanaani?act=promise").text.count('<li class="statement">') == 0


def test_search_finds_statements_speakers_and_claims(client):
    html = client.get("/search?q=drones").text
    assert board()[1] in html and html.count('<li class="statement">') > 3
    assert 'href="/speakers/nasser%20kanaani"' in client.get("/search?q=kanaani").text
    assert "No statement matches" in client.get("/search?q=zzyzx").text
    assert client.get("/search?q=").status_code == 200


def test_home_lists_claims_speakers_articles(client):
    html = client.get("/").text
    assert board()[1] in html and "Nasser Kanaani" in html and f'href="/articles/{SEED_ID}"' in html
    assert "not linked into these claims" not in html                    # the sample store is linked


HOSTILE = ('The mayor said "<script>alert(1)</script> is fine" and linked '
           '<a href="javascript:alert(2)">here</a> <img src=x onerror=alert(3)> & more.')


def test_hostile_article_is_shown_as_text(tmp_path):
    a = HOSTILE.index("<script>")
    b = HOSTILE.index(" is fine") + len(" is fine")
    w = HOSTILE.index("The mayor")
    record = Record(
        article=Article(id="hostile", text=HOSTILE, title="<script>alert(4)</script>",
                        outlet="<b>Outlet</b>", url="javascript:alert(5)", author='"><script>x</script>'),
        entities=(Entity("e1", "<i>Mayor</i> Smith", "person", titles=("<script>t</script>",)),),
        statements=(Statement(id='s"1', type="direct", act="assert", content=HOSTILE[a:b], content_span=(a, b),
                              cue="said", cue_span=(10, 14), speaker="e1", speaker_text=HOSTILE[w:w + 9],
                              speaker_span=(w, w + 9)),))
    db = tmp_path / "h.db"
    with Store(db) as store:
        store.save(record)
    client = TestClient(create_app(ServerOptions(options=Options(db=str(db)))))
    html = client.get("/articles/hostile").text
    assert "<script>alert" not in html and "<script>x" not in html and "<script>t" not in html
    assert 'href="javascript:' not in html and "<img" not in html and "<i>Mayor" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;a href=&#34;javascript:alert(2)&#34;&gt;here&lt;/a&gt;" in html
    assert "javascript:alert(5)" in html and 'href="javascript:alert(5)"' not in html
    page = Outline(html)
    scripts = [a for t, a in page.tags if t == "script"]
    assert scripts == [{"src": "/static/article.js"}]
    assert all(not k.startswith("on") for _, attrs in page.tags for k in attrs)
    hrefs = [a["href"] for t, a in page.tags if t == "a" and "href" in a]
    assert all(h.startswith(("/", "#", "http")) for h in hrefs)
    joined = "".join(page.text)
    assert HOSTILE in joined                       # the reader sees the text exactly as written
    search = client.get("/search?q=mayor").text
    assert "<script>alert" not in search and "&lt;script&gt;alert(1)" in search
    home = client.get("/").text                      # stored without the write path: shown, not linked
    assert "1 stored article(s) not linked into these claims yet" in home and "No claims stored yet" in home


def test_page_errors_are_pages(client):
    response = client.get("/articles/nope")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert 'data-code="E202"' in response.text and "nope" in response.text
    assert client.get("/speakers/nobody here").status_code == 404
