"""Fixtures for the API tests: apps over the sample store (web/sample_store.py), read-only or writable."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.app import ServerOptions, create_app
from onrecord.settings import Options
from web.sample_store import copy_db, seed_db

TOKEN = "test-write-token-5f2c"
READ_TOKEN = "test-read-token-9a41"


def make_client(db, **server) -> TestClient:
    app = create_app(ServerOptions(options=Options(db=str(db)), **server))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def sample_db():
    return seed_db()


@pytest.fixture
def client(sample_db) -> TestClient:
    """Reads open, writes refused (no token configured)."""
    return make_client(sample_db)


@pytest.fixture
def writer(tmp_path) -> TestClient:
    """A copy of the sample store that accepts writes with TOKEN."""
    return make_client(copy_db(tmp_path / "w.db"), write_token=TOKEN)


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response, status: int, code: str) -> dict:
    """The one error shape: {"error": {"code", "message", "status"[, "details"]}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert {"code", "message", "status"} <= set(error) <= {"code", "message", "status", "details"}
    assert error["code"] == code and error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    return error
