"""The FastAPI app: scoring endpoints, health, model card, Prometheus metrics and the web page.

All logic lives in ``scorer``; this module translates requests into library calls and library
errors into HTTP 4xx answers with a JSON body that says what is wrong. An unexpected failure is
a 500 that carries a request id, also written to the log with the traceback.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial
from importlib import resources
from typing import TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.schemas import (
    ArticleIn,
    BatchIn,
    BatchItemOut,
    BatchOut,
    ErrorOut,
    HealthOut,
    ScoreOut,
    SignalOut,
)
from api.settings import Settings
from scorer import __version__, signals
from scorer.artifacts import load_model
from scorer.errors import InputError, ScorerError, first_problem
from scorer.webpage import extract_article

logger = logging.getLogger("credscore.api")
T = TypeVar("T")

_DRAIN_BYTES = 8 * 1024 * 1024  # read and dropped from a refused body before answering
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# The page runs only its own script (no inline script), may not be framed, sends only to itself.
_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

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


def _error(status: int, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


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
            await _error(408, "the request body did not arrive in time")(scope, receive, send)
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
        await _error(413, f"request body over {self.limit} bytes")(scope, receive, send)


class Metrics:
    """The app's Prometheus collectors, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "credscore_requests_total",
            "HTTP requests",
            ["method", "path", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "credscore_request_seconds",
            "HTTP request latency",
            ["path"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
            registry=self.registry,
        )
        self.articles = Counter(
            "credscore_articles_scored_total", "Articles scored", registry=self.registry
        )


def _article_text(article: ArticleIn, limit: int) -> tuple[str, str]:
    """Title and body of a request article, from title/body or from its HTML."""
    for name in ("title", "body", "html"):
        value = getattr(article, name)
        if value is not None and len(value) > limit:
            raise ApiError(413, f"{name} is over {limit} characters")
    if article.html is not None:
        if article.body is not None or article.title is not None:
            raise ApiError(422, "give either html or title/body, not both")
        return extract_article(article.html)
    if article.body is None:
        raise ApiError(422, "body is missing (or give html)")
    return article.title or "", article.body  # an empty article is the library's InputError


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service, configured by ``settings`` (default: from the environment)."""
    settings = settings or Settings()
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.model, app.state.card = load_model(settings.model_path)
        logger.info("model %s %s loaded", app.state.model.name, app.state.model.version)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="credscore") as scoring:
            app.state.scoring_thread = scoring
            yield

    app = FastAPI(
        title="credscore",
        version=__version__,
        description="Credibility and sourcing-quality scores for Arabic news, with evidence.",
        lifespan=lifespan,
    )
    app.state.settings = settings

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
            response = _error(error.status, error.message)
        except Exception:
            logger.exception("request %s failed", request_id)
            response = _error(500, "internal error", request_id=request_id)
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
            return _error(400, "the request body is not valid JSON")
        details = [
            {"loc": list(p.get("loc", ())), "msg": p.get("msg", ""), "type": p.get("type", "")}
            for p in problems
        ]
        return _error(422, "the request does not match the schema", detail=details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else json.dumps(error.detail)
        return _error(error.status_code, message)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.message)

    @app.exception_handler(InputError)
    async def input_error(request: Request, error: InputError) -> JSONResponse:
        return _error(422, str(error))

    @app.exception_handler(ScorerError)
    async def scorer_error(request: Request, error: ScorerError) -> JSONResponse:
        return _error(422, str(error))

    def score_one(request: Request, article: ArticleIn) -> ScoreOut:
        title, body = _article_text(article, settings.max_text_chars)
        result = request.app.state.model.score(title, body)
        metrics.articles.inc()
        return ScoreOut.model_validate({"title": title, "body": body, **result.as_dict()})

    async def in_scoring_thread(request: Request, work: Callable[[], T]) -> T:
        """Scoring is CPU-bound: one thread per worker process does it, in arrival order,
        instead of many threads contending for the GIL (a convoy that multiplies latency)."""
        executor = request.app.state.scoring_thread
        return await asyncio.get_running_loop().run_in_executor(executor, work)

    @app.post("/v1/score", response_model=ScoreOut, responses=ERRORS)
    async def score(request: Request, article: ArticleIn) -> ScoreOut:
        """Score one article (title + body, or a saved page as ``html``)."""
        return await in_scoring_thread(request, partial(score_one, request, article))

    @app.post("/v1/score/batch", response_model=BatchOut, responses=ERRORS)
    async def score_batch(request: Request, batch: BatchIn) -> BatchOut:
        """Score up to ``max_batch`` articles; a bad item gets an error, the others a result."""
        return await in_scoring_thread(request, partial(score_many, request, batch))

    def score_many(request: Request, batch: BatchIn) -> BatchOut:
        if len(batch.articles) > settings.max_batch:
            raise ApiError(413, f"at most {settings.max_batch} articles per batch")
        if not batch.articles:
            raise ApiError(422, "the batch is empty")
        results = []
        for index, item in enumerate(batch.articles):
            try:
                article = item if isinstance(item, ArticleIn) else ArticleIn.model_validate(item)
                results.append(BatchItemOut(index=index, result=score_one(request, article)))
            except ValidationError as error:
                results.append(BatchItemOut(index=index, error=first_problem(error)))
            except (ApiError, ScorerError) as error:
                results.append(BatchItemOut(index=index, error=str(error)))
        return BatchOut(results=results)

    @app.get("/v1/health", response_model=HealthOut)
    def health(request: Request) -> HealthOut:
        """Liveness, and whether the model is loaded."""
        model = getattr(request.app.state, "model", None)
        identity = {"name": model.name, "version": model.version} if model else None
        return HealthOut(status="ok", model_loaded=model is not None, model=identity)

    @app.get("/v1/signals", response_model=list[SignalOut])
    def signal_specs() -> list[SignalOut]:
        """Every signal the scorer reports, in report order, with its labels and colour (the
        page's legend is built from this)."""
        return [
            SignalOut(
                name=spec.name,
                label_ar=spec.label_ar,
                label_en=spec.label_en,
                subscore=spec.subscore,
                colour=spec.colour,
            )
            for spec in signals.SPECS
        ]

    @app.get("/v1/model")
    def model_card(request: Request) -> dict:
        """The loaded model's card (training data, metrics, features, versions, limits)."""
        return request.app.state.card

    @app.get("/metrics", include_in_schema=False)
    def prometheus() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    static = resources.files("api").joinpath("static")
    page_headers = {"Content-Security-Policy": _PAGE_POLICY, "Referrer-Policy": "no-referrer"}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        html = static.joinpath("index.html").read_text("utf-8")
        return HTMLResponse(html, headers=page_headers)

    @app.get("/page.js", include_in_schema=False)
    def page_script() -> Response:
        script = static.joinpath("page.js").read_text("utf-8")
        return Response(script, media_type="text/javascript", headers=page_headers)

    @app.get("/v1/ping", include_in_schema=False)
    def ping() -> dict:
        """A trivial endpoint: the server's own ceiling in load tests."""
        return {"ok": True}

    return app
