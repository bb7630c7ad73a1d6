"""Signing in a browser where reads need ONRECORD_READ_TOKEN: a browser sends no ``Authorization`` header,
so ``POST /login`` takes the token from a form and sets the sign-in cookie that ``server.deps.can_read``
accepts as well as the header (HttpOnly, SameSite=Strict, an HMAC of the token). ``/logout`` drops it.

    GET  /login?next=/claims   the form (straight on to ``next`` when reads are open or already signed in)
    POST /login                token=…&next=…: 303 to ``next`` with the cookie, or the form again (401)
    GET|POST /logout           drops the cookie, 303 to /login (or / when reads are open)
"""
from __future__ import annotations

import logging
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..server import deps
from ..server.errors import ApiError
from .render import page
from .views import safe_next

log = logging.getLogger(__name__)

FORM_LIMIT = 8192           # bytes of a sign-in form at most

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def form(request: Request, status: int = 200, back: str = "/", wrong: bool = False) -> HTMLResponse:
    """The sign-in form, to come back to ``back`` (kept only when it is a path here: ``views.safe_next``)."""
    return page(request, "login.html", status=status, title="Sign in", q="", next=safe_next(back), wrong=wrong,
                asked=status == 401 and not wrong)


def _go(target: str) -> RedirectResponse:
    return RedirectResponse(safe_next(target), status_code=303)


async def _fields(request: Request) -> dict[str, str]:
    """The url-encoded form's fields (the first value of each); a body over FORM_LIMIT is refused (413)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > FORM_LIMIT:
            raise ApiError(413, "E515", f"the sign-in form is over {FORM_LIMIT} bytes")
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}


@router.get("/login")
def login_form(request: Request, next: str = Query("/", max_length=2000)):
    if not deps.reads_closed(request) or deps.signed_in(request):
        return _go(next)
    return form(request, back=next)


@router.post("/login")
async def login(request: Request):
    fields = await _fields(request)
    back = fields.get("next", "/")
    if not deps.reads_closed(request):
        return _go(back)
    token = fields.get("token", "").strip()
    if not deps.opens_reads(request, token):
        log.info("sign-in refused: wrong token")
        return form(request, status=401, back=back, wrong=True)
    response = _go(back)
    deps.sign_in(request, response, token)
    return response


@router.api_route("/logout", methods=["GET", "POST"])
def logout(request: Request) -> Response:
    response = RedirectResponse("/login" if deps.reads_closed(request) else "/", status_code=303)
    deps.sign_out(request, response)
    return response


__all__ = ["router", "form"]
