"""batch.linking: claims linked across articles at scale: each claim's vector stored with it (migration 3), and the
vectorised index (claims/index.py) deciding exactly as the old per-claim code did (old_linking.py)."""
from __future__ import annotations

import gzip
import json
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from batch import old_linking
from onrecord.batch import linking
from onrecord.claims import index as claim_index
from onrecord.claims.index import ClaimIndex, day_ordinal
from onrecord.claims.linking import LinkConfig, names_fit
from onrecord.models import Article, Claim, Record, Stance
from onrecord.store import Store, schema
from onrecord.store.vectors import centroid_of
from store.sample_records import SHARED

DIM = 384
NAMES = ("Tehran", "Moscow", "Kyiv", "Washington", None)


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def refuse(texts):
    raise AssertionError(f"the encoder was called for {len(texts)} text(s)")


def lookup(records):
    """An encode function giving each claim text the vector its record carries (bit for bit)."""
    table = {c.text: c.vector for r in records for c in r.claims if c.vector is not None}

    def encode(texts):
        encode.calls.append(list(texts))
        return np.stack([table[t] for t in texts]) if texts else np.zeros((0, DIM), np.float32)
    encode.calls = []
    return encode


def without_vectors(record: Record) -> Record:
    """The record as read back from JSON (JSONL, Parquet): no claim vectors."""
    return Record.from_dict(record.to_dict())


def dump(store: Store) -> tuple[list[dict], list[dict]]:
    """Everything linking decided: the global claims and every member, in order."""
    g = store.backend.rows("SELECT id, text, polarity, origin, n_claims, first_date, last_date, vector "
                           "FROM global_claims ORDER BY id")
    m = store.backend.rows("SELECT global_id, article_id, claim_id, statement_id, speaker, stance, similarity, "
                           "via FROM claim_members ORDER BY pk")
    return g, m


def assert_same_links(got, want, exact: bool = True) -> None:
    """Identical decisions; with ``exact``, identical similarities and centroids too, else close ones
    (encoding the same text in another batch moves a vector by up to ~1e-3 under bfloat16)."""
    (g1, m1), (g2, m2) = got, want
    strip = ("vector",) if not exact else ()
    assert [{k: v for k, v in r.items() if k not in strip} for r in g1] == \
           [{k: v for k, v in r.items() if k not in strip} for r in g2]
    if exact:
        assert m1 == m2
        return
    assert [{k: v for k, v in r.items() if k != "similarity"} for r in m1] == \
           [{k: v for k, v in r.items() if k != "similarity"} for r in m2]
    assert np.allclose([r["similarity"] for r in m1], [r["similarity"] for r in m2], atol=5e-3)
    for a, b in zip(g1, g2):
        assert np.allclose(json.loads(a["vector"]), json.loads(b["vector"]), atol=5e-3)


# -- synthetic claims: clusters of unit vectors, names that may not fit, dates years apart -------------

def synthetic_records(n_articles: int = 60, per_article: int = 5, seed: int = 7) -> list[Record]:
    """Articles in id order, so that undated ones link in the same order in every store (pending()
    orders them by stored_at, to the second, then by id)."""
    rng = np.random.default_rng(seed)
    centers = unit(rng.standard_normal((10, DIM)))
    records = []
    for a in range(n_articles):
        day = None if a % 9 == 4 else (date(2019, 1, 1) + timedelta(days=int(a * 97 % 1600))).isoformat()
        claims = []
        for c in range(per_article):
            z = int(rng.integers(len(centers)))
            vec = unit(centers[z] + rng.uniform(0.45, 1.0) * rng.standard_normal(DIM) / np.sqrt(DIM))
            name = NAMES[int(rng.integers(len(NAMES)))]
            text = f"officials said {name or 'someone'} would act on matter {z}, point {a}.{c}"
            claims.append(Claim(id=f"claim-{a}-{c}", text=text, polarity="positive", vector=vec,
                                stances=(Stance(statement=f"s{c}", speaker=None, stance="supports"),
                                         Stance(statement=f"t{c}", speaker="e1", stance="refutes"))))
        text = f"Synthetic article {a}. " + " ".join(c.text for c in claims)
        records.append(Record(article=Article(id=f"synthetic-{a:03d}", text=text, published=day, language="en"),
                              claims=tuple(claims), pipeline="synthetic/1"))
    return records


