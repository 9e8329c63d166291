"""The FastAPI app: middleware, error handlers and the routers of ``api.routers``.

All logic lives in ``scorer``; the service translates requests into library calls and library
errors into HTTP 4xx answers with a JSON body that says what is wrong. An unexpected failure is
a 500 that carries a request id, also written to the log with the traceback.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import Metrics
from api.errors import ApiError, error_response
from api.routers import info, page, profile, scoring
from api.settings import Settings
from scorer import __version__
from scorer.artifacts import load_model
from scorer.errors import InputError, ScorerError

logger = logging.getLogger("credscore.api")

_DRAIN_BYTES = 8 * 1024 * 1024  # read and dropped from a refused body before answering
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class BodySizeLimit:
    """Read each request body whole, up to ``limit`` bytes, before anything parses it.

    Over the limit is a 413, whether the size is declared (Content-Length) or found while
    reading a chunked body; up to ``_DRAIN_BYTES`` of a refused body are read and dropped first,
    so that the client reads the 413 instead of a reset connection (as nginx's lingering close
    does). A body that stalls for ``timeout`` seconds is a 408.
    """

    def __init__(self, app: ASGIApp, limit: int, timeout: float) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        try:
            if declared is not None and declared.isdigit() and int(declared) > self.limit:
                await self._refuse(receive, scope, send)
                return
            chunks, size, more = [], 0, True
            while more:
                message = await asyncio.wait_for(receive(), self.timeout)
                if message["type"] == "http.disconnect":
                    return  # the client is gone: nobody to answer
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.limit:
                    await self._refuse(receive, scope, send)
                    return
                more = message.get("more_body", False)
        except TimeoutError:
            await error_response(408, "the request body did not arrive in time")(
                scope, receive, send
            )
            return
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, receive: Receive, scope: Scope, send: Send) -> None:
        """Read and drop up to ``_DRAIN_BYTES`` of the body, then answer 413."""
        drained = 0
        while drained < _DRAIN_BYTES:
            try:
                message = await asyncio.wait_for(receive(), self.timeout)
            except TimeoutError:
                break  # the client stopped sending: answer anyway
            drained += len(message.get("body", b""))
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        await error_response(413, f"request body over {self.limit} bytes")(scope, receive, send)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service, configured by ``settings`` (default: from the environment)."""
    settings = settings or Settings()
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.model, app.state.card = load_model(settings.model_path)
        logger.info("model %s %s loaded", app.state.model.name, app.state.model.version)
        # The modules and the model, ~140,000 objects, live as long as the process: out of the
        # collector's sight, a full collection under load takes milliseconds instead of ~100 ms
        # that every request in flight waits for.
        gc.freeze()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="credscore") as scoring_thread:
            app.state.scoring_thread = scoring_thread
            yield

    app = FastAPI(
        title="credscore",
        version=__version__,
        description="Credibility and sourcing-quality scores for Arabic news, with evidence.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics = metrics

    @app.middleware("http")
    async def request_context(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        request_id = uuid.uuid4().hex
        request.state.request_id = request_id
        started = time.perf_counter()
        content_type = request.headers.get("content-type", "")
        try:
            if (
                request.method == "POST"
                and content_type.split(";")[0].strip().lower() != "application/json"
            ):
                raise ApiError(
                    415, "send the request body as JSON (Content-Type: application/json)"
                )
            response = await call_next(request)
        except ApiError as error:
            response = error_response(error.status, error.message)
        except Exception:
            logger.exception("request %s failed", request_id)
            response = error_response(500, "internal error", request_id=request_id)
        route = request.scope.get("route")
        path = getattr(route, "path", "unmatched")
        method = request.method if request.method in _METHODS else "other"  # bounded labels
        metrics.requests.labels(method, path, str(response.status_code)).inc()
        metrics.latency.labels(path).observe(time.perf_counter() - started)
        response.headers["X-Request-ID"] = request_id
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    app.add_middleware(
        BodySizeLimit, limit=settings.max_request_bytes, timeout=settings.body_timeout_s
    )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = error.errors()
        if any(p.get("type") == "json_invalid" for p in problems):
            return error_response(400, "the request body is not valid JSON")
        details = [
            {"loc": list(p.get("loc", ())), "msg": p.get("msg", ""), "type": p.get("type", "")}
            for p in problems
        ]
        return error_response(422, "the request does not match the schema", detail=details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else json.dumps(error.detail)
        return error_response(error.status_code, message)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.message)

    @app.exception_handler(InputError)
    async def input_error(request: Request, error: InputError) -> JSONResponse:
        return error_response(422, str(error))

    @app.exception_handler(ScorerError)
    async def scorer_error(request: Request, error: ScorerError) -> JSONResponse:
        return error_response(422, str(error))

    for router in (scoring.router, profile.router, info.router, page.router):
        app.include_router(router)
    return app
