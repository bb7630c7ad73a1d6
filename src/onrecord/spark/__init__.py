"""The distributed job: onrecord's core run by Spark, one ``analyze_many`` per partition.

    from onrecord.spark import Job, run_job
    summary = run_job(Job(inputs=("s3a://bucket/news/*.jsonl.gz",), output="s3a://bucket/onrecord"))

``read`` turns JSONL and WARC inputs into an RDD of Article | Rejected with onrecord's own ingest code;
``job`` analyses each partition and writes Parquet (and optionally JSONL); ``output`` reads that
Parquet back as Records with pyarrow alone (``onrecord load``), so loading needs no Spark.
See docs/scaling.md.
"""
from __future__ import annotations

from .job import Job, JobSummary, run_job
from .output import read_records

__all__ = ["Job", "JobSummary", "run_job", "read_records"]
