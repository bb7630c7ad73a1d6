"""The `onrecord` command: click commands that parse, call the core or the store, and render.

Commands live in one module per area (ingest, query, evaluation, ...); each registers itself on
``main``. Exit status: 0 all done, 1 some input skipped, 2 usage error.
"""
from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__
from ..errors import OnrecordError, UsageError

# Modules that add commands to `main`, in the order they appear in --help.
COMMAND_MODULES = ("ingest", "query", "evaluate", "serve", "export", "claims", "spark")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="onrecord")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Read the news and keep a sourced record of who said what."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if verbose >= 2:                     # ingest/html.py quiets trafilatura's per-page warnings
        logging.getLogger("trafilatura").setLevel(logging.DEBUG)


for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{__name__}.{_name}":
            raise


def run() -> None:  # pragma: no cover - thin wrapper used by the console script
    main()


__all__ = ["main", "OnrecordError", "UsageError"]
