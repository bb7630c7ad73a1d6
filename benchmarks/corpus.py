"""The whole Tehran Times corpus through `onrecord ingest`, once (issue 16, item 3).

Runs `onrecord ingest CORPUS --db DB --workers N` as a subprocess, samples the RSS of its whole process
tree every second (``ingest.timed_ingest``), and appends one JSON line per segment to ``--log``: wall
time, the ingest's own summary line, peak tree memory. Ingest resumes where it stopped (stored
articles are counted, not analysed again), so a stopped run is continued by running this again; each
segment is a line of its own (its summary names what was skipped and why). ``--report`` prints, from
the store, what docs/benchmarks.md reports: articles, statements, entities, claims, the top claims by
activity.

    .venv/bin/python benchmarks/corpus.py --db build/corpus.db --workers 2 --log build/corpus.log
    .venv/bin/python benchmarks/corpus.py --db build/corpus.db --report
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import CORPUS, timed_ingest  # noqa: E402


def segment(db: str, workers: int, corpus: Path, log: Path) -> dict:
    started = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    secs, peak, rc, err = timed_ingest(corpus, db, workers, every=1.0)
    summary = [line for line in err.splitlines() if line.startswith("stored")]
    row = {"started": started, "wall_s": round(secs, 1), "workers": workers, "rc": rc,
           "peak_tree_rss_mb": round(peak / 2**20), "summary": summary[-1] if summary else None,
           "stderr_tail": err.splitlines()[-20:]}
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return row


def report(db: str, top: int = 10) -> dict:
    from onrecord.store import Store
    from onrecord.store import claims as boards
    with Store(db, readonly=True) as store:
        one = store.backend.one
        out = {k: one(sql, ())["n"] for k, sql in {
            "articles": "SELECT COUNT(*) AS n FROM articles",
            "statements": "SELECT COUNT(*) AS n FROM statements",
            "entities": "SELECT COUNT(*) AS n FROM entities",
            "article_claims": "SELECT COUNT(*) AS n FROM claims",
            "global_claims": "SELECT COUNT(*) AS n FROM global_claims",
        }.items()}
        out["top_claims"] = [{k: c.get(k) for k in ("id", "text", "n_claims", "n_statements", "first_date",
                                                     "last_date")}
                             for c in boards.claims(store, limit=top)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--log", type=Path, default=Path("corpus.log"))
    ap.add_argument("--report", action="store_true", help="print the store's figures instead of ingesting")
    args = ap.parse_args(argv)
    if args.report:
        print(json.dumps(report(args.db), ensure_ascii=False, indent=1))
        return 0
    row = segment(args.db, args.workers, args.corpus, args.log)
    print(json.dumps(row, ensure_ascii=False, indent=1))
    return 0 if row["rc"] in (0, 1) else row["rc"]


if __name__ == "__main__":
    sys.exit(main())
