"""`onrecord export`: records from the store to JSONL, CSV, Parquet, GraphML or ClaimReview JSON-LD.

The logic is in onrecord.export; this parses the flags, opens the output and reports the count.
"""
from __future__ import annotations

import sys
from datetime import date

import click

from ..errors import StoreError, UsageError
from ..store import claims as board
from . import main
from .common import db_option, handle_errors
from .query import _store


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "graphml", "claimreview"]),
              required=True, help="jsonl: records; csv/parquet: one row per statement; graphml: speakers "
              "and claims with stances; claimreview: schema.org JSON-LD for fact-checked claims.")
@click.option("--claim", default=None, help="Only statements with a stance on this claim (its id).")
@click.option("--speaker", default=None, help="Only statements by this speaker (words of the name).")
@click.option("--reviewer", default=None, help="claimreview: the review's author where the imported "
              "fact-check names none (an organisation).")
@click.option("--review-date", default=None, help="claimreview: the review's datePublished (YYYY-MM-DD) "
              "where the imported fact-check gives none.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="File to write (default: standard output).")
@handle_errors
def export(db, fmt, claim, speaker, reviewer, review_date, output):
    """Export the store's records, statements or claims to a file."""
    from ..export import Selection, write
    if review_date is not None:
        try:
            date.fromisoformat(review_date)
        except ValueError:
            raise UsageError(f"--review-date {review_date!r} is not a date (YYYY-MM-DD)") from None
    selection = Selection(claim=claim, speaker=speaker)
    with _store(db) as store:
        if claim and not board.claim_exists(store, claim):
            raise StoreError(f"no claim with id {claim!r} (the ids `onrecord claims` prints)", code="E205",
                             source=store.db)
        if output:
            with open(output, "wb") as out:
                n = write(store, fmt, out, selection, reviewer, review_date)
        else:
            n = write(store, fmt, sys.stdout.buffer, selection, reviewer, review_date)
            sys.stdout.buffer.flush()
    click.echo(f"exported {n} {_noun(fmt)}" + (f" to {output}" if output else ""), err=True)


def _noun(fmt: str) -> str:
    return {"jsonl": "record(s)", "csv": "statement(s)", "parquet": "statement(s)", "graphml": "edge(s)",
            "claimreview": "claim review(s)"}[fmt]
