"""Scoring an article with a trained model: the score, its label, sub-scores and why.

``probability`` is the calibrated P(credible) under the training data's base rate (what the
Brier score measures). ``score`` (0-100) is the same evidence with equal priors: 50 means the
article's evidence points neither way, whatever the share of credible articles in the training
set. Labels come from bands on the score chosen on out-of-fold predictions (see training). Each
contribution is ``coef * (feature - training mean)`` in log-odds units, positive towards
"credible".

Everything here runs on numpy: the results are the one result schema of the library, the CLI,
batch files and the service.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Literal, get_args

import numpy as np
from pydantic import Field
from typing_extensions import TypedDict

from scorer.analysis import analyze
from scorer.errors import ScorerError
from scorer.explain import reasons
from scorer.result import Analysis, AsDict, Span
from scorer.signals import signal_matrix
from scorer.signals.spec import HOPS_FEATURE, hops_beyond
from scorer.text_branch import TEXT_FEATURES, TextLogits, joined_text

Label = Literal["not_credible", "uncertain", "credible"]
LABELS: tuple[Label, ...] = get_args(Label)
TOP_CONTRIBUTIONS = 6


class Subscores(TypedDict):
    """The three readable 0-100 sub-scores (see ``subscores``)."""

    sourcing: float
    hedging: float
    sensationalism: float


SUBSCORES: tuple[str, ...] = tuple(Subscores.__annotations__)


class ModelId(TypedDict):
    """Which model gave a score."""

    name: str
    version: str


@dataclass(frozen=True, slots=True)
class Contribution(AsDict):
    """One feature's signed push on the log-odds of "credible"."""

    feature: str
    value: float
    contribution: Annotated[float, Field(description="log-odds push towards 'credible'")]
    reason: Annotated[str, Field(description="what it is, in Arabic words for a reader")] = ""
    reason_en: Annotated[str, Field(description="the same in English")] = ""


@dataclass(frozen=True, slots=True)
class Score(AsDict):
    """The scored article: score, label, probability, sub-scores, signals and why."""

    score: float
    label: Label
    probability: float
    subscores: Subscores
    signals: dict[str, float]
    contributions: tuple[Contribution, ...]
    evidence: tuple[Span, ...]
    model: ModelId


def prior_free_score(probability: np.ndarray, prior: float) -> np.ndarray:
    """100 * P(credible) with the base rate ``prior`` replaced by equal priors."""
    clipped = np.clip(probability, 1e-9, 1 - 1e-9)
    logit = np.log(clipped / (1 - clipped)) - math.log(prior / (1 - prior))
    return 100.0 / (1.0 + np.exp(-logit))


def subscores(signals: dict[str, float]) -> Subscores:
    """Three readable 0-100 sub-scores, each a fixed function of the signals.

    - ``sourcing`` (higher is better): 0 with no attribution at all; otherwise the share of
      named sources (60 points), direct quotes (up to 20 points, 10 each) and named sources in
      number (up to 20 points, 5 each), minus 10 for each relay hop beyond the second.
    - ``hedging`` (higher is more hedged): ``100 * (1 - exp(-h / 10))`` for ``h`` hedges per
      1,000 words (10 per 1,000 words gives 63).
    - ``sensationalism`` (higher is more sensational): ``100 * (1 - exp(-c / 2))`` for ``c``
      title cues, plus 10 per word broken to dodge filters, at most 100.
    """
    named, anonymous = signals["named_sources"], signals["anonymous_sources"]
    if named + anonymous == 0:
        sourcing = 0.0
    else:
        sourcing = (
            60.0 * named / (named + anonymous)
            + min(signals["direct_quotes"], 2.0) * 10.0
            + min(named, 4.0) * 5.0
            - 10.0 * hops_beyond(signals["attribution_depth"])
        )
    hedging = 100.0 * (1.0 - math.exp(-signals["hedges_per_1000_words"] / 10.0))
    sensationalism = 100.0 * (1.0 - math.exp(-signals["sensational_headline"] / 2.0))
    sensationalism += 10.0 * signals["obfuscated_terms"]
    return {
        "sourcing": round(min(max(sourcing, 0.0), 100.0), 1),
        "hedging": round(hedging, 1),
        "sensationalism": round(min(sensationalism, 100.0), 1),
    }


