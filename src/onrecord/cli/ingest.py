"""`onrecord extract` (records to stdout) and `onrecord ingest` (analyse and store)."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager

import click

from ..batch import extract as extract_records
from ..batch import write
from ..errors import StoreError, UsageError
from ..ingest import iter_articles
from ..models import Article, Rejected
from . import main
from .common import EXIT_OK, EXIT_SKIPPED, db_option, handle_errors, learned_option, options

sources_argument = click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")


@main.command()
@sources_argument
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="jsonl", show_default=True,
              help="json: one article's record, pretty-printed (several articles are a usage error); "
                   "jsonl: one record a line.")
@learned_option
@handle_errors
def extract(sources: tuple[str, ...], fmt: str, learned: bool | None) -> None:
    """Analyse SOURCE... and write their records to stdout; nothing is stored.

    A SOURCE is a .txt, .html(.gz), .jsonl(.gz), .warc(.gz) or feed file, a directory or glob of
    them, an http(s) URL, or - for stdin.
    """
    import onrecord
    opts = options(learned=learned)
    items = iter_articles(list(sources), opts)
    if fmt == "json":
        items = _one_article(list(items))
    skipped: list[Rejected] = []
    written = 0
    for record in extract_records(items, onrecord.load_pipeline(opts), skipped):
        data = record.to_dict()
        click.echo(json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None))
        written += 1
    _finish(f"extracted {written}, skipped {len(skipped)}", skipped)


def _one_article(items: list) -> list:
    count = sum(isinstance(i, Article) for i in items)
    if count > 1:
        raise UsageError(f"--format json writes one article, and the sources hold {count}: "
                         "use --format jsonl")
    return items


@main.command()
@sources_argument
@db_option
@learned_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that analyse (default: the number of cores; env ONRECORD_WORKERS). "
                   "This process alone writes, one transaction per article. 1: analyse in-process. "
                   "A worker grown past ONRECORD_WORKER_MB (1200) is replaced by a fresh one.")
@handle_errors
def ingest(sources: tuple[str, ...], db: str | None, learned: bool | None, workers: int | None) -> None:
    """Analyse SOURCE... and store the records in the database.

    Articles already stored (same text) are counted and not analysed again. A summary goes to stderr;
    exit status 0 when everything was stored, 1 when something was skipped.
    """
    opts = options(db=db, learned=learned, workers=workers)
    store_cls = _store_class()
    with store_cls(opts.db) as store, _progress() as tick:
        # with workers, each loads the pipeline; this process reads, dedupes and writes
        summary = write(iter_articles(list(sources), opts), store, opts, progress=tick)
    click.echo(summary.text(), err=True)
    sys.exit(EXIT_SKIPPED if summary.skipped else EXIT_OK)


def _store_class():
    try:
        from ..store import Store
    except ImportError as exc:
        raise StoreError(f"the store is not available: {exc}") from exc
    return Store


def _finish(head: str, skipped: list[Rejected]) -> None:
    lines = [head + (":" if skipped else "")] + [f"  {r}" for r in skipped]
    click.echo("\n".join(lines), err=True)
    sys.exit(EXIT_SKIPPED if skipped else EXIT_OK)


@contextmanager
def _progress():
    """A rich progress display on stderr when it is a terminal; a no-op callback otherwise."""
    if not sys.stderr.isatty():
        yield lambda _kind: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    counts = {"stored": 0, "duplicate": 0, "skipped": 0}
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting")

        def tick(kind: str) -> None:
            counts[kind] = counts.get(kind, 0) + 1
            bar.update(task, advance=1, description=(
                f"stored {counts['stored']}, already stored {counts['duplicate']}, "
                f"skipped {counts['skipped']}"))
        yield tick
