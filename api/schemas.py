"""Request and response bodies of the HTTP API (they make the OpenAPI schema)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from scorer.scoring import ModelId, Score


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


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreOut(Score):
    """The library's ``Score`` with the text its evidence offsets index."""

    title: Annotated[str, Field(description="the title the spans index (extracted from html)")]
    body: Annotated[str, Field(description="the body the spans index")]

    @classmethod
    def of(cls, score: Score, title: str, body: str) -> ScoreOut:
        own = {item.name: getattr(score, item.name) for item in fields(score)}
        return cls(title=title, body=body, **own)


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
    model: ModelId | None = None


class SignalOut(BaseModel):
    """What a signal is, for a reader and for the page's legend."""

    name: str
    label_ar: str
    label_en: str
    subscore: str | None = Field(description="the sub-score it belongs to, if any")
    colour: str | None = Field(description="its evidence highlight colour; null: not marked")


class ProfileArticleIn(BaseModel):
    """An article and the outlet it comes from."""

    model_config = ConfigDict(extra="forbid")

    source: StrictStr = Field(description="the outlet (a name or a domain)")
    title: StrictStr | None = Field(default=None, description="the headline")
    body: StrictStr = Field(description="the article text")


class ProfileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ProfileArticleIn] = Field(
        description="up to the profile limit (default 1,000); an article that cannot be scored "
        "counts as an error of its outlet"
    )
    min_articles: int = Field(
        default=20, ge=1, description="outlets with fewer articles are listed apart, not ranked"
    )


class MeasureOut(BaseModel):
    """One measure of a profile: its column name, and its labels for a reader."""

    name: str
    kind: Literal["share", "mean"]
    label_ar: str
    label_en: str


class ProfileOut(BaseModel):
    measures: list[MeasureOut] = Field(description="the measures, in report order")
    outlets: list[dict[str, object]] = Field(
        description="one row per outlet, as `credscore profile` writes them: counts, each "
        "measure with its 95% interval (`_low`, `_high`), label counts, example articles"
    )