@dataclass(frozen=True, eq=False)
class ScoringModel:
    """A trained model as scoring needs it: identity, base rate, bands, the final logistic
    regression's coefficients over ``feature_names`` and the text branch's numbers. Built from
    the fitted pipeline (``CredibilityModel.scoring_model``); it needs numpy only, so loading
    and scoring import neither scikit-learn nor SciPy."""

    name: str
    version: str
    prior: float
    bands: tuple[float, float]
    feature_names: tuple[str, ...]
    feature_means: tuple[float, ...]
    coef: np.ndarray
    intercept: float
    text: TextLogits

    def label_for(self, score: float) -> Label:
        low, high = self.bands
        return LABELS[0] if score < low else LABELS[2] if score >= high else LABELS[1]

    def score_to_prior_free(self, probability: np.ndarray) -> np.ndarray:
        """The score (0-100) of probabilities at this model's training base rate."""
        return prior_free_score(probability, self.prior)

    def features(self, texts: list[str], analyses: Sequence[Analysis]) -> np.ndarray:
        """The final classifier's input: the signal features, then the text logits."""
        return np.hstack([signal_matrix(analyses), self.text.transform(texts)])

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(credible): the logistic function of the linear score, as the fitted classifier
        computes it (libm's ``exp``, as SciPy's ``expit``)."""
        logits = features @ self.coef + self.intercept
        return np.asarray([1.0 / (1.0 + math.exp(-logit)) for logit in logits.tolist()])

    def score_articles(self, titles: Sequence[str], bodies: Sequence[str]) -> list[Score]:
        """Score many articles; raises ``InputError`` for an empty or non-text article."""
        analyses = [analyze(title, body) for title, body in zip(titles, bodies)]
        texts = [joined_text(title or "", body) for title, body in zip(titles, bodies)]
        features = self.features(texts, analyses)
        probabilities = self.probabilities(features)
        scores = self.score_to_prior_free(probabilities)
        centre = np.asarray(self.feature_means)
        names = self.feature_names
        identity = ModelId(name=self.name, version=self.version)
        results = []
        for row, analysis, probability, score in zip(
            features, analyses, probabilities, scores, strict=True
        ):
            pushes = self.coef * (row - centre)
            order = np.argsort(-np.abs(pushes))[:TOP_CONTRIBUTIONS]
            contributions = tuple(
                _contribution(names[k], _feature_value(names[k], analysis, row[k]), pushes[k])
                for k in order
            )
            results.append(
                Score(
                    score=round(float(score), 1),
                    label=self.label_for(float(score)),
                    probability=round(float(probability), 4),
                    subscores=subscores(analysis.signals),
                    signals=dict(analysis.signals),
                    contributions=contributions,
                    evidence=analysis.evidence,
                    model=identity,
                )
            )
        return results

    def score(self, title: str, body: str) -> Score:
        """Score one article."""
        return self.score_articles([title], [body])[0]


def _contribution(feature: str, value: float, push: float) -> Contribution:
    contribution = round(float(push), 4)
    return Contribution(feature, value, contribution, *reasons(feature, value, contribution))


def _feature_value(name: str, analysis: Analysis, feature: float) -> float:
    """The raw value a reader recognises: the signal itself, or a text model's logit."""
    if name in analysis.signals:
        return analysis.signals[name]
    if name == HOPS_FEATURE:
        return hops_beyond(analysis.signals["attribution_depth"])
    if name in TEXT_FEATURES:
        return round(float(feature), 4)
    raise ScorerError(f"unknown feature {name!r}")
