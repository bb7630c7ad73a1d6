"""`onrecord spark` (the distributed job) and `onrecord load` (its Parquet output into a store).

The job is in onrecord.spark; these parse the flags, call it or the store, and report the counts.
"""
from __future__ import annotations

import sys

import click

from . import main
from .common import EXIT_OK, EXIT_SKIPPED, db_option, handle_errors, learned_option, options


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="DIR",
              help="Output directory (any Hadoop path): records/ (Parquet by outlet and month), "
                   "rejects/, summary.json; jsonl/ with --jsonl.")
@click.option("--jsonl", is_flag=True, help="Also write the records as JSON Lines (DIR/jsonl).")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions to analyse in (default: twice the cores Spark offers).")
@click.option("--master", default=None,
              help="Spark master, e.g. local[2], yarn, k8s://... (default: spark-submit's, else local[*]).")
@click.option("--overwrite", is_flag=True,
              help="Replace DIR when it is not empty (a run that did not finish is replaced without it).")
@learned_option
@handle_errors
def spark(inputs, output, jsonl, partitions, master, overwrite, learned):
    """Analyse INPUT... with Spark, one analyze_many per partition, and write Parquet to DIR.

    An INPUT is a JSONL(.gz) or WARC(.gz) file, directory or glob, on any Hadoop-compatible
    filesystem (hdfs://, s3a://, gs://, ...). Needs pyspark (pip install 'onrecord[spark]') and
    Java 17+. Lines and files that cannot be read are rejects: counted, never a crash. Exit status
    0 when nothing was rejected, 1 otherwise. See docs/scaling.md.
    """
    from ..spark import Job, run_job
    job = Job(inputs=tuple(inputs), output=output, options=options(learned=learned),
              partitions=partitions, master=master, jsonl=jsonl, overwrite=overwrite)
    summary = run_job(job)
    click.echo(summary.text(), err=True)
    sys.exit(EXIT_SKIPPED if summary.rejected else EXIT_OK)


@main.command()
@click.argument("parquet_dir", metavar="PARQUET_DIR", type=click.Path(exists=True, file_okay=False))
@db_option
@click.option("--partial", is_flag=True,
              help="Load DIR even without records/_SUCCESS (its job was killed or failed): the files it "
                   "holds whole; those still under _temporary are never read.")
@handle_errors
def load(parquet_dir, db, partial):
    """Store the records of an `onrecord spark` output (DIR or DIR/records) in the database.

    Idempotent: a record whose text is already stored is counted and left as it is. New articles
    are then linked into the claims across articles, as `onrecord ingest` does. An output whose job
    did not finish (no records/_SUCCESS) is refused: run the job again, or pass --partial.
    """
    from ..batch import load as load_records
    from ..spark.output import read_records
    from ..store import Store
    with Store(options(db=db).db) as store:
        summary = load_records(read_records(parquet_dir, partial=partial), store)
    skipped = "".join(f"\n  {r}" for r in summary.skipped)
    click.echo(f"loaded {summary.stored}, already stored {summary.duplicates}"
               + (f", skipped {len(summary.skipped)}:{skipped}" if skipped else ""), err=True)
    sys.exit(EXIT_SKIPPED if summary.skipped else EXIT_OK)
