"""Spark job throughput: the same N Tehran Times articles through `local[1]` and `local[2]`.

    .venv/bin/python benchmarks/spark.py --n 200 --cores 1 2

Each core count runs in a fresh process (a SparkContext's master cannot change). Per run: a warm-up
job over a few articles loads the pipeline in every Python worker, then the timed job (wall seconds,
what a cluster cares about) reads, analyses and writes Parquet. Results go in docs/benchmarks.md by hand.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "tehran-times.jsonl.gz"


def one_run(corpus: str, cores: int, partitions: int) -> dict:
    from onrecord.settings import Options
    from onrecord.spark import Job, run_job
    from onrecord.spark.job import spark_session
    out = Path(tempfile.mkdtemp(prefix="onrecord-spark-bench-"))
    warm = out / "warm.jsonl"
    with open(corpus, encoding="utf-8") as f:
        warm.write_text("".join(f.readline() for _ in range(2 * cores)), encoding="utf-8")
    master = f"local[{cores}]"
    job = Job(inputs=(corpus,), output=str(out / "run"), options=Options.from_env(), master=master,
              partitions=partitions)
    spark = spark_session(job)
    try:
        run_job(Job(inputs=(str(warm),), output=str(out / "warm"), options=job.options, partitions=cores), spark)
        started = time.perf_counter()
        summary = run_job(job, spark)
        wall = time.perf_counter() - started
    finally:
        spark.stop()
    return {"cores": cores, "articles": summary.articles, "statements": summary.statements,
            "wall_s": round(wall, 1), "articles_per_s": round(summary.articles / wall, 3),
            "load_avg": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--cores", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.corpus, args.one, args.partitions)))
        return
    corpus = Path(tempfile.mkdtemp(prefix="onrecord-spark-bench-")) / f"tehran-{args.n}.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        corpus.write_text("".join(f.readline() for _ in range(args.n)), encoding="utf-8")
    results = []
    for cores in args.cores:
        line = subprocess.run([sys.executable, __file__, "--one", str(cores), "--corpus", str(corpus),
                               "--partitions", str(args.partitions)],
                              check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        results.append(json.loads(line))
        print(line, flush=True)
    base = results[0]["articles_per_s"]
    for r in results[1:]:
        print(f"local[{r['cores']}] / local[{results[0]['cores']}]: {r['articles_per_s'] / base:.2f}x")


if __name__ == "__main__":
    main()
