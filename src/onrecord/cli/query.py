"""Query commands over the store: articles, show, statements, speakers, stats, reanalyze.

Each parses its flags, asks ``onrecord.store.Store`` (opened read-only; ``reanalyze``, a writer, calls
``onrecord.batch``), and renders (table, json or csv). No SQL here.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import StoreError, UsageError
from ..models import ACTS, Record
from ..store.read import ISO_DATE, MAX_OFFSET
from . import main
from .common import db_option, format_option, handle_errors, options

limit_option = click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
                            help="How many rows at most.")
offset_option = click.option("--offset", type=click.IntRange(min=0, max=MAX_OFFSET), default=0,
                             help="Rows to skip first.")


def _iso_date(ctx, param, value: str | None) -> str | None:
    if value is not None and not re.match(ISO_DATE, value):
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value

# Columns shown in table format (json and csv carry every field).
TABLE_COLUMNS = {
    "articles": ("id", "published", "outlet", "title", "n_statements"),
    "statements": ("article_id", "id", "speaker_name", "act", "type", "content"),
    "speakers": ("name", "kind", "titles", "n_statements", "n_articles"),
}


# Short codes and ids stay on one line; names and text wrap.
_NO_WRAP = {"id", "article_id", "published", "act", "type", "kind", "n_statements", "n_articles"}


def _store(db: str | None, readonly: bool = True):
    """The store to query, read-only unless a writer says otherwise; a missing SQLite file is an error
    here, not a new empty database."""
    from ..store import Store
    path = options(db=db).db
    if "://" not in path and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no database at {path} (run `onrecord ingest` first, or pass --db)", source=path)
    return Store(path, readonly=readonly)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    """Write rows to stdout as a rich table (``columns`` only), a JSON list, or CSV with a header."""
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        fields = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    else:
        _table(rows, columns)


# Short headers, so a table of counts still leaves room for the text in an 80-column terminal.
_HEADERS = {"n_statements": "stmts", "n_speakers": "spk", "n_articles": "arts", "n_supports": "sup",
            "n_refutes": "ref", "n_uncertain": "unc", "last_date": "last"}


# At under NARROW columns (an 80-column terminal, a pipe) the table makes room for the text: no vertical
# borders, these columns left out, names cut with an ellipsis at NAME_WIDTH, ids folded rather than cut.
NARROW = 120
_DROP_NARROW = ("type", "n_speakers", "n_articles")
_NAMES = ("speaker_name", "name", "outlet", "titles")
NAME_WIDTH = 15


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    console = Console(soft_wrap=False)
    narrow = console.width < NARROW
    if narrow:
        columns = [c for c in columns if c not in _DROP_NARROW]
    table = Table(show_lines=False, header_style="bold", box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
                  pad_edge=not narrow, collapse_padding=narrow)
    for name in columns:
        prose = name in ("title", "content", "text")
        counted = name.startswith("n_")
        cut = narrow and name in _NAMES
        table.add_column(_HEADERS.get(name, name[2:] if counted else name),
                         overflow="ellipsis" if cut else "fold", max_width=NAME_WIDTH if cut else None,
                         no_wrap=cut or name in _NO_WRAP or counted or name.endswith("_date"),
                         ratio=3 if prose else None,
                         justify="right" if counted else "left")
    for row in rows:
        table.add_row(*(", ".join(row[c]) if isinstance(row.get(c), list)
                        else _cell(row.get(c))[:10] if c.endswith("_date") else _cell(row.get(c))
                        for c in columns))
    console.print(table)
    if not rows:
        click.echo("(nothing found)", err=True)


@main.command()
@db_option
@limit_option
@offset_option
@click.option("--outlet", default=None, help="Only articles from this outlet.")
@format_option
@handle_errors
def articles(db, limit, offset, outlet, fmt):
    """List stored articles, newest first."""
    with _store(db) as store:
        rows = store.articles(limit=limit, offset=offset, outlet=outlet)
    render(rows, fmt, TABLE_COLUMNS["articles"])


@main.command()
@click.argument("article")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: metadata and statements; json: the whole record.")
@handle_errors
def show(article, db, fmt):
    """Show one stored ARTICLE (its id, or a board's link ID#STATEMENT) and what was said in it."""
    focus = ""
    with _store(db) as store:
        try:
            record = store.record(article)
        except StoreError:
            if "#" not in article:               # not a board link (ARTICLE#STATEMENT) either
                raise
            article, _, focus = article.rpartition("#")
            record = store.record(article)
    if focus and not any(s.id == focus for s in record.statements):
        raise UsageError(f"article {article!r} has no statement {focus!r}")
    if fmt == "json":
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(record_text(record, focus or None))


def record_text(record: Record, focus: str | None = None) -> str:
    """A readable listing: the article's metadata, its statements (``focus``, a statement id, marked
    with ">>"), and its claims with stances."""
    a = record.article
    names = {e.id: e.name for e in record.entities}
    lines = [f"{a.id}: {a.title or '(untitled)'}"]
    meta = [("outlet", a.outlet), ("published", a.published), ("author", a.author),
            ("language", a.language), ("license", a.license), ("url", a.url), ("source", a.source),
            ("pipeline", record.pipeline)]
    lines += [f"  {k}: {v}" for k, v in meta if v]
    lines.append(f"  {len(record.statements)} statement(s), {len(record.entities)} speaker(s), "
                 f"{len(record.claims)} claim(s)")
    for s in record.statements:
        who = names.get(s.speaker) or s.speaker_text or "(unattributed)"
        cue = f' cue "{s.cue}"' if s.cue else ""
        mark = ">> " if s.id == focus else ""
        lines += ["", f"{mark}[{s.id}] {who} - {s.act}, {s.type}{cue} @{s.content_span[0]}-{s.content_span[1]}",
                  f"    {s.content}"]
    for c in record.claims:
        lines += ["", f"claim {c.id}: {c.text}"]
        lines += [f"    {st.statement} ({names.get(st.speaker, st.speaker or '?')}): {st.stance}"
                  for st in c.stances]
    lines += [f"warning: {w}" for w in record.warnings]
    return "\n".join(lines)


@main.command()
@db_option
@click.option("--speaker", default=None, help="Speaker name (any part of it, case and accents ignored).")
@click.option("--act", type=click.Choice(ACTS), default=None, help="Only this speech act.")
@click.option("--search", default=None, help="Words that must all appear in the statement or speaker.")
@click.option("--claim", default=None, help="Only statements taking a stance on this claim (id or text).")
@click.option("--outlet", default=None, help="Only statements in articles from this outlet.")
@click.option("--since", default=None, callback=_iso_date, help="Published on or after this ISO date.")
@click.option("--until", default=None, callback=_iso_date, help="Published on or before this ISO date.")
@limit_option
@offset_option
@format_option
@handle_errors
def statements(db, speaker, act, search, claim, outlet, since, until, limit, offset, fmt):
    """List stored statements: who said what, where."""
    with _store(db) as store:
        rows = store.statements(speaker=speaker, act=act, search=search, claim=claim, outlet=outlet,
                                since=since, until=until, limit=limit, offset=offset)
    render(rows, fmt, TABLE_COLUMNS["statements"])


@main.command()
@db_option
@limit_option
@offset_option
@format_option
@handle_errors
def speakers(db, limit, offset, fmt):
    """List speakers across articles, most statements first."""
    with _store(db) as store:
        rows = store.speakers(limit=limit, offset=offset)
    render(rows, fmt, TABLE_COLUMNS["speakers"])


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def stats(db, fmt):
    """Counts of what the store holds, and how many articles are not linked into claims yet."""
    with _store(db) as store:
        summary = store.stats()
    if fmt == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    for key, value in summary.items():
        click.echo(f"{key}: {_cell(value)}")


@main.command()
@db_option
@handle_errors
def reanalyze(db):
    """Re-run analysis on stored articles analysed by another pipeline version (and link them)."""
    import onrecord

    from ..batch import reanalyze as reanalyze_stored
    opts = options(db=db)
    pipeline = onrecord.load_pipeline(opts)
    with _store(db, readonly=False) as store:
        done = reanalyze_stored(store, pipeline)
    click.echo(f"re-analysed {done} article(s) with {pipeline.version}", err=True)
