"""Fixtures for the store tests: the sample records (see sample_records.py). The databases (``db``,
``any_db``, ``store``, ``pg_url``, ``pg_reader``: SQLite and a throwaway PostgreSQL cluster) are
tests/databases.py's, shared with the write path's tests."""
from __future__ import annotations

import pytest

from onrecord.models import Article, Record
from store.sample_records import SEED_TXT, TRUMP_ARTICLES, seed_record, trump_record, wikinews


@pytest.fixture(scope="session")
def seed() -> Record:
    return seed_record()


@pytest.fixture(scope="session")
def trump_records() -> list[Record]:
    return [trump_record(a) for a in wikinews(TRUMP_ARTICLES)]


@pytest.fixture(scope="session")
def analysed(pipeline, seed_text) -> list[Record]:
    """What analyze() makes of the seed and three Wikinews articles (statements may still be empty)."""
    from onrecord import analyze_many
    seed = Article(id="seed", text=seed_text, source=str(SEED_TXT), language="en")
    return list(analyze_many([seed, *wikinews(n=3)], pipeline))


@pytest.fixture
def full(store, seed, trump_records):
    """A store holding the hand-built seed and three Trump records: known contents, exact counts.

    (What analyze() finds changes while statement extraction is written, so analysed records are
    tested for storage and round-trip, not for counts.)"""
    for record in [seed, *trump_records]:
        assert store.save(record)
    return store
