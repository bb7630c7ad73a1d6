"""The Spark job: read inputs, run ``analyze_many`` once per partition, write Parquet (and JSONL).

Run it with ``onrecord spark INPUT... --output DIR`` or, on a cluster, with spark-submit::

    spark-submit --master yarn ... "$(python -c 'import onrecord.spark.job as j; print(j.__file__)')" \\
        INPUT... --output DIR

(this file's ``__main__`` hands its arguments to the ``onrecord spark`` command). Each partition is one
``batch.analyze_items``; each executor's Python worker loads the pipeline once (``batch.pipeline_for``)
and keeps it for every partition it runs.
A line or file that cannot be read, or an article the pipeline fails on, is a reject: written to
DIR/rejects and counted in the summary, never a crash.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from onrecord.errors import UsageError
from onrecord.models import Rejected
from onrecord.settings import Options
from onrecord.spark.output import COLUMNS, PARTITION_BY, SUCCESS, record_row, reject_row

log = logging.getLogger(__name__)

APP_NAME = "onrecord"
RECORDS, SUMMARY = "records", "summary.json"
OUTPUTS = (RECORDS, "rejects", "jsonl")   # the directories a run writes in DIR; summary.json comes last


@dataclass(frozen=True)
class Job:
    inputs: tuple[str, ...]
    output: str
    options: Options = field(default_factory=Options)
    partitions: int | None = None          # default: 2 per core Spark offers (defaultParallelism)
    master: str | None = None              # default: spark-submit's, else local[*]
    jsonl: bool = False                    # also write the records as JSONL
    overwrite: bool = False                # replace an existing output directory


@dataclass
class JobSummary:
    """What a run of the job did: the articles and statements it analysed, what it rejected, by code."""

    articles: int = 0
    statements: int = 0
    rejected: int = 0
    codes: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    partitions: int = 0
    seconds: float = 0.0

    def text(self) -> str:
        head = (f"analysed {self.articles} article(s), {self.statements} statement(s), rejected "
                f"{self.rejected}, in {self.partitions} partition(s), {self.seconds:.1f}s")
        if not self.rejected:
            return head
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(self.codes.items()))
        more = f"\n  ... and {self.rejected - len(self.examples)} more" if self.rejected > len(self.examples) else ""
        return head + f" ({codes}):\n" + "\n".join(f"  {e}" for e in self.examples) + more

    def to_dict(self) -> dict:
        return dict(self.__dict__)


# -- on the executors -------------------------------------------------------------------------------

def analyze_partition(options: Options, items: Iterable) -> Iterator[tuple[str, dict]]:
    """("record", row) for each article analysed, ("reject", row) for each Rejected: one analyze_many.
    Spark's task slots are the parallelism: each gets ONRECORD_TASK_THREADS torch threads (default 1)."""
    from onrecord.batch import analyze_items, pipeline_for
    pipeline = pipeline_for(options, int(os.environ.get("ONRECORD_TASK_THREADS", "1")))
    for result in analyze_items(items, pipeline):
        yield ("reject", reject_row(result)) if isinstance(result, Rejected) else ("record", record_row(result))


def _tally(pair: tuple[str, dict]) -> Counter:
    kind, row = pair
    if kind == "record":
        return Counter(articles=1, statements=row["statements"])
    return Counter({"rejected": 1, f"code:{row['code']}": 1})


# -- on the driver ----------------------------------------------------------------------------------

def spark_session(job: Job):
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise UsageError("pyspark is not installed: pip install 'onrecord[spark]'") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)   # workers run this Python (local mode)
    builder = SparkSession.builder.appName(APP_NAME)
    if job.master or not SparkConf().contains("spark.master"):
        builder = builder.master(job.master or "local[*]")
    if (job.master or "local").startswith("local"):
        builder = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
    try:
        return builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - Java missing or a bad master: say so plainly
        raise UsageError(f"could not start Spark ({type(exc).__name__}: {exc}); is Java 17+ installed "
                         "and JAVA_HOME set?") from exc


