"""Scoring: one article, or a batch whose bad items get an error of their own."""

from __future__ import annotations

from functools import partial
from typing import TypeVar

from fastapi import APIRouter
from pydantic import ValidationError

from api.deps import MetricsDep, ModelDep, ScoringThreadDep, SettingsDep, in_scoring_thread
from api.errors import ERRORS, ApiError
from api.schemas import ArticleIn, BatchIn, BatchItemOut, BatchOut, ScoreOut
from scorer.errors import ScorerError, first_problem
from scorer.scoring import ScoringModel
from scorer.webpage import extract_article

T = TypeVar("T")
router = APIRouter(prefix="/v1", tags=["scoring"])


def article_text(article: ArticleIn, limit: int) -> tuple[str, str]:
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


def _score_one(model: ScoringModel, limit: int, article: ArticleIn) -> ScoreOut:
    title, body = article_text(article, limit)
    result = model.score(title, body)
    return ScoreOut.of(result, title, body)


@router.post("/score", response_model=ScoreOut, responses=ERRORS)
async def score(
    article: ArticleIn,
    model: ModelDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    executor: ScoringThreadDep,
) -> ScoreOut:
    """Score one article (title + body, or a saved page as ``html``)."""
    result = await in_scoring_thread(
        executor, partial(_score_one, model, settings.max_text_chars, article)
    )
    metrics.articles.inc()
    return result


@router.post("/score/batch", response_model=BatchOut, responses=ERRORS)
async def score_batch(
    batch: BatchIn,
    model: ModelDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    executor: ScoringThreadDep,
) -> BatchOut:
    """Score up to ``max_batch`` articles; a bad item gets an error, the others a result."""
    if len(batch.articles) > settings.max_batch:
        raise ApiError(413, f"at most {settings.max_batch} articles per batch")
    if not batch.articles:
        raise ApiError(422, "the batch is empty")
    results = await in_scoring_thread(
        executor, partial(_score_many, model, settings.max_text_chars, batch)
    )
    metrics.articles.inc(sum(item.result is not None for item in results.results))
    return results


def _score_many(model: ScoringModel, limit: int, batch: BatchIn) -> BatchOut:
    results = []
    for index, item in enumerate(batch.articles):
        try:
            article = item if isinstance(item, ArticleIn) else ArticleIn.model_validate(item)
            results.append(BatchItemOut(index=index, result=_score_one(model, limit, article)))
        except ValidationError as error:
            results.append(BatchItemOut(index=index, error=first_problem(error)))
        except (ApiError, ScorerError) as error:
            results.append(BatchItemOut(index=index, error=str(error)))
    return BatchOut(results=results)
