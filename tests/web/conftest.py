"""Fixtures for the web tests: the sample store (sample_store.py) behind a TestClient."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.app import ServerOptions, create_app
from onrecord.settings import Options
from web.sample_store import seed_db


@pytest.fixture(scope="session")
def sample_db():
    return seed_db()


@pytest.fixture
def client(sample_db) -> TestClient:
    return TestClient(create_app(ServerOptions(options=Options(db=str(sample_db)))),
                      raise_server_exceptions=False)
