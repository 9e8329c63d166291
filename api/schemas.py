"""Request and response bodies of the HTTP API (they make the OpenAPI schema)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr


class ArticleIn(BaseModel):
    """An article as title + body, or as a saved web page (``html``)."""

    model_config = ConfigDict(extra="forbid")

    title: StrictStr | None = Field(default=None, description="the headline")
    body: StrictStr | None = Field(default=None, description="the article text")
    html: StrictStr | None = Field(default=None, description="a saved page instead of title/body")


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # An item that is an object but not a valid article is kept as it came, so that it gets an
    # error of its own in the answer instead of failing the whole batch.
    articles: list[ArticleIn | dict[str, object]] = Field(
        description="up to the batch limit (default 100); an invalid item gets its own error"
    )


class SpanOut(BaseModel):
    signal: str
    field: Literal["title", "body"]
    start: int
    end: int
    text: str


class ContributionOut(BaseModel):
    feature: str
    value: float
    contribution: float = Field(description="log-odds push towards 'credible'")


class SubscoresOut(BaseModel):
    sourcing: float
    hedging: float
    sensationalism: float


class ModelIdOut(BaseModel):
    name: str
    version: str


class ScoreOut(BaseModel):
    title: str = Field(description="the title the spans index (extracted when html was given)")
    body: str = Field(description="the body the spans index")
    score: float
    label: Literal["credible", "uncertain", "not_credible"]
    probability: float
    subscores: SubscoresOut
    signals: dict[str, float]
    contributions: list[ContributionOut]
    evidence: list[SpanOut]
    model: ModelIdOut


class BatchItemOut(BaseModel):
    index: int
    result: ScoreOut | None = None
    error: str | None = None


class BatchOut(BaseModel):
    results: list[BatchItemOut]


class ErrorOut(BaseModel):
    error: str
    detail: list[dict] | None = None
    request_id: str | None = None


class HealthOut(BaseModel):
    status: Literal["ok"]
    model_loaded: bool
    model: ModelIdOut | None = None


class SignalOut(BaseModel):
    """What a signal is, for a reader and for the page's legend."""

    name: str
    label_ar: str
    label_en: str
    subscore: str | None = Field(description="the sub-score it belongs to, if any")
    colour: str | None = Field(description="its evidence highlight colour; null: not marked")
