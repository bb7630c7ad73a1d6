"""Writes need ONRECORD_TOKEN (refused when none is configured); reads are open unless ONRECORD_READ_TOKEN."""
from __future__ import annotations

from api.conftest import READ_TOKEN, TOKEN, assert_error, auth, make_client
from onrecord.app import ServerOptions

BODY = {"text": "The minister said on Tuesday that the talks would resume next week in Geneva."}


def test_writes_are_refused_without_a_configured_token(client):
    error = assert_error(client.post("/api/articles", json=BODY, headers=auth()), 403, "E514")
    assert "ONRECORD_TOKEN" in error["message"]


def test_writes_need_the_bearer_token(writer):
    response = writer.post("/api/articles", json=BODY)
    assert_error(response, 401, "E513")
    assert response.headers["www-authenticate"] == "Bearer"
    assert_error(writer.post("/api/articles", json=BODY, headers=auth("wrong")), 401, "E513")
    assert_error(writer.post("/api/articles", json=BODY, headers={"Authorization": TOKEN}), 401, "E513")


def test_auth_is_checked_before_the_body(writer):
    assert_error(writer.post("/api/articles", json={"nonsense": 1}), 401, "E513")


def test_reads_are_open_by_default(client):
    assert client.get("/api/articles").status_code == 200
    assert client.get("/").status_code == 200


def test_a_read_token_closes_reads(sample_db):
    closed = make_client(sample_db, read_token=READ_TOKEN, write_token=TOKEN)
    assert_error(closed.get("/api/articles"), 401, "E513")
    assert_error(closed.get("/api/statements", headers=auth("wrong")), 401, "E513")
    assert closed.get("/").status_code == 401                      # pages too
    assert closed.get("/api/articles", headers=auth(READ_TOKEN)).status_code == 200
    assert closed.get("/api/articles", headers=auth(TOKEN)).status_code == 200   # the writer reads too
    assert closed.get("/api/health").status_code == 200            # liveness stays open


def test_tokens_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ONRECORD_TOKEN", "w")
    monkeypatch.setenv("ONRECORD_READ_TOKEN", "r")
    server = ServerOptions.from_env()
    assert (server.write_token, server.read_token) == ("w", "r")
    monkeypatch.setenv("ONRECORD_TOKEN", "")
    monkeypatch.delenv("ONRECORD_READ_TOKEN")
    server = ServerOptions.from_env()
    assert (server.write_token, server.read_token) == (None, None)
