"""The HTTP app: the JSON API (``onrecord.api``, under ``/api``) and the web pages (``onrecord.web``, at
``/``) in one FastAPI app, ``create_app(options)``. Above both: each of them imports only what they share
(``onrecord.server``), never the other.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI

from . import __version__, web
from .api import swagger
from .api.routes import router as api_router
from .server import errors
from .server.config import ServerOptions
from .server.deps import State
from .settings import Options
from .store import Store

log = logging.getLogger(__name__)


def create_app(options: Options | ServerOptions | None = None) -> FastAPI:
    """The app over ``options.db``. Plain ``Options`` take their tokens from the environment.

    The store is opened once up front, so a missing or unreadable one fails now: for writing when the
    app takes writes (a write token is set: the database is created or migrated), else read-only.
    """
    server = options if isinstance(options, ServerOptions) else ServerOptions.from_env(options)
    with Store(server.options.db, readonly=not server.write_token):
        pass
    app = FastAPI(title="onrecord", version=__version__, docs_url=None, redoc_url=None,   # docs: api.swagger
                  openapi_url="/api/openapi.json",
                  description="Who said what in the news: articles, statements, speakers and claims.")
    app.state.onrecord = State(server)
    app.include_router(api_router)
    swagger.install(app)                            # /api/docs with Swagger UI's files served here, no CDN
    errors.install(app, web.install(app))
    if not server.write_token:
        log.info("no ONRECORD_TOKEN: the API refuses writes")
    return app


__all__ = ["create_app", "ServerOptions"]
