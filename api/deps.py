"""Typed dependencies of the routes: what each one needs, taken from the running app.

Tests replace any of them with ``app.dependency_overrides[get_model] = ...``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from prometheus_client import CollectorRegistry, Counter, Histogram

from api.settings import Settings
from scorer.scoring import ScoringModel

T = TypeVar("T")


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


async def get_model(request: Request) -> ScoringModel:
    """The model loaded at start-up."""
    return request.app.state.model


async def get_card(request: Request) -> dict:
    """The loaded model's card."""
    return request.app.state.card


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


async def get_scoring_thread(request: Request) -> ThreadPoolExecutor:
    """The one thread per worker process that scores, in arrival order."""
    return request.app.state.scoring_thread


ModelDep = Annotated[ScoringModel, Depends(get_model)]
CardDep = Annotated[dict, Depends(get_card)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
ScoringThreadDep = Annotated[ThreadPoolExecutor, Depends(get_scoring_thread)]


async def in_scoring_thread(executor: ThreadPoolExecutor, work: Callable[[], T]) -> T:
    """Scoring is CPU-bound: one thread per worker process does it, in arrival order,
    instead of many threads contending for the GIL (a convoy that multiplies latency)."""
    return await asyncio.get_running_loop().run_in_executor(executor, work)