def _saved(store: Store, records) -> Store:
    for r in records:
        assert store.save(r)
    return store


# -- a database from before the stored vector -----------------------------------------------------

def test_a_database_from_before_migration_3_gets_the_column_and_its_claims_still_link(any_db, tmp_path,
                                                                                        monkeypatch):
    from onrecord.store import is_postgres, write
    if is_postgres(any_db):
        from onrecord.store.postgres import PostgresBackend as Backend
    else:
        from onrecord.store.sqlite import SQLiteBackend as Backend
    records = synthetic_records(n_articles=6)
    backend = Backend(str(any_db))
    backend.migrate(schema.MIGRATIONS[:2])                           # a database made before migration 3
    with monkeypatch.context() as m:
        m.setattr(schema, "RECORD_TABLES", (schema.ENTITIES, schema.STATEMENTS, schema.CLAIMS, schema.STANCES))
        for r in records:
            assert write.save(backend, r)
    backend.close()
    encode = lookup(records)
    with Store(any_db) as store:
        assert store.backend.schema_version() >= 3
        assert store.record(records[0].article.id).claims[0].vector is None
        assert linking.link(store, encode) == len(records)
        assert sorted(t for call in encode.calls for t in call) == sorted(c.text for r in records for c in r.claims)
        assert len(encode.calls) == 1                               # one batch for the chunk
        got = dump(store)
    with Store(tmp_path / "reference.db") as ref:
        old_linking.link_pending(_saved(ref, [without_vectors(r) for r in records]), lookup(records))
        assert_same_links(got, dump(ref))


# -- the encoder is not needed when every claim has its vector ----------------------------------------

def test_the_encoder_is_not_loaded_when_every_claim_has_its_vector(store, monkeypatch):
    import onrecord.claims.embed as embed

    def no_model():
        raise AssertionError("the encoder was loaded")
    monkeypatch.setattr(embed, "encoder", no_model)
    records = synthetic_records(n_articles=8)
    _saved(store, records)
    assert linking.link(store) == len(records)                # the default encode, never called
    assert store.backend.scalar("SELECT COUNT(*) FROM claim_members") == 2 * sum(len(r.claims) for r in records)
    more = synthetic_records(n_articles=3, seed=8)
    _saved(store, [replace(r, article=replace(r.article, id=r.article.id + "b", text=r.article.text + " b"))
                   for r in more])
    assert linking.link(store, refuse) == 3                   # a failing encode: never called either


def test_a_record_without_vectors_still_links(store, tmp_path):
    records = synthetic_records(n_articles=20)
    mixed = [without_vectors(r) if i % 3 == 0 else r for i, r in enumerate(records)]
    encode = lookup(records)
    _saved(store, mixed)
    assert linking.link(store, encode, chunk=8) == len(records)
    missing = [c.text for r in mixed if r.claims and r.claims[0].vector is None for c in r.claims]
    assert sorted(t for call in encode.calls for t in call) == sorted(missing)
    assert len(encode.calls) == 3                                   # one batch per chunk of 8 articles
    with Store(tmp_path / "all-vectors.db") as ref:
        linking.link(_saved(ref, records), refuse)
        assert_same_links(dump(store), dump(ref))


# -- the new index decides as the old code did --------------------------------------------------------

def _known_rows(rng) -> list[dict]:
    """A few global claims already stored: known (fact-checked) ones, which are never joined, and
    extracted ones with last dates, one unknown."""
    rows = []
    centers = unit(np.random.default_rng(7).standard_normal((10, DIM)))  # synthetic_records' clusters
    for i, z in enumerate((0, 3, 5)):
        rows.append({"id": f"kc-{i}", "text": f"Known claim about matter {z}", "origin": "known", "n_claims": 0,
                     "last_date": None, "vector": json.dumps([round(float(x), 6) for x in centers[z]])})
    for i, (z, day) in enumerate(((1, "2018-03-01"), (2, None), (4, "2023-06-30"))):
        v = unit(centers[z] + 0.7 * rng.standard_normal(DIM) / np.sqrt(DIM))
        rows.append({"id": f"gc-old-{i}", "text": f"officials said Tehran would act on matter {z}",
                     "origin": "extracted", "n_claims": 3, "last_date": day,
                     "vector": json.dumps([round(float(x), 6) for x in v])})
    return rows


