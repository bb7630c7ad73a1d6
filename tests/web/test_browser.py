"""The pages in a real browser: Debian's chromium, driven by Playwright, against uvicorn on 127.0.0.1.

Skipped (with the reason) where /usr/bin/chromium is missing; CI installs it (.ci/run). Never run
`playwright install`: it downloads a browser build, which cannot work here.

Screenshots go to the test's tmp folder, and to ``$ONRECORD_SCREENSHOTS`` when set
(``ONRECORD_SCREENSHOTS=docs/screenshots pytest tests/web/test_browser.py`` refreshes the docs' ones).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from onrecord.app import ServerOptions, create_app
from onrecord.models import Article, Record, Statement
from onrecord.settings import Options
from onrecord.store import Store
from web.sample_store import EXTRA, SEED_ID, big_db, board, copy_db

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READ_TOKEN = "browser-read-token-41f0"
HOSTILE = 'The mayor said "<script>alert(1)</script>" and <a href="javascript:alert(2)">this</a> too.'

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is missing (apt-get install chromium; CI installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _hostile_record() -> Record:
    a = HOSTILE.index("<script>")
    b = HOSTILE.index("</script>") + len("</script>")
    return Record(article=Article(id="hostile", text=HOSTILE, title="<script>alert(3)</script>",
                                  url="javascript:alert(4)"),
                  statements=(Statement(id="s1", type="direct", act="assert", content=HOSTILE[a:b],
                                        content_span=(a, b), cue="said", cue_span=(10, 14),
                                        speaker_text="The mayor", speaker_span=(0, 9)),))


@contextmanager
def _serving(server: ServerOptions):
    """The app for ``server`` under uvicorn on 127.0.0.1 (a free port, in a thread): its base URL."""
    import uvicorn
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(server), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = copy_db(tmp_path_factory.mktemp("browser") / "b.db")
    with Store(db) as store:
        store.save(_hostile_record())
    with _serving(ServerOptions(options=Options(db=str(db)))) as base:
        yield base


@pytest.fixture(scope="module")
def closed_server(tmp_path_factory):
    """Over the sample store with a second page of every index; reads need READ_TOKEN."""
    db = big_db(tmp_path_factory.mktemp("browser-closed") / "big.db")
    with _serving(ServerOptions(options=Options(db=str(db)), read_token=READ_TOKEN)) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


def _shoot(pg, name: str, tmp_path: Path, full_page: bool = True) -> None:
    path = tmp_path / f"{name}.png"
    pg.screenshot(path=str(path), full_page=full_page)
    target = os.environ.get("ONRECORD_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(target) / f"{name}.png")


def _names(pg, stance: str) -> list[str]:
    return [t.strip() for t in pg.locator(f"section.column.{stance} .position .speaker").all_inner_texts()]


def test_claim_page_shows_three_columns_of_speakers(server, page, tmp_path):
    page.goto(f"{server}/claims/{board()[0]}")
    assert page.locator("h1").inner_text() == board()[1]
    headings = page.locator("section.column h2").all_inner_texts()
    assert [h.split()[0] for h in headings] == ["Supports", "Refutes", "Uncertain"]
    assert "Jake Sullivan" in _names(page, "supports")
    refutes = _names(page, "refutes")
    assert "Nasser Kanaani" in refutes and "Hossein Amir Abdollahian" in refutes and "Jake Sullivan" not in refutes
    assert any("Pentagon" in n for n in _names(page, "uncertain"))
    boxes = [page.locator(f"section.column.{s}").bounding_box() for s in ("supports", "refutes", "uncertain")]
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], "three columns side by side"
    assert abs(boxes[0]["y"] - boxes[2]["y"]) < 2
    sullivan = page.locator("section.column.supports .position", has_text="Jake Sullivan").first
    first = page.locator("section.column.supports .position").first
    assert first.locator("blockquote").inner_text().strip()
    assert first.locator(".where time").inner_text() and "Mehr News Agency" in first.locator(".where").inner_text()
    # one row a speaker; every statement (the latest shown, the earlier folded) is in the timeline once
    assert page.locator("section.column .position a.in-context").count() == page.locator(".timeline li li").count()
    _shoot(page, "claim", tmp_path)
    sullivan.locator("a.in-context").click()              # the quote in its article, at its statement
    page.wait_for_url(f"**/articles/{SEED_ID}#st-*")
    anchor = page.url.split("#")[1]
    card = page.locator(f"#card-{anchor[3:]}")
    assert "active" in card.get_attribute("class")
    assert "Jake Sullivan" in card.inner_text()


def test_claim_columns_stack_on_a_phone(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    pg = context.new_page()
    pg.goto(f"{server}/claims/{board()[0]}")
    boxes = [pg.locator(f"section.column.{s}").bounding_box() for s in ("supports", "refutes", "uncertain")]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"], "columns stacked"
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 + 1 for b in boxes)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling"
    _shoot(pg, "claim-phone", tmp_path, full_page=False)
    context.close()


def test_article_page_highlights_by_speaker(server, page, tmp_path):
    page.goto(f"{server}/articles/{SEED_ID}")
    marks = page.locator("#text mark.st:not(.out)")
    assert marks.count() >= 15
    legend = page.locator(".legend .chip").all_inner_texts()
    assert any("Nasser Kanaani" in c for c in legend) and any("Jake Sullivan" in c for c in legend)
    kanaani = page.locator('#text mark.st[title^="Nasser Kanaani"]:not(.out)').first
    other = page.locator('#text mark.st[title^="Jake Sullivan"]:not(.out)').first
    colour = kanaani.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour != other.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    cue = page.locator("#text mark.cue", has_text="rejected").first
    assert cue.evaluate("e => getComputedStyle(e).fontWeight") in ("700", "bold")
    assert "deny" in kanaani.get_attribute("title")
    kanaani.click()                                       # click: its statement card lights up
    st = kanaani.get_attribute("data-st")
    card = page.locator(f"#card-{st}")
    assert "active" in card.get_attribute("class")
    text = card.inner_text()
    assert "Nasser Kanaani" in text and "Speaker:" in text and "deny" in text
    assert "refutes" in text and board()[1] in text
    _shoot(page, "article", tmp_path, full_page=False)
    assert not page.dialogs


def test_speaker_page_filters(server, page, tmp_path):
    page.goto(f"{server}/speakers/nasser%20kanaani")
    assert page.locator("h1").inner_text() == "Nasser Kanaani"
    total = page.locator("li.statement").count()
    assert total >= 5
    page.select_option("select[name=act]", "deny")
    page.click(".filters button")
    page.wait_for_url("**act=deny**")
    denied = page.locator("li.statement")
    assert 0 < denied.count() < total
    assert all(t == "deny" for t in page.locator("li.statement .badge.act").all_inner_texts())
    page.goto(f"{server}/speakers/nasser%20kanaani")
    _shoot(page, "speaker", tmp_path)


def test_hostile_article_is_text_in_the_browser(server, page):
    page.goto(f"{server}/articles/hostile")
    page.wait_for_load_state("load")
    assert page.locator("#text").inner_text() == HOSTILE
    assert page.locator("h1").inner_text() == "<script>alert(3)</script>"
    assert page.locator("#text a, #text script, #text img").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.locator("#text mark.st").first.click()
    assert page.dialogs == [], "no script from the article ran"


def test_search_from_the_header(server, page):
    page.goto(server)
    page.fill("header input[name=q]", "drones")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=drones")
    assert page.locator("li.statement").count() > 3
    page.locator(f'a[href="/claims/{board()[0]}"]').first.click()
    page.wait_for_url(f"**/claims/{board()[0]}")


def test_no_page_scrolls_sideways(server, browser):
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 800})
        pg = context.new_page()
        for path in ("/", f"/claims/{board()[0]}", "/speakers/nasser%20kanaani", f"/articles/{SEED_ID}",
                     "/search?q=drones", "/claims", "/speakers", "/articles", "/login"):
            pg.goto(server + path)
            assert pg.evaluate("document.documentElement.scrollWidth") <= width, (width, path)
        context.close()


def test_sign_in_then_walk_the_claims_to_a_second_page(closed_server, page, tmp_path):
    page.goto(f"{closed_server}/claims")                  # reads need the token: the form, not the claims
    assert page.locator("h1").inner_text() == "Sign in"
    assert page.locator("ol.index li").count() == 0
    page.fill("input[name=token]", "not-the-token")
    page.click("form.login button")
    page.wait_for_load_state("load")
    assert "That is not the read token" in page.locator("main").inner_text()
    assert page.context.cookies() == []
    page.fill("input[name=token]", READ_TOKEN)
    _shoot(page, "login", tmp_path, full_page=False)
    page.click("form.login button")
    page.wait_for_url(f"{closed_server}/claims")           # back where it was asked for
    cookie = next(c for c in page.context.cookies() if c["name"] == "onrecord_read")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and READ_TOKEN not in cookie["value"]
    assert page.evaluate("document.cookie") == "", "scripts cannot read the cookie"
    assert page.locator("h1").inner_text() == "Claims"
    assert page.locator("ol.index > li").count() == 50
    first = page.locator("ol.index > li > a").all_inner_texts()
    assert first[0] == board()[1]
    _shoot(page, "claims", tmp_path)
    page.click("nav.pager a[rel=next]")
    page.wait_for_url("**/claims?page=2")
    second = page.locator("ol.index > li > a").all_inner_texts()
    assert len(second) == 4 + EXTRA - 50 and not set(first) & set(second)
    assert page.locator("nav.pager a[rel=next]").count() == 0
    page.click("nav.pager a[rel=prev]")
    page.wait_for_url(f"{closed_server}/claims")
    page.click("text=latest")                              # the other sort, from its first page
    page.wait_for_url("**/claims?sort=latest")
    assert page.locator(".sorts strong").inner_text() == "latest"
    page.click("header .nav >> text=Articles")
    page.wait_for_url(f"{closed_server}/articles")
    assert page.locator("ol.index > li").count() == 50
    page.click("form.signout button")                      # signing out closes the pages again
    page.wait_for_url(f"{closed_server}/login")
    page.goto(f"{closed_server}/claims")
    assert page.locator("h1").inner_text() == "Sign in"


def test_api_docs_render_offline(server, page):
    outside: list[str] = []

    def only_here(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    page.route("**/*", only_here)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/api/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert page.locator(".swagger-ui .info .title").inner_text().startswith("onrecord")
    assert page.locator(".opblock").count() >= 10
    page.locator(".opblock-summary", has_text="/api/statements").first.click()
    assert "speaker" in page.locator(".parameters").inner_text()
    assert outside == [] and errors == []
