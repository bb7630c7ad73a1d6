"""A store for the api, web and export tests: the seed article and three Wikinews articles, read by
onrecord.ingest and analysed by the real pipeline (claims included), plus one hand-made claim on the
seed whose stances are the seed's own statements (Kanaani and Amir Abdollahian refute, Sullivan
supports, the Pentagon is uncertain).

The hand-made claim keeps these tests about pages, API and exports, not about what the claims package
finds this week: its statements are the pipeline's, found by speaker and act, never by id. The store is
linked (``onrecord.batch.link``), so the hand-made claim is folded into a claim across articles,
alone or with the pipeline's own claim about the drones: ``board()`` gives that claim's id and text.

Imported as ``web.sample_store`` (tests/ is on sys.path). The database is built once per test process
(``seed_db``) and must be copied before a test writes to it (``copy_db``).
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from onrecord.models import Claim, Record, Stance

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED_ID = "mehr-iran-drones"
CLAIM_ID = "iran-drones-to-russia"
CLAIM_TEXT = "Iran supplied drones to Russia for use against Ukraine"
WIKINEWS_IDS = ("wikinews-2019-006", "wikinews-2019-012", "wikinews-2020-034")

# (words of the speaker's name, act or None for any, stance): the positions taken in the seed.
POSITIONS = (("kanaani", "deny", "refutes"), ("abdollahian", "deny", "refutes"),
             ("sullivan", None, "supports"), ("pentagon", None, "uncertain"))


def seed_articles():
    from onrecord.ingest import iter_articles
    from onrecord.models import Article
    items = list(iter_articles([str(EXAMPLES / "mehr-iran-drones.txt"), str(EXAMPLES / "wikinews.jsonl")]))
    arts = [a for a in items if isinstance(a, Article)]
    return [a for a in arts if a.id == SEED_ID] + [a for a in arts if a.id in WIKINEWS_IDS]


def speaker_of(record: Record, statement) -> str:
    names = {e.id: e.name for e in record.entities}
    return (names.get(statement.speaker or "") or statement.speaker_text or "").lower()


def with_claim(record: Record) -> Record:
    """The seed record plus the drones claim (after the pipeline's own), stances from its statements."""
    stances = []
    for words, act, stance in POSITIONS:
        for s in record.statements:
            if words in speaker_of(record, s) and (act is None or s.act == act):
                stances.append(Stance(statement=s.id, speaker=s.speaker, stance=stance))
    claim = Claim(id=CLAIM_ID, text=CLAIM_TEXT, stances=tuple(stances), polarity="positive")
    return replace(record, claims=record.claims + (claim,))


@lru_cache(maxsize=1)
def seed_records() -> tuple[Record, ...]:
    from onrecord import analyze_many, load_pipeline
    records = list(analyze_many(seed_articles(), load_pipeline()))
    return tuple(with_claim(r) if r.article.id == SEED_ID else r for r in records)


@lru_cache(maxsize=1)
def seed_db() -> Path:
    """A database holding the sample records (built once per process; do not write to it)."""
    from onrecord.store import Store
    folder = Path(tempfile.mkdtemp(prefix="onrecord-web-"))
    atexit.register(shutil.rmtree, folder, True)
    db = folder / "seed.db"
    from onrecord.batch import link
    with Store(db) as store:
        for record in seed_records():
            store.save(record)
        link(store)
    return db


@lru_cache(maxsize=1)
def board() -> tuple[str, str]:
    """(id, text) of the claim across articles that holds most of the hand-made claim's statements."""
    from onrecord.store import Store
    seed = next(r for r in seed_records() if r.article.id == SEED_ID)
    mine = [st.statement for c in seed.claims if c.id == CLAIM_ID for st in c.stances]
    with Store(seed_db()) as store:
        marks = ", ".join("?" for _ in mine)
        row = store.backend.one(
            "SELECT g.id, g.text, COUNT(*) AS n FROM claim_members m JOIN global_claims g ON g.id = m.global_id "
            f"WHERE m.article_id = ? AND m.statement_id IN ({marks}) GROUP BY g.id, g.text ORDER BY n DESC, g.id",
            [SEED_ID, *mine])
    assert row is not None, "the hand-made claim was not linked"
    return row["id"], row["text"]


def copy_db(target: Path) -> Path:
    """A copy of the sample database at ``target`` (for tests that write)."""
    from onrecord.store import Store
    with Store(seed_db()) as store:                   # checkpoint the WAL so the file is whole
        store.backend.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(seed_db(), target)
    return target


EXTRA = 60              # rows big_db adds to each index: more than a page (50) of each


def extra_record(n: int) -> Record:
    """Hand-made article ``n`` of big_db: one statement by its own organisation; every third undated."""
    from onrecord.models import Article, Entity, Statement
    name = f"Paging Council {n:02d}"
    quote = f"row {n} of the paging test is here"
    text = f'{name} said "{quote}" on the day.'
    a = text.index(quote)
    return Record(article=Article(id=f"paging-{n:02d}", text=text, title=f"Paging article {n:02d}",
                                  outlet="Paging Post", published=None if n % 3 == 0 else f"2021-02-{n % 28 + 1:02d}"),
                  entities=(Entity("e1", name, "organization"),),
                  statements=(Statement(id="s1", type="direct", act="assert", content=quote,
                                        content_span=(a, a + len(quote)), cue="said",
                                        cue_span=(len(name) + 1, len(name) + 5), speaker="e1", speaker_text=name,
                                        speaker_span=(0, len(name))),))


def big_db(target: Path) -> Path:
    """A copy of the sample database (at ``target``) with EXTRA more articles (each with one statement by
    its own speaker) and EXTRA known claims (fact-checked, no statement on them): a second page of every
    index and of a search for "paging"."""
    from onrecord.claims.matching import KnownClaim
    from onrecord.store import Store
    from onrecord.store import claims as board
    copy_db(target)
    with Store(target) as store:
        for n in range(1, EXTRA + 1):
            store.save(extra_record(n))
        known = [KnownClaim(id=f"paging-{n:02d}", text=f"Paging claim {n:02d} is true", rating="False")
                 for n in range(1, EXTRA + 1)]
        board.save_known(store, known, [[0.0, 1.0]] * EXTRA, source="big_db")
    return target
