"""Claims commands: the board (``claims``, ``claim``), ``claims import`` / ``claims link``, ``stance``, ``match``.

Each parses its input, calls ``onrecord.claims``, ``onrecord.store.claims`` (the boards, on a store opened
read-only: they show what is linked) or ``onrecord.batch`` (linking, importing), and renders.
"""
from __future__ import annotations

import json
import sys

import click

from ..errors import ClaimsError, UsageError
from . import main
from .common import db_option, format_option, handle_errors
from .query import _store, limit_option, offset_option, render

BOARD_COLUMNS = ("id", "text", "n_statements", "n_speakers", "n_articles", "n_supports", "n_refutes",
                 "n_uncertain", "last_date")


def _jsonl(path: str) -> list[dict]:
    rows = []
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"line {n} is not JSON: {exc}", source=path) from exc
            if not isinstance(row, dict):
                raise UsageError(f"line {n} is not a JSON object", source=path)
            rows.append(row)
    return rows


def _note_unlinked(store) -> None:
    """One line on stderr when some stored articles are not in the claims across articles yet."""
    from ..store.claims import unlinked
    n = unlinked(store.backend)
    if n:
        click.echo(f"note: {n} stored article(s) not linked into claims yet; `onrecord claims link` links them",
                   err=True)


@main.group(invoke_without_command=True)
@db_option
@click.option("--search", default=None, help="Words that must all be in the claim's text.")
@limit_option
@offset_option
@format_option
@click.pass_context
@handle_errors
def claims(ctx, db, search, limit, offset, fmt):
    """Claims across articles, most statements first (as linked so far: see `claims link`)."""
    if ctx.invoked_subcommand is not None:
        return
    from ..store import claims as board
    with _store(db) as store:
        render(board.claims(store, limit=limit, offset=offset, search=search), fmt, BOARD_COLUMNS)
        _note_unlinked(store)


@claims.command("link")
@db_option
@handle_errors
def link_cmd(db):
    """Fold newly stored or re-analysed articles' claims into the claims across articles."""
    from ..batch import link
    with _store(db, readonly=False) as store:
        click.echo(f"linked {link(store)} article(s)", err=True)


@claims.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
@handle_errors
def import_cmd(file, db):
    """Load fact-checked claims (ClaimReview JSON-LD, CSV, or JSONL {id, text, rating?, url?})."""
    from ..batch import import_known
    from ..claims.known import read_known
    from ..store import Store
    from .common import options
    known, skipped = read_known(file)
    for reason in skipped:
        click.echo(f"skipped {reason}", err=True)
    with Store(options(db=db).db) as store:
        counts = import_known(store, known, source=str(file))
    click.echo(f"imported {counts['added']} new, {counts['updated']} updated; "
               f"{counts['statements_matched']} statement(s) matched; skipped {len(skipped)}", err=True)
    sys.exit(1 if skipped else 0)


