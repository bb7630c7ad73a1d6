"""`onrecord serve`: the HTTP API and web pages over a store (uvicorn runs the app from onrecord.app)."""
from __future__ import annotations

import socket

import click

from ..errors import UsageError
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
    _check_free(host, port)
    app = create_app(ServerOptions.from_env(options(db=db)))
    click.echo(f"onrecord: serving {options(db=db).db} on http://{host}:{port}/ (API docs: /api/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


def _check_free(host: str, port: int) -> None:
    """A usage error (exit 2) naming the address when it cannot be bound, before the app starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror or exc} (another server there? "
                             f"pick one with --port)", code="E501") from exc