def run_job(job: Job, spark=None) -> JobSummary:
    """Run the job; write DIR/records (Parquet), DIR/rejects, DIR/jsonl (optional), then DIR/summary.json,
    which marks the run finished (see _check_output for what a rerun into DIR does)."""
    import time
    started = time.perf_counter()
    spark = spark or spark_session(job)     # first: a missing pyspark or Java is a clear UsageError

    from pyspark import StorageLevel

    from onrecord.spark.read import read_inputs
    sc = spark.sparkContext
    _check_output(sc, job)
    items = read_inputs(sc, list(job.inputs))
    partitions = job.partitions or max(1, 2 * sc.defaultParallelism)
    options = job.options
    results = (items.repartition(partitions)
               .mapPartitions(lambda part: analyze_partition(options, part))
               .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        mode = "overwrite" if job.overwrite else "errorifexists"
        _records_frame(spark, results).write.mode(mode).partitionBy(*PARTITION_BY).parquet(
            f"{job.output}/{RECORDS}")
        rejects = results.filter(lambda p: p[0] == "reject").map(lambda p: json.dumps(p[1], ensure_ascii=False))
        spark.createDataFrame(rejects.map(lambda s: (s,)), "value string").write.mode(mode).text(
            f"{job.output}/rejects")
        if job.jsonl:
            lines = results.filter(lambda p: p[0] == "record").map(lambda p: (p[1]["record"],))
            spark.createDataFrame(lines, "value string").write.mode(mode).text(f"{job.output}/jsonl")
        counts = results.map(_tally).fold(Counter(), lambda a, b: a + b)
        examples = rejects.take(20)
    finally:
        results.unpersist()
    summary = JobSummary(
        articles=counts.get("articles", 0), statements=counts.get("statements", 0),
        rejected=counts.get("rejected", 0), partitions=partitions,
        codes={k[5:]: v for k, v in counts.items() if k.startswith("code:")},
        examples=[_reject_text(e) for e in examples], seconds=time.perf_counter() - started)
    _write_summary(sc, job, summary)
    return summary


def _records_frame(spark, results):
    names = [name for name, _ in COLUMNS]
    schema = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
    rows = results.filter(lambda p: p[0] == "record").map(lambda p: tuple(p[1][n] for n in names))
    return spark.createDataFrame(rows, schema)


def _reject_text(line: str) -> str:
    return str(Rejected(**json.loads(line)))


def _fs_path(sc, path: str):
    jpath = sc._jvm.org.apache.hadoop.fs.Path(path)
    return jpath, jpath.getFileSystem(sc._jsc.hadoopConfiguration())


def _check_output(sc, job: Job) -> None:
    """Make DIR ready to write. A new or empty DIR is written as it is. A DIR left by a run that did not
    finish (killed or failed: only onrecord's directories in it, no summary.json) is removed, and this
    run starts over. Any other non-empty DIR, a finished run's included, needs ``--overwrite``; with it,
    summary.json and records/_SUCCESS go first, so the output never looks finished while it is rewritten."""
    jpath, fs = _fs_path(sc, job.output)
    entries = list(fs.listStatus(jpath)) if fs.exists(jpath) else []
    if not entries:
        return
    if job.overwrite:
        for marker in (SUMMARY, f"{RECORDS}/{SUCCESS}"):
            fs.delete(_fs_path(sc, f"{job.output}/{marker}")[0], False)
    elif _unfinished(fs, entries):
        log.warning("%s holds a run that did not finish (no %s): removing it and starting over",
                    job.output, SUMMARY)
        fs.delete(jpath, True)
    else:
        raise UsageError(f"output {job.output} exists and is not empty: pass --overwrite to replace it")


def _unfinished(fs, entries) -> bool:
    """Whether DIR's entries are a run that did not finish: no summary.json, nothing but the job's own
    directories (records, rejects, jsonl), and in them only what Spark writes (part-*, outlet=*, _*, .*)."""
    for entry in entries:
        if entry.getPath().getName() not in OUTPUTS or not entry.isDirectory():
            return False                    # summary.json (a finished run), or not the job's
        inner = (status.getPath().getName() for status in fs.listStatus(entry.getPath()))
        if not all(name.startswith(("part-", "outlet=", "_", ".")) for name in inner):
            return False
    return True


def _write_summary(sc, job: Job, summary: JobSummary) -> None:
    jpath, fs = _fs_path(sc, f"{job.output}/{SUMMARY}")
    stream = fs.create(jpath, True)
    try:
        stream.write(bytearray(json.dumps(summary.to_dict(), indent=2).encode("utf-8")))
    finally:
        stream.close()


if __name__ == "__main__":   # spark-submit .../onrecord/spark/job.py INPUT... --output DIR
    from onrecord.cli import main
    main(["spark", *sys.argv[1:]], prog_name="onrecord spark")