@pytest.mark.parametrize("block", [1, 7, 64])
def test_the_index_decides_as_global_match(block):
    """Claim by claim, the old _Index with the old global_match and the new ClaimIndex (its similarities
    computed a block at a time) choose the same global claim; the synthetic set has folds, known claims
    that would be closest, stale gaps that raise the threshold, and names that do not fit."""
    config, threshold = LinkConfig(), LinkConfig().global_threshold
    rows = _known_rows(np.random.default_rng(3))
    old = old_linking._Index(rows)
    new = ClaimIndex([{**r, "vector": centroid_of(r["vector"])} for r in rows])
    items = [(c.text, c.vector, r.article.published or "") for r in synthetic_records(n_articles=80)
             for c in r.claims]
    queries = np.stack([v for _, v, _ in items])
    seen = {"fold": 0, "add": 0, "stale": 0, "names": 0, "known": 0}
    for start in range(0, len(items), block):
        new.begin(queries[start:start + block])
        for j in range(start, min(start + block, len(items))):
            text, v, day = items[j]
            extracted = [k for k, o in enumerate(old.origin) if o == "extracted"]
            gaps = [old_linking._gap_days(day, old.last[k]) for k in extracted]
            k_sub, sim = old_linking.global_match(v, text, old.vecs[extracted], [old.texts[k] for k in extracted],
                                                  threshold, gaps)
            k_old = None if k_sub is None else extracted[k_sub]
            k_new, sim_new = new.match(v, text, day_ordinal(day), threshold, config, i=j - start)
            assert k_new == k_old, (j, text)
            if k_old is not None:
                assert abs(sim_new - sim) < 1e-6
            # what the case exercised, judged by the old code
            sims = (old.vecs @ v) / (np.linalg.norm(old.vecs, axis=1) + 1e-9)
            seen["known"] += any(old.origin[k] == "known" and sims[k] >= threshold for k in range(len(sims)))
            for s_k, k in sorted(((sims[k], k) for k in extracted), reverse=True):
                if s_k < threshold or k == k_old:
                    break
                gap = old_linking._gap_days(day, old.last[k])
                if gap is not None and gap > config.stale_days and s_k < threshold + config.stale_penalty:
                    seen["stale"] += 1
                elif not names_fit(text, old.texts[k]):
                    seen["names"] += 1
            if k_old is None:
                assert old.add("g", text, v, day) == new.add("g", text, v, day)
                seen["add"] += 1
            else:
                old.fold(k_old, v, day)
                new.fold(k_old, v, day)
                seen["fold"] += 1
                assert np.array_equal(old.vecs[k_old], new.vecs[k_old]) and old.last == new.last
    new.end()
    assert np.array_equal(old.vecs, new.vecs) and old.n == new.n
    assert all(seen.values()), seen                                 # every rule was put to the test


def test_link_pending_links_synthetic_records_as_the_old_code_did(store, tmp_path, monkeypatch):
    """Through the store, in chunks and blocks smaller than the data, against the old code on the same
    vectors: the same global claims (ids, texts, counts, dates, centroids) and the same members."""
    monkeypatch.setattr(claim_index, "MAX_BLOCK", 6)
    records = synthetic_records(n_articles=40)
    first, later = records[:25], records[25:]
    _saved(store, first)
    assert linking.link(store, refuse, chunk=4) == 25
    _saved(store, later)                                            # a second run starts from the stored index
    assert linking.link(store, refuse, chunk=64) == 15
    with Store(tmp_path / "old.db") as ref:
        encode = lookup(records)
        old_linking.link_pending(_saved(ref, first), encode)
        old_linking.link_pending(_saved(ref, later), encode)
        want = dump(ref)
    got = dump(store)
    assert_same_links(got, want)
    assert any(r["n_claims"] > 1 for r in got[0]) and len(got[0]) < sum(len(r.claims) for r in records)


# -- real articles: Tehran Times, analysed by the pipeline --------------------------------------------

