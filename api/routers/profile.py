"""Outlet profiles of a bounded set of articles (``credscore profile`` for larger archives)."""

from __future__ import annotations

import json
from functools import partial

import pandas as pd
from fastapi import APIRouter

from api.deps import ModelDep, ScoringThreadDep, SettingsDep, in_scoring_thread
from api.errors import ERRORS, ApiError
from api.schemas import MeasureOut, ProfileIn, ProfileOut
from scorer.batch import BatchOptions, score_chunk
from scorer.profile import MEASURES, build_profile
from scorer.scoring import ScoringModel

router = APIRouter(prefix="/v1", tags=["profiles"])


def _profile(model: ScoringModel, max_chars: int, request: ProfileIn) -> ProfileOut:
    frame = pd.DataFrame([article.model_dump() for article in request.articles])
    options = BatchOptions(evidence=True, max_chars=max_chars)
    table = build_profile([score_chunk(model, frame, options)], "source", request.min_articles)
    # JSON has no NaN: an outlet whose articles all failed has null figures
    measures = [
        MeasureOut(name=name, kind=kind, label_ar=arabic, label_en=english)
        for name, kind, arabic, english in MEASURES
    ]
    outlets = json.loads(table.to_json(orient="records", force_ascii=False))
    return ProfileOut(measures=measures, outlets=outlets)


@router.post("/profile", response_model=ProfileOut, responses=ERRORS)
async def profile(
    request: ProfileIn, model: ModelDep, settings: SettingsDep, executor: ScoringThreadDep
) -> ProfileOut:
    """Per outlet: sourcing measures with 95% intervals and example articles with their spans."""
    if len(request.articles) > settings.max_profile_articles:
        raise ApiError(413, f"at most {settings.max_profile_articles} articles per profile")
    if not request.articles:
        raise ApiError(422, "no articles to profile")
    work = partial(_profile, model, settings.max_text_chars, request)
    return await in_scoring_thread(executor, work)
