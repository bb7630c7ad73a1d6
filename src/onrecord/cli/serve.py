"""`onrecord serve`: the HTTP API and web pages over a store (uvicorn runs the app from onrecord.app)."""
from __future__ import annotations

import click

from . import main
from .common import db_option, handle_errors, options


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port.")
@handle_errors
def serve(db, host, port):
    """Serve the store: JSON API under /api, web pages at /.

    Reads open the store read-only. Writes (POST /api/articles) need the bearer token in ONRECORD_TOKEN;
    without it they are refused. Set ONRECORD_READ_TOKEN to close reads too.
    """
    import uvicorn

    from ..app import ServerOptions, create_app
    app = create_app(ServerOptions.from_env(options(db=db)))
    click.echo(f"onrecord: serving {options(db=db).db} on http://{host}:{port}/ (API docs: /api/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
