"""``/api/docs`` without the internet: Swagger UI's own files, from the ``swagger-ui-bundle-v2`` package
(Swagger UI 5.31, pinned in pyproject.toml), served at ``/api/docs/assets``, and the page FastAPI's
``get_swagger_ui_html`` makes, pointing at them and at the app's own OpenAPI 3.1 description (FastAPI's
default page loads them from a CDN).
"""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

DOCS = "/api/docs"
ASSETS = "/api/docs/assets"


def install(app: FastAPI) -> None:
    """Serve the Swagger UI page at ``DOCS`` over ``app.openapi_url`` (create the app with ``docs_url=None``)."""
    app.mount(ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")

    @app.get(DOCS, include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title=f"{app.title} API",
                                   swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
                                   swagger_ui_parameters=app.swagger_ui_parameters)


__all__ = ["install", "DOCS", "ASSETS"]
