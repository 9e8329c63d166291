"""The web page: one HTML file and its script, served with a strict content policy."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

# The page runs only its own script (no inline script), may not be framed, sends only to itself.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_HEADERS = {"Content-Security-Policy": PAGE_POLICY, "Referrer-Policy": "no-referrer"}
_STATIC = resources.files("api").joinpath("static")

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
async def page() -> HTMLResponse:
    return HTMLResponse(_STATIC.joinpath("index.html").read_text("utf-8"), headers=_HEADERS)


@router.get("/page.js")
async def page_script() -> Response:
    script = _STATIC.joinpath("page.js").read_text("utf-8")
    return Response(script, media_type="text/javascript", headers=_HEADERS)
