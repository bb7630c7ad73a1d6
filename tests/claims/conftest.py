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


@pytest.fixture(scope="session")
def tehran_times(shared):
    """Tehran Times articles (CC BY 4.0) by id, read from ``../shared/corpora`` at run time."""
    import gzip
    import json
    path = shared / "corpora" / "tehran-times.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is not present")

    def get(*ids: str) -> list[dict]:
        want, found = {f'"id": "{i}"' for i in ids}, {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if any(w in line for w in want):
                    d = json.loads(line)
                    found[d["id"]] = d
                    if len(found) == len(ids):
                        break
        return [found[i] for i in ids]
    return get
