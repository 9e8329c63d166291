"""How the service refuses a request: one JSON shape, the statuses it documents."""

from __future__ import annotations

from fastapi.responses import JSONResponse

from api.schemas import ErrorOut

ERRORS = {
    400: {"model": ErrorOut, "description": "malformed request"},
    408: {"model": ErrorOut, "description": "the request body arrived too slowly"},
    413: {"model": ErrorOut, "description": "request or text too large"},
    415: {"model": ErrorOut, "description": "the body is not JSON (Content-Type)"},
    422: {"model": ErrorOut, "description": "invalid article"},
}


class ApiError(Exception):
    """A request the service refuses, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)
