"""One JSON error shape for every error the API returns, and the translation from OnrecordError.

    {"error": {"code": "E202", "message": "no article with id 'x'", "status": 404}}

Pages (paths outside /api) get the same code, message and status as an HTML page.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import OnrecordError

log = logging.getLogger(__name__)

# Codes the HTTP layer adds to those of onrecord.errors (E5xx: usage). Keep in step with docs/api.md.
API_CODES = {
    "E000": "internal error",
    "E510": "invalid request (a parameter or the body failed validation)",
    "E511": "no such route",
    "E512": "method not allowed",
    "E513": "missing or wrong bearer token",
    "E514": "writes are disabled: no ONRECORD_TOKEN is configured",
    "E515": "request error",
}

# The HTTP status of an OnrecordError, by code (first match: exact code, then its area's hundred).
STATUS_BY_CODE = {"E202": 404, "E204": 404, "E205": 404, "E104": 502, "E105": 504, "E106": 413,
                  "E301": 503, "E1": 422, "E5": 400, "E2": 500, "E3": 500, "E4": 400, "E6": 500}


class ErrorDetail(BaseModel):
    code: str
    message: str
    status: int
    details: list[dict[str, str]] | None = None


class ErrorResponse(BaseModel):
    """The shape of every error: ``{"error": {"code", "message", "status"}}`` (``details`` on 422)."""

    error: ErrorDetail


# The error responses every API route may give, for the OpenAPI document.
RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text} for status, text in (
        (401, "A bearer token is needed (E513)"), (404, "Not found (E202 article, E205 claim, E204 speaker)"),
        (422, "Invalid parameters or body (E510), or an input that cannot be read (E1xx)"),
        (500, "Internal error (E000)"))}


class ApiError(Exception):
    """An error raised by a route: a code, a message and an HTTP status."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def status_of(exc: OnrecordError) -> int:
    return STATUS_BY_CODE.get(exc.code) or STATUS_BY_CODE.get(exc.code[:2], 500)


def body(code: str, message: str, status: int, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status, **extra}}


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
               for e in exc.errors()]
    text = "; ".join(f"{d['where']}: {d['problem']}" for d in details) or "invalid request"
    return text, details


def install(app: FastAPI, html_error) -> None:
    """Register the handlers. ``html_error(request, code, message, status)`` renders a page's error."""

    def respond(request: Request, status: int, code: str, message: str, headers=None, **extra) -> Response:
        if not request.url.path.startswith("/api") and html_error is not None:
            return html_error(request, code, message, status, headers)
        return JSONResponse(body(code, message, status, **extra), status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(OnrecordError)
    async def _onrecord(request: Request, exc: OnrecordError):
        return respond(request, status_of(exc), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        message, details = _validation_message(exc)
        return respond(request, 422, "E510", message, details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = {404: "E511", 405: "E512"}.get(exc.status_code, "E515")
        message = {404: f"no such page: {request.url.path}",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(
            exc.status_code, str(exc.detail))
        return respond(request, exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return respond(request, 500, "E000", f"internal error ({type(exc).__name__}); see the server log")
