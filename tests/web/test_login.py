"""Signing in a browser where reads need ONRECORD_READ_TOKEN (web/login.py, server/deps.py): the form,
the cookie (HttpOnly, SameSite=Strict, an HMAC of the token, never the token), the pages and the API's
reads with it, the API's writes still only with the bearer header, and signing out."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from onrecord.app import ServerOptions, create_app
from onrecord.server.deps import READ_COOKIE, cookie_value
from onrecord.settings import Options
from web.sample_store import SEED_ID, board

READ = "web-read-token-7c1d"
WRITE = "web-write-token-2e8b"


@pytest.fixture
def closed(sample_db) -> TestClient:
    """Reads need READ (or WRITE); writes WRITE."""
    app = create_app(ServerOptions(options=Options(db=str(sample_db)), read_token=READ, write_token=WRITE))
    return TestClient(app, raise_server_exceptions=False)


def sign_in(client: TestClient, token: str, back: str = "/"):
    return client.post("/login", data={"token": token, "next": back}, follow_redirects=False)


def test_a_page_asks_to_sign_in_and_comes_back(closed):
    response = closed.get("/claims?sort=latest&page=2")
    assert response.status_code == 401 and "text/html" in response.headers["content-type"]
    assert response.headers["www-authenticate"] == "Bearer"
    html = response.text
    assert '<form class="login" action="/login" method="post">' in html and 'type="password" name="token"' in html
    assert '<input type="hidden" name="next" value="/claims?sort=latest&amp;page=2">' in html
    assert 'data-code="E513"' in html
    form = closed.get("/login?next=/speakers")
    assert form.status_code == 200 and 'name="next" value="/speakers"' in form.text


def test_a_wrong_token_is_refused(closed):
    for token in ("wrong", "", READ + "x", READ[:-1], cookie_value(READ)):
        response = sign_in(closed, token)
        assert response.status_code == 401, token
        assert "set-cookie" not in response.headers
        assert "That is not the read token" in response.text and '<form class="login"' in response.text
    assert closed.get("/").status_code == 401
    assert not closed.cookies


def test_the_right_token_sets_the_cookie_then_pages_load(closed):
    response = sign_in(closed, READ, "/claims?page=1")
    assert response.status_code == 303 and response.headers["location"] == "/claims?page=1"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{READ_COOKIE}={cookie_value(READ)};")
    attrs = {a.strip().split("=")[0].lower() for a in cookie.split(";")[1:]}
    assert {"httponly", "path", "samesite"} <= attrs and "samesite=strict" in cookie.lower()
    assert "max-age" not in attrs and "expires" not in attrs            # for the browser's session
    assert "secure" not in attrs                                        # plain http here: https would add it
    assert READ not in cookie                                           # an HMAC of the token, not the token
    for path in ("/", "/claims", "/speakers", "/articles", f"/claims/{board()[0]}", f"/articles/{SEED_ID}",
                 "/speakers/nasser kanaani", "/search?q=drones"):
        page = closed.get(path)
        assert page.status_code == 200, path
    assert '<form class="signout" action="/logout" method="post">' in closed.get("/").text
    assert closed.get("/login?next=/articles", follow_redirects=False).headers["location"] == "/articles"


def test_the_write_token_signs_in_too(closed):
    assert sign_in(closed, WRITE).status_code == 303
    assert closed.get("/claims").status_code == 200


def test_the_api_reads_with_the_cookie_but_writes_need_the_header(closed):
    assert closed.get("/api/articles").status_code == 401
    sign_in(closed, READ)
    listing = closed.get("/api/articles")
    assert listing.status_code == 200 and listing.json()["items"]
    assert closed.get(f"/api/claims/{board()[0]}").status_code == 200
    refused = closed.post("/api/articles", json={"text": "The minister said the talks would resume."})
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "E513"


def test_the_api_still_answers_json_401s(closed):
    response = closed.get("/api/statements")
    assert response.status_code == 401 and response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == "E513" and "/login" in response.json()["error"]["message"]


@pytest.mark.parametrize("cookie", ["", "x", cookie_value("another-token"), READ, cookie_value(READ).upper(),
                                    cookie_value(READ)[:-1]])
def test_a_forged_cookie_opens_nothing(closed, cookie):
    closed.cookies.set(READ_COOKIE, cookie)
    assert closed.get("/").status_code == 401
    assert closed.get("/api/articles").status_code == 401


def test_a_cookie_from_an_old_token_opens_nothing(sample_db, closed):
    sign_in(closed, READ)
    changed = create_app(ServerOptions(options=Options(db=str(sample_db)), read_token="a-new-token"))
    again = TestClient(changed, raise_server_exceptions=False, cookies=dict(closed.cookies))
    assert again.get("/").status_code == 401


@pytest.mark.parametrize("back", ["https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)",
                                  "evil", "/login", "/logout", ""])
def test_signing_in_never_leaves_the_site(closed, back):
    assert sign_in(closed, READ, back).headers["location"] == "/"


def test_sign_out(closed):
    sign_in(closed, READ)
    assert closed.get("/").status_code == 200
    response = closed.post("/logout", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert re.search(rf'{READ_COOKIE}=""?;.*Max-Age=0', response.headers["set-cookie"], re.I)
    assert closed.get("/").status_code == 401
    sign_in(closed, READ)
    assert closed.get("/logout").status_code == 200 and closed.get("/").status_code == 401   # GET, to the form


def test_with_reads_open_there_is_nothing_to_sign_in_to(client):
    assert client.get("/login?next=/claims", follow_redirects=False).headers["location"] == "/claims"
    response = sign_in(client, "anything", "/speakers")
    assert response.headers["location"] == "/speakers" and "set-cookie" not in response.headers
    assert "signout" not in client.get("/").text


def test_an_oversized_form_is_refused(closed):
    response = closed.post("/login", content=b"token=" + b"x" * 10_000,
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and 'data-code="E515"' in response.text
