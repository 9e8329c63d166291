"""One place per signal: what it is, how it is computed, how the model and the edges use it."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from scorer.article import Article
from scorer.result import SignalValue

Bound = tuple[float | None, float | None]
# How the model sees a value: "count" as log(1 + x) (a tenth anonymous source matters less than
# the first), "ratio" as it is, "rate" (per 1,000 words) as log(1 + min(x, 1000)), "depth" capped
# at ORDINARY_DEPTH with the hops beyond it as a feature of their own (relays of relays).
Transform = Literal["count", "ratio", "rate", "depth"]
ORDINARY_DEPTH = 2.0
HOPS_FEATURE = "relay_hops_beyond_two"


@dataclass(frozen=True)
class Label:
    """What a signal is called: its name in analyses and the API, and its Arabic and English
    labels for people."""

    name: str
    ar: str
    en: str


@dataclass(frozen=True)
class Feature:
    """How a signal is measured (``compute`` from the article, or ``derive`` from the counted
    signals) and how the model sees it: its ``transform``, the bounds of its coefficient in
    log-odds of "credible" (``bound``; ``hops_bound`` for the extra feature of a "depth"
    signal) and the sub-score it belongs to."""

    compute: Callable[[Article], SignalValue] | None = None
    derive: Callable[[Mapping[str, float]], float] | None = None
    transform: Transform = "count"
    bound: Bound = (None, None)
    hops_bound: Bound = (None, None)
    subscore: str | None = None


@dataclass(frozen=True)
class Evidence:
    """How a signal's spans are shown and checked: their highlight colour (None: not
    highlighted) and the exact-match target on the gold articles (None: not annotated)."""

    colour: str | None = None
    gold_exact: float | None = None


@dataclass(frozen=True)
class SignalSpec:
    """A signal: its label, its feature and its evidence."""

    label: Label
    feature: Feature
    evidence: Evidence = Evidence()

    @property
    def name(self) -> str:
        return self.label.name

    @property
    def feature_names(self) -> tuple[str, ...]:
        """The model features of this signal: its own, and the relay hops of a depth."""
        return (self.name, HOPS_FEATURE) if self.feature.transform == "depth" else (self.name,)

    @property
    def feature_bounds(self) -> tuple[Bound, ...]:
        """The coefficient bounds of ``feature_names``, in that order."""
        feature = self.feature
        return (feature.bound, feature.hops_bound)[: len(self.feature_names)]

    def features(self, value: float) -> tuple[float, ...]:
        """The model's features of one value, in ``feature_names`` order."""
        transform = self.feature.transform
        if transform == "ratio":
            return (value,)
        if transform == "rate":
            return (math.log1p(min(value, 1000.0)),)
        if transform == "depth":
            return (math.log1p(min(value, ORDINARY_DEPTH)), math.log1p(hops_beyond(value)))
        return (math.log1p(value),)


def hops_beyond(depth: float) -> float:
    """Relay hops beyond ordinary attribution (depth 3 -> 1)."""
    return max(depth - ORDINARY_DEPTH, 0.0)
