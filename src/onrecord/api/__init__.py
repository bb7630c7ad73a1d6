"""The HTTP API and the web pages, in one FastAPI app: ``create_app(options)``.

JSON under ``/api`` (docs/api.md), pages at ``/`` (docs/web.md). Routes are thin: they call the Store,
or ``analyze`` for POST, and render. Errors are one JSON shape (``api.errors``).
"""
from __future__ import annotations

import logging

from fastapi import FastAPI

from .. import __version__
from ..settings import Options
from ..store import Store
from . import errors
from .config import ServerOptions
from .deps import State

log = logging.getLogger(__name__)


def create_app(options: Options | ServerOptions | None = None) -> FastAPI:
    """The app over ``options.db``. Plain ``Options`` take their tokens from the environment."""
    server = options if isinstance(options, ServerOptions) else ServerOptions.from_env(options)
    with Store(server.options.db):                # create or migrate the database once, up front
        pass
    app = FastAPI(title="onrecord", version=__version__, docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Who said what in the news: articles, statements, speakers and claims.")
    app.state.onrecord = State(server)
    from ..web import install as install_web
    from .routes import router
    app.include_router(router)
    html_error = install_web(app)
    errors.install(app, html_error)
    if not server.write_token:
        log.info("no ONRECORD_TOKEN: the API refuses writes")
    return app


__all__ = ["create_app", "ServerOptions"]
