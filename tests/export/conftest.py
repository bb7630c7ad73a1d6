"""Fixtures for the export tests: the sample store (web/sample_store.py), opened read-only by convention."""
from __future__ import annotations

import pytest

from onrecord.store import Store
from web.sample_store import seed_db


@pytest.fixture(scope="session")
def sample_db():
    return seed_db()


@pytest.fixture
def store(sample_db):
    with Store(sample_db) as s:
        yield s