TEHRAN = SHARED / "corpora" / "tehran-times.jsonl.gz"
# Short articles whose claims join across articles; dated so that one is more than a year after the
# others (the stale penalty keeps one of its claims from joining) and one has no date (stored_at is used).
# These five articles share a global claim at the Emergent-chosen threshold (the shipped one since is
# higher, see docs/accuracy.md): the old and the new code are compared at it, so that a link across
# articles is among what they must agree on.
LINK_AT = 0.64
TEHRAN_LINKED = {"tehrantimes-100815": "2021-02-03", "tehrantimes-102125": "2021-03-11",
                 "tehrantimes-102425": "2022-05-20", "tehrantimes-101560": None,
                 "tehrantimes-102151": "2021-06-01"}


@pytest.fixture(scope="session")
def tehran_records(pipeline) -> list[Record]:
    from onrecord import analyze_many
    from onrecord import claims as claims_pkg
    if not claims_pkg.available():
        pytest.skip("sentence encoder not installed")
    if not TEHRAN.is_file():
        pytest.skip("../shared/corpora/tehran-times.jsonl.gz is not present")
    articles = {}
    with gzip.open(TEHRAN, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in TEHRAN_LINKED:
                articles[d["id"]] = Article(id=d["id"], text=d["text"], title=d.get("title"),
                                            outlet=d.get("outlet"), published=TEHRAN_LINKED[d["id"]],
                                            language="en", license=d.get("license"), source=str(TEHRAN))
            if len(articles) == len(TEHRAN_LINKED):
                break
    records = list(analyze_many([articles[i] for i in TEHRAN_LINKED], pipeline))
    assert all(c.vector is not None for r in records for c in r.claims)   # the claims step's vectors
    return records


@pytest.fixture(scope="session")
def tehran_references(tehran_records, tmp_path_factory) -> dict[str, tuple]:
    """The links the old code makes (encoding every claim again, and with the claims' own vectors), and
    the new code's when the records come without vectors (everything encoded): once, on SQLite."""
    from onrecord.claims.embed import encode
    base = tmp_path_factory.mktemp("tehran-links")
    out = {}
    for name, link, records, enc in (
            ("old, encoded", old_linking.link_pending, tehran_records, encode),
            ("old, same vectors", old_linking.link_pending, tehran_records, lookup(tehran_records)),
            ("new, encoded", linking.link, [without_vectors(r) for r in tehran_records], encode)):
        with Store(base / f"{name}.db") as s:
            link(_saved(s, records), enc, LINK_AT)
            out[name] = dump(s)
    return out


def test_real_articles_link_alike_from_stored_vectors_and_from_encoding(store, tehran_records, tehran_references):
    _saved(store, tehran_records)
    assert linking.link(store, refuse, LINK_AT) == len(tehran_records)   # no encoding at all
    got = dump(store)
    assert any(len({m["article_id"] for m in got[1] if m["global_id"] == g["id"]}) > 1 for g in got[0])
    assert_same_links(got, tehran_references["old, same vectors"])        # exactly, centroids too
    assert_same_links(got, tehran_references["old, encoded"], exact=False)
    assert_same_links(got, tehran_references["new, encoded"], exact=False)


def test_known_claims_are_matched_as_the_old_code_did(store, tehran_records, tmp_path):
    """With fact-checked claims stored, statements are matched to them (their propositions encoded a
    chunk at a time now, an article at a time before): the same matches, and no claim joins a known one."""
    from onrecord.claims.matching import KnownClaim
    vectors = {c.text: c.vector for r in tehran_records for c in r.claims}

    def encode(texts):                      # the claims' own vectors; any other text its own fixed one
        return np.stack([vectors[t] if t in vectors else
                         unit(np.random.default_rng(list(t.encode())).standard_normal(DIM)) for t in texts])
    texts = [r.claims[0].text for r in tehran_records if r.claims][:3]
    known = [KnownClaim(id=f"fc-{i}", text=t, rating="False") for i, t in enumerate(texts)]
    links = []
    with Store(tmp_path / "old.db") as ref:
        for s, link in ((store, linking.link), (ref, old_linking.link_pending)):
            linking.import_known(s, known, encode=encode)
            link(_saved(s, tehran_records), encode)
            links.append(dump(s))
    assert_same_links(*links)
    matched = [m for m in links[0][1] if m["via"] == "match"]
    assert matched and {m["global_id"] for m in matched} <= {f"kc-fc-{i}" for i in range(3)}
    assert not [m for m in links[0][1] if m["via"] == "claim" and m["global_id"].startswith("kc-")]
