"""Fixtures for the claims tests: the seed's record (analysed once) and a shared encoder."""
from __future__ import annotations

import pytest

from onrecord import claims

needs_encoder = pytest.mark.skipif(not claims.available(), reason="sentence encoder not installed")


@pytest.fixture(scope="session")
def encode():
    if not claims.available():
        pytest.skip("sentence encoder not installed")
    from onrecord.claims.embed import encode
    return encode


@pytest.fixture(scope="session")
def seed_record(pipeline, seed_text):
    from onrecord import Article, analyze
    return analyze(Article(id="tehrantimes-478273", text=seed_text, source="mehr-iran-drones.txt",
                           outlet="Tehran Times", published="2022-11-01"), pipeline)
