"""How fast are claims linked across articles when the store already holds N global claims?

Synthetic but shaped like the corpus: N global claims are unit vectors (384 wide, as MiniLM's) around
topic centres, dated over five years, their texts naming one of a few places or nothing (so the names
rule rejects some candidates); K new claims arrive in articles of ~3 claims, about a third close to an
existing global claim (they join it), the rest new topics (they start one). Timed, in one process:

  1. the index as ``batch.link`` uses it (claims/index.py): one matrix product per block of claims,
     rows changed since recomputed, only candidates at the threshold sorted;
  2. the same index one claim at a time (no blocks);
  3. the code it replaced (per claim: list the extracted rows, copy their centroids, parse every last
     date, ``linking.global_match`` argsorting every similarity, ``np.vstack`` per new global claim), on
     the first ``--old-k`` claims only, since it is slow.

In-memory decisions only: no database, no encoding (vectors are stored now). Prints claims/s and checks
that all three made the same decisions. With ``--store DIR``, also the whole of ``batch.link`` on a
SQLite store in DIR holding the N global claims: reading them, then linking the K claims saved as
articles with their vectors (the encoder is never called), SQL writes included. Usage:

    .venv/bin/python benchmarks/linking.py [--n 100000] [--k 3000] [--old-k 200] [--store /tmp/bench]
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from onrecord.claims.index import DIM, ClaimIndex, day_ordinal
from onrecord.claims.linking import LinkConfig
from onrecord.models import Article, Claim, Record, Stance

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from batch.old_linking import global_match  # noqa: E402  (the code it replaced: the tests' reference)

PLACES = ("Tehran", "Moscow", "Kyiv", "Washington", "Riyadh", None, None)


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def text_of(rng, topic: int, serial: int) -> str:
    place = PLACES[int(rng.integers(len(PLACES)))]
    return f"officials said {place or 'the ministry'} would act on question {topic}, item {serial}"


def day_of(rng) -> str:
    return (date(2019, 1, 1) + timedelta(days=int(rng.integers(5 * 365)))).isoformat()


def global_rows(rng, n: int) -> tuple[list[dict], np.ndarray]:
    """N stored global claims around N/3 topics (a topic holds one to a few distinct claims)."""
    centres = unit(rng.standard_normal((max(1, n // 3), DIM)))
    topic = rng.integers(len(centres), size=n)
    vecs = unit(centres[topic] + 0.9 * rng.standard_normal((n, DIM)) / np.sqrt(DIM))
    rows = [{"id": f"gc-{i}", "text": text_of(rng, int(topic[i]), i), "origin": "extracted",
             "n_claims": int(rng.integers(1, 6)), "last_date": day_of(rng), "vector": None}
            for i in range(n)]
    return rows, vecs


def new_claims(rng, k: int, stored: np.ndarray) -> list[tuple[str, np.ndarray, str]]:
    """K claims in articles of ~3: a third near a stored global claim, the rest on new topics."""
    out = []
    while len(out) < k:
        day = day_of(rng)
        for _ in range(int(rng.integers(1, 6))):
            if rng.random() < 1 / 3:
                i = int(rng.integers(len(stored)))
                vec = unit(stored[i] + 0.6 * rng.standard_normal(DIM) / np.sqrt(DIM))
                out.append((text_of(rng, i, len(out)), vec, day))
            else:
                vec = unit(rng.standard_normal(DIM))
                out.append((text_of(rng, -1, len(out)), vec, day))
    return out[:k]


def build_index(rows: list[dict], vecs: np.ndarray) -> ClaimIndex:
    """A ClaimIndex holding the rows (filled directly: JSON parsing is not what is timed)."""
    index = ClaimIndex([])
    for r, v in zip(rows, vecs):
        index.add(r["id"], r["text"], v, r["last_date"])
        index.n[-1] = r["n_claims"]
    return index


def run_new(index: ClaimIndex, claims, blocked: bool) -> list[int | None]:
    config, threshold = LinkConfig(), LinkConfig().global_threshold
    queries = np.stack([v for _, v, _ in claims])
    decided: list[int | None] = []
    block_start = block_end = 0
    for j, (text, vec, day) in enumerate(claims):
        if blocked and j >= block_end:
            block_start, block_end = j, j + index.block_size()
            index.begin(queries[block_start:block_end])
        k, _ = index.match(vec, text, day_ordinal(day), threshold, config, i=j - block_start if blocked else None)
        decided.append(k)
        if k is None:
            index.add(f"new-{j}", text, vec, day)
        else:
            index.fold(k, vec, day)
    index.end()
    return decided


class OldIndex:
    """The index store/claims.py had before (lists, and a matrix re-stacked for every new claim)."""

    def __init__(self, rows: list[dict], vecs: np.ndarray):
        self.ids = [r["id"] for r in rows]
        self.texts = [r["text"] for r in rows]
        self.origin = [r["origin"] for r in rows]
        self.n = [r["n_claims"] for r in rows]
        self.last = [r["last_date"] for r in rows]
        self.vecs = vecs.copy()

    def add(self, gid, text, vec, day):
        self.ids.append(gid)
        self.texts.append(text)
        self.origin.append("extracted")
        self.n.append(1)
        self.last.append(day)
        self.vecs = np.vstack([self.vecs, vec[None, :]])

    def fold(self, k, vec, day):
        n = self.n[k]
        mean = (self.vecs[k] * n + vec) / (n + 1)
        self.vecs[k] = mean / (np.linalg.norm(mean) + 1e-9)
        self.n[k] = n + 1
        self.last[k] = max(self.last[k] or "", day)


def _gap_days(a, b):
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


def run_old(index: OldIndex, claims) -> list[int | None]:
    threshold = LinkConfig().global_threshold
    decided: list[int | None] = []
    for j, (text, vec, day) in enumerate(claims):
        extracted = [k for k, o in enumerate(index.origin) if o == "extracted"]
        k_sub, _ = global_match(vec, text, index.vecs[extracted], [index.texts[k] for k in extracted], threshold,
                                [_gap_days(day, index.last[k]) for k in extracted])
        k = None if k_sub is None else extracted[k_sub]
        decided.append(k)
        if k is None:
            index.add(f"new-{j}", text, vec, day)
        else:
            index.fold(k, vec, day)
    return decided


def run_store(directory: str, rows: list[dict], vecs: np.ndarray, claims) -> None:
    """batch.link end to end on SQLite: N global claims stored, K claims arriving in articles."""
    from onrecord.batch import link
    from onrecord.store import Store
    from onrecord.store import claims as board
    from onrecord.store.vectors import centroid_json

    def refuse(texts):
        raise AssertionError("encoder called")

    path = Path(directory) / f"linking-{len(rows)}.db"
    path.unlink(missing_ok=True)
    with Store(path) as store:
        start = time.perf_counter()
        with store.backend.transaction():
            for r, v in zip(rows, vecs):
                store.backend.execute(
                    "INSERT INTO global_claims (id, text, origin, vector, n_claims, first_date, last_date, "
                    "created_at) VALUES (?, ?, 'extracted', ?, ?, ?, ?, '2026-01-01T00:00:00+00:00')",
                    (r["id"], r["text"], centroid_json(v), r["n_claims"], r["last_date"], r["last_date"]))
        by_day: dict[str, list] = {}
        for text, vec, day in claims:
            by_day.setdefault(day, []).append((text, vec))
        for a, (day, items) in enumerate(by_day.items()):
            cs = tuple(Claim(id=f"claim-{a}-{i}", text=t, vector=v, polarity="positive",
                             stances=(Stance(statement=f"s{i}", speaker=None, stance="supports"),))
                       for i, (t, v) in enumerate(items))
            store.save(Record(article=Article(id=f"bench-{a:06d}", text=" ".join(t for t, _ in items),
                                              published=day, language="en"), claims=cs, pipeline="bench/1"))
        print(f"  (store filled in {time.perf_counter() - start:.1f} s: {len(rows):,} global claims, "
              f"{len(by_day):,} articles)")
        start = time.perf_counter()
        index = ClaimIndex(board.global_claims(store))
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        link(store, refuse)
        secs = time.perf_counter() - start
        print(f"  {'batch.link on SQLite, all included':42s} {secs:8.2f} s  {len(claims) / secs:9.1f} claims/s   "
              f"(of which reading the {index.size:,} global claims: {loaded:.1f} s)")
    path.unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000, help="global claims already stored")
    ap.add_argument("--k", type=int, default=3000, help="claims to link")
    ap.add_argument("--old-k", type=int, default=200, help="claims to link with the old code (slow)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--store", metavar="DIR", help="also time link_pending on a SQLite store made in DIR")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    rows, vecs = global_rows(rng, args.n)
    claims = new_claims(rng, args.k, vecs)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"N = {args.n:,} global claims, K = {args.k:,} claims to link; Python {platform.python_version()}, "
          f"numpy {np.__version__}, {platform.machine()}, {cores} core(s) usable; wall seconds")

    results = {}
    for name, blocked in (("index, blocks of claims (batch.link)", True), ("index, one claim at a time", False)):
        index = build_index(rows, vecs)
        start = time.perf_counter()
        decided = run_new(index, claims, blocked)
        secs = time.perf_counter() - start
        results[name] = decided
        joined = sum(k is not None for k in decided)
        print(f"  {name:42s} {secs:8.2f} s  {len(claims) / secs:9.1f} claims/s   ({joined} joined, "
              f"{len(claims) - joined} new)")
    old_k = min(args.old_k, len(claims))
    if old_k:
        old = OldIndex(rows, vecs)
        start = time.perf_counter()
        decided = run_old(old, claims[:old_k])
        secs = time.perf_counter() - start
        print(f"  {'old code (first %d claims)' % old_k:42s} {secs:8.2f} s  {old_k / secs:9.1f} claims/s")
        same = all(a == b for d in results.values() for a, b in zip(d[:old_k], decided))
        print(f"  same decisions as the old code on those {old_k}: {same}")
    a, b = results.values()
    print(f"  same decisions, blocks vs one at a time: {a == b}")
    if args.store:
        run_store(args.store, rows, vecs, claims)
    if hasattr(os, "getloadavg"):
        print(f"  load average at the end (1 min): {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
