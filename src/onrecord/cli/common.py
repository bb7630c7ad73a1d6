"""Shared pieces of the CLI: options, error translation, exit codes, rendering helpers."""
from __future__ import annotations

import functools
import sys

import click

from ..errors import OnrecordError, UsageError
from ..settings import Options

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2

db_option = click.option("--db", envvar="ONRECORD_DB", default=None,
                         help="SQLite file (default ./onrecord.db) or postgresql:// URL. Env: ONRECORD_DB.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                             default="table", show_default=True, help="Output format.")


learned_option = click.option(
    "--learned", is_flag=True, default=None,
    help="Merge the learned attribution tagger (MiniLM; ONRECORD_TAGGER=crf for the older CRF) with the "
         "rules: more recall and PolNeAR-style spans, less precision on our news gold, about 3x slower "
         "(docs/accuracy.md). Env: ONRECORD_LEARNED=1.")


resolver_option = click.option(
    "--resolver", type=click.Choice(("rules", "learned", "encoder")), default=None,
    help="How pronouns and descriptions find their speaker: the rules' salience, the learned antecedent "
         "ranker, or the ranker with the encoder's pronoun-candidate scores added (docs/accuracy.md). "
         "Env: ONRECORD_RESOLVER.")


def options(**overrides) -> Options:
    """Build the one Options object from environment and flags (flags win)."""
    return Options.from_env(**overrides)


def handle_errors(func):
    """Turn OnrecordError into a clear message on stderr and the right exit status."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            click.echo(f"onrecord: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except OnrecordError as exc:
            click.echo(f"onrecord: {exc}", err=True)
            sys.exit(EXIT_SKIPPED)
    return wrapper
