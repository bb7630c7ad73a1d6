"""`onrecord export`: records from the store to JSONL, CSV, Parquet, GraphML or ClaimReview JSON-LD.

The logic is in onrecord.export; this parses the flags, opens the output and reports the count.
"""
from __future__ import annotations

import sys

import click

from ..errors import StoreError
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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="File to write (default: standard output).")
@handle_errors
def export(db, fmt, claim, speaker, output):
    """Export the store's records, statements or claims to a file."""
    from ..export import Selection, write
    selection = Selection(claim=claim, speaker=speaker)
    with _store(db) as store:
        if claim and not board.claim_exists(store, claim):
            raise StoreError(f"no claim with id {claim!r} (the ids `onrecord claims` prints)", code="E205",
                             source=store.db)
        if output:
            with open(output, "wb") as out:
                n = write(store, fmt, out, selection)
        else:
            n = write(store, fmt, sys.stdout.buffer, selection)
            sys.stdout.buffer.flush()
    click.echo(f"exported {n} {_noun(fmt)}" + (f" to {output}" if output else ""), err=True)


def _noun(fmt: str) -> str:
    return {"jsonl": "record(s)", "csv": "statement(s)", "parquet": "statement(s)", "graphml": "edge(s)",
            "claimreview": "claim review(s)"}[fmt]
