"""Fixtures for the web tests: the sample store (sample_store.py) behind a TestClient, and the same with
a second page of every index (``big_db``)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.app import ServerOptions, create_app
from onrecord.settings import Options
from web.sample_store import big_db, seed_db


@pytest.fixture(scope="session")
def sample_db():
    return seed_db()


@pytest.fixture
def client(sample_db) -> TestClient:
    return TestClient(create_app(ServerOptions(options=Options(db=str(sample_db)))),
                      raise_server_exceptions=False)


@pytest.fixture(scope="session")
def paging_db(tmp_path_factory):
    return big_db(tmp_path_factory.mktemp("paging") / "big.db")


@pytest.fixture
def big(paging_db) -> TestClient:
    """The sample store plus EXTRA articles, speakers and known claims: two pages of each index."""
    return TestClient(create_app(ServerOptions(options=Options(db=str(paging_db)))),
                      raise_server_exceptions=False)
