"""Fixtures shared by the whole suite: paths into ../shared and one loaded pipeline per session."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["databases"]     # SQLite and PostgreSQL databases for any test (tests/databases.py)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TXT = SHARED / "gold" / "mehr-iran-drones.txt"
SEED_GOLD = SHARED / "gold" / "mehr-iran-drones.gold.json"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from onrecord import load_pipeline
    return load_pipeline()
