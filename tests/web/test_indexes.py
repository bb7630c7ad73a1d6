"""The indexes (/claims, /speakers, /articles) and search, page by page: 50 rows a page, every row once
across the pages, the sort choices, next and previous links, and bad pages or sorts a 422 like any bad
parameter. Over ``big_db``: the sample store plus EXTRA hand-made articles, speakers and known claims."""
from __future__ import annotations

import re

import pytest

from onrecord.store import Store
from onrecord.store.keys import speaker_key
from web.sample_store import EXTRA, SEED_ID, board

ROW = re.compile(r'<li><a href="([^"]+)">([^<]+)</a>')


def rows(html: str) -> list[tuple[str, str]]:
    """(href, text) of each row of the index on the page."""
    m = re.search(r'<ol class="list index [a-z]+" start="\d+">(.*?)</ol>', html, re.S)
    return ROW.findall(m.group(1)) if m else []


def link(html: str, rel: str) -> str | None:
    m = re.search(rf'<a rel="{rel}" href="([^"]+)">', html)
    return m.group(1).replace("&amp;", "&") if m else None


def walk(client, path: str) -> list[str]:
    """Every page of an index from ``path``, by its next links: the pages' HTML."""
    pages = [client.get(path).text]
    while (nxt := link(pages[-1], "next")) is not None:
        assert len(pages) < 10
        pages.append(client.get(nxt).text)
    return pages


def _stored_days(db) -> set[str]:
    with Store(db, readonly=True) as s:
        return {r["stored_at"][:10] for r in s.backend.rows("SELECT stored_at FROM articles")}


def test_claims_index_has_pages_of_fifty(big):
    first = big.get("/claims")
    assert first.status_code == 200 and "text/html" in first.headers["content-type"]
    assert len(rows(first.text)) == 50
    assert rows(first.text)[0] == (f"/claims/{board()[0]}", board()[1])     # most statements first
    assert link(first.text, "next") == "/claims?page=2" and link(first.text, "prev") is None
    second = big.get("/claims?page=2")
    assert 'start="51"' in second.text and link(second.text, "prev") == "/claims"
    assert link(second.text, "next") is None
    hrefs = [h for page in (first.text, second.text) for h, _ in rows(page)]
    assert len(hrefs) == len(set(hrefs)) == 4 + EXTRA                  # every claim once
    assert "fact-checked: False" in second.text                       # the known claims, no statement on them
    past = big.get("/claims?page=3")
    assert past.status_code == 200 and rows(past.text) == [] and "Nothing on page 3" in past.text
    assert link(past.text, "prev") == "/claims?page=2"


def test_claims_sort_by_latest_keeps_undated_undated(big, paging_db):
    pages = walk(big, "/claims?sort=latest")
    assert len(pages) == 2 and link(pages[0], "next") == "/claims?sort=latest&page=2"
    latest = [d for p in pages for d in re.findall(r"latest article <time>([^<]+)</time>", p)]
    assert len(latest) == 4 and sum(p.count("no statement on it yet") for p in pages) == EXTRA
    dated = [d for d in latest if d != "undated"]
    assert dated and dated == sorted(dated, reverse=True) and latest[:len(dated)] == dated   # then the undated
    assert not _stored_days(paging_db) & set(latest)                  # never the store's time as a date
    assert '<strong aria-current="true">latest</strong>' in pages[0]
    assert '<a href="/claims">most statements</a>' in pages[0]
    assert [t for _, t in rows(pages[-1])][-1].startswith("Paging claim")   # no statement on them: last


def test_articles_index_sorts_and_pages(big, paging_db):
    newest = walk(big, "/articles")
    assert [len(rows(p)) for p in newest] == [50, 4 + EXTRA - 50]
    dates = [d for p in newest for d in re.findall(r"<time>([^<]+)</time>", p)]
    dated = [d for d in dates if d != "undated"]
    assert dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated    # undated last
    assert dates.count("undated") == 1 + EXTRA // 3                                 # the seed and every third
    assert f'<a href="/articles/{SEED_ID}">' in "".join(newest)
    assert not any(day in p for p in newest for day in _stored_days(paging_db))
    oldest = walk(big, "/articles?sort=oldest")
    assert rows(oldest[0])[0][0] == "/articles/wikinews-2019-006"                  # published 2019-01-07
    assert link(oldest[0], "next") == "/articles?sort=oldest&page=2"
    most = walk(big, "/articles?sort=statements")
    counts = [int(n) for p in most for n in re.findall(r"· (\d+) statements?</span>", p)]
    assert len(counts) == 4 + EXTRA and counts == sorted(counts, reverse=True)
    assert {h for p in newest for h, _ in rows(p)} == {h for p in most for h, _ in rows(p)}


def test_speakers_index_lists_who_spoke(big):
    pages = walk(big, "/speakers")
    names = [t for p in pages for _, t in rows(p)]
    assert len(pages) == 2 and len(names) == len(set(names)) > 50
    counts = [int(n) for p in pages for n in re.findall(r"· (\d+) statements? in", p)]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 1   # no one only ever mentioned
    assert names[0] == "Nasser Kanaani"
    by_name = [t for p in walk(big, "/speakers?sort=name") for _, t in rows(p)]
    assert sorted(by_name) == sorted(names)
    assert [speaker_key(n) for n in by_name] == sorted(speaker_key(n) for n in by_name)
    assert big.get("/speakers?sort=name").text.count('<a rel="next" href="/speakers?sort=name&amp;page=2">') == 1


def test_search_pages_past_fifty(big):
    first = big.get("/search?q=paging")
    assert first.text.count('<li class="statement">') == 50 and "narrow the search" not in first.text
    assert link(first.text, "next") == "/search?q=paging&page=2"
    assert "<h2>Speakers</h2>" in first.text and "<h2>Claims</h2>" in first.text
    second = big.get("/search?q=paging&page=2")
    assert second.text.count('<li class="statement">') == EXTRA - 50
    assert link(second.text, "prev") == "/search?q=paging" and link(second.text, "next") is None
    assert "<h2>Speakers</h2>" not in second.text and "page 2" in second.text   # the statements only
    quotes = re.findall(r"<blockquote>row (\d+) of the paging test", first.text + second.text)
    assert sorted(map(int, quotes)) == list(range(1, EXTRA + 1))
    assert "Nothing on page 3" in big.get("/search?q=paging&page=3").text


@pytest.mark.parametrize("path", ["/claims?page=0", "/claims?page=-1", "/speakers?page=abc", "/articles?page=1.5",
                                  "/search?q=drones&page=0", "/claims?sort=name", "/speakers?sort=latest",
                                  "/articles?sort=", f"/articles?page={10**13}"])
def test_bad_pages_and_sorts_are_422_pages(client, path):
    response = client.get(path)
    assert response.status_code == 422 and "text/html" in response.headers["content-type"]
    assert 'data-code="E510"' in response.text


def test_one_page_has_no_pager(client):
    html = client.get("/claims").text
    assert len(rows(html)) == 4 and 'class="pager"' not in html
    assert "/claims?page=" not in client.get("/articles").text


def test_home_and_header_link_to_the_indexes(client):
    html = client.get("/").text
    nav = re.search(r'<nav class="nav".*?</nav>', html, re.S).group(0)
    assert all(f'href="/{k}"' in nav for k in ("claims", "speakers", "articles"))
    for label, href in (("All claims", "/claims"), ("All speakers", "/speakers"), ("All articles", "/articles")):
        assert f'<a href="{href}">{label} →</a>' in html
    assert '<nav class="nav"' in client.get(f"/claims/{board()[0]}").text             # every page's header