@main.command()
@click.argument("claim_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def claim(claim_id, db, fmt):
    """Who supports, refutes or cannot confirm one claim, and how positions changed over time."""
    from ..store import claims as board
    with _store(db) as store:
        b = board.claim(store, claim_id)
        _note_unlinked(store)
    if fmt == "json":
        click.echo(json.dumps(b, ensure_ascii=False, indent=2))
        return
    click.echo(f"{b['id']}: {b['text']}")
    if b.get("rating"):
        click.echo(f"fact-check: {b['rating']} {b.get('url') or ''}")
    click.echo(f"{b['n_statements']} statement(s), {b['n_speakers']} speaker(s), {b['n_articles']} article(s)")
    for stance, title in (("supports", "Supports"), ("refutes", "Refutes"), ("uncertain", "Cannot confirm")):
        rows = b["holders"][stance]
        click.echo(f"\n{title} ({len(rows)} speaker(s), {len(b[stance])} statement(s))")
        for r in rows:
            _holder(r)
    if b["channels"]:
        click.echo(f"\nReported by ({len(b['channels'])} outlet(s) as speakers: channels, not positions)")
        for r in b["channels"]:
            _holder(r)
    if b["unattributed"]:
        click.echo(f"\nSpeaker not resolved ({len(b['unattributed'])} statement(s): no one's position)")
        for r in b["unattributed"]:
            _holder(r)
    if b["changes"]:
        click.echo("\nChanges of position")
        for c in b["changes"]:
            click.echo(f"  {c['speaker']}: {c['from']} ({c['from_date']}) -> {c['to']} ({c['to_date']})")


def _holder(row: dict) -> None:
    """One speaker's row of a board: latest stance since when, then each statement, newest last."""
    since = f"  since {row['since']}" if row["changed"] and row.get("since") else \
        (f"  {row['date']}" if row["date"] else "")
    n = row["n_statements"]
    who = row["speaker_name"] or (f"(unresolved: {row['speaker_text']!r})" if row.get("speaker_text")
                                  else "(unattributed)")
    click.echo(f"  {who}{since}  {n} statement(s)"
               + (f"  [{', '.join(row['outlets'])}]" if row["outlets"] else ""))
    for p in row["statements"][-3:]:
        click.echo(f"      {p['date'] or '????-??-??'}  {p['stance']:<9}  \"{p['content'][:160]}\"  {p['link']}")
    if n > 3:
        click.echo(f"      … and {n - 3} earlier statement(s)")


@main.command()
@click.argument("pairs", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--explain", is_flag=True, help="Give each verdict's similarity and the model's probabilities.")
@handle_errors
def stance(pairs, explain):
    """Stance of each text toward its claim: lines {id, claim, text} -> lines {id, stance}.

    stance: supports | refutes | uncertain | unrelated. A text may be a headline or a whole article (read
    as its passage nearest the claim). Pairs far from their claim are unrelated at once; the others go to
    the stance cross-encoder. Each distinct text is encoded once; verdicts are written as they come, with
    progress on stderr when it is a terminal.
    """
    from ..claims.pairs import PairJudge
    rows = _jsonl(pairs)
    for n, row in enumerate(rows, 1):
        if not isinstance(row.get("claim"), str) or not isinstance(row.get("text"), str):
            raise UsageError(f"line {n}: needs string 'claim' and 'text'", source=pairs)
    verdicts = PairJudge().stream(rows)
    hidden = not sys.stderr.isatty() or len(rows) < 2
    with click.progressbar(length=len(rows), label="pairs", file=sys.stderr, hidden=hidden) as bar:
        for row, verdict in zip(rows, verdicts):
            click.echo(json.dumps(verdict.to_dict(row.get("id"), explain), ensure_ascii=False))
            bar.update(1)


@main.command()
@click.option("--claims", "claims_file", required=True, type=click.Path(dir_okay=False),
              help="Known claims: JSONL {id, text, title?}, CSV/TSV, or ClaimReview JSON-LD.")
@click.argument("queries", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True)
@handle_errors
def match(claims_file, queries, top):
    """Rank known claims for each query: lines {id, text} -> lines {id, matches: [{claim, score}]}."""
    from ..claims.known import read_known
    from ..claims.matching import Matcher
    known, skipped = read_known(claims_file)
    if not known:
        raise ClaimsError("no claims in the claims file", code="E603", source=claims_file)
    rows = _jsonl(queries)
    for n, row in enumerate(rows, 1):
        if not isinstance(row.get("text"), str):
            raise UsageError(f"line {n}: needs a string 'text'", source=queries)
    ranked = Matcher(known).top([r["text"] for r in rows], k=top)
    for row, hits in zip(rows, ranked):
        click.echo(json.dumps({"id": row.get("id"), "matches": [{"claim": c.id, "score": s} for c, s in hits]},
                              ensure_ascii=False))
    if skipped:
        click.echo(f"skipped {len(skipped)} claim(s) without text", err=True)
