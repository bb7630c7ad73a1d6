"""How a page is rendered: the Jinja2 environment over ``templates/`` (autoescaped, strict) and ``page()``,
which gives a template its view model as ``page`` and what the header needs as ``nav``."""
from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..server.deps import reads_closed, signed_in

HERE = Path(__file__).parent

env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)
templates = Jinja2Templates(env=env)


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """``template`` with ``context`` as ``page``; ``nav.sign_out``: whether the header offers signing out
    (reads need a token and this browser signed in)."""
    nav = {"sign_out": reads_closed(request) and signed_in(request)}
    return templates.TemplateResponse(request, template, {"page": context, "nav": nav}, status_code=status)


__all__ = ["env", "templates", "page"]
