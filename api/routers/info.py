"""What the service knows about itself: health, the model card, the signals, metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import CardDep, MetricsDep
from api.schemas import HealthOut, SignalOut
from scorer import signals

router = APIRouter(tags=["information"])


@router.get("/v1/health", response_model=HealthOut)
async def health(request: Request) -> HealthOut:
    """Liveness, and whether the model is loaded."""
    model = getattr(request.app.state, "model", None)
    identity = {"name": model.name, "version": model.version} if model else None
    return HealthOut(status="ok", model_loaded=model is not None, model=identity)


@router.get("/v1/signals", response_model=list[SignalOut])
async def signal_specs() -> list[SignalOut]:
    """Every signal the scorer reports, in report order, with its labels and colour (the
    page's legend is built from this)."""
    return [
        SignalOut(
            name=spec.name,
            label_ar=spec.label.ar,
            label_en=spec.label.en,
            subscore=spec.feature.subscore,
            colour=spec.evidence.colour,
        )
        for spec in signals.SPECS
    ]


@router.get("/v1/model")
async def model_card(card: CardDep) -> dict:
    """The loaded model's card (training data, metrics, features, versions, limits)."""
    return card


@router.get("/metrics", include_in_schema=False)
async def prometheus(metrics: MetricsDep) -> Response:
    return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.get("/v1/ping", include_in_schema=False)
async def ping() -> dict:
    """A trivial endpoint: the server's own ceiling in load tests."""
    return {"ok": True}
