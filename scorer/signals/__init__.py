"""The signal registry: an explicit tuple of signal specs, in report order.

Each counted signal is a pure function from a prepared ``Article`` to a ``SignalValue`` (its
value and evidence spans); its ``SignalSpec``, declared beside it, says everything else about it
(model feature and bounds, sub-score, labels, colour, gold target). The derived ratios follow
the counted signals. Everything else (analysis, model features and bounds, CLI report, the
page's legend, the gold table) reads this tuple, so a new signal is one module and one entry.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from scorer.result import Analysis
from scorer.signals import (
    anonymous_sources,
    attribution_depth,
    derived,
    direct_quotes,
    hedges,
    named_sources,
    obfuscated_terms,
    sensational_headline,
    text_stats,
)
from scorer.signals.spec import Bound, SignalSpec

SPECS: tuple[SignalSpec, ...] = (
    anonymous_sources.SPEC,
    named_sources.SPEC,
    direct_quotes.SPEC,
    attribution_depth.SPEC,
    hedges.SPEC,
    sensational_headline.SPEC,
    obfuscated_terms.SPEC,
    text_stats.WORD_COUNT,
    text_stats.SENTENCE_COUNT,
    text_stats.NUMBER_MENTIONS,
    text_stats.DATE_MENTIONS,
    derived.ANONYMOUS_SHARE,
    derived.HEDGES_PER_1000_WORDS,
    derived.ATTRIBUTIONS_PER_1000_WORDS,
)


def signal_names() -> tuple[str, ...]:
    """Every signal an analysis reports, counted ones first, in report order."""
    return tuple(spec.name for spec in SPECS)


def annotated_signals() -> tuple[str, ...]:
    """The signals the gold articles annotate."""
    return tuple(spec.name for spec in SPECS if spec.evidence.gold_exact is not None)


def marked_signals() -> tuple[SignalSpec, ...]:
    """The signals whose evidence spans are highlighted (they have a colour)."""
    return tuple(spec for spec in SPECS if spec.evidence.colour is not None)


def signal_feature_names() -> tuple[str, ...]:
    """The model's signal features: one per signal in registry order, then the extra ones
    (the relay hops beyond the second of a depth)."""
    return tuple(
        [spec.name for spec in SPECS] + [name for spec in SPECS for name in spec.feature_names[1:]]
    )


def signal_feature_bounds() -> list[Bound]:
    """The coefficient bounds of ``signal_feature_names``, in that order."""
    return [spec.feature_bounds[0] for spec in SPECS] + [
        bound for spec in SPECS for bound in spec.feature_bounds[1:]
    ]


def signal_vector(analysis: Analysis) -> list[float]:
    """The model's signal features of one analysed article, in ``signal_feature_names`` order
    (each signal as its spec's transform says)."""
    own, extra = [], []
    for spec in SPECS:
        first, *rest = spec.features(analysis.signals[spec.name])
        own.append(first)
        extra.extend(rest)
    return own + extra


def signal_matrix(analyses: Iterable[Analysis]) -> np.ndarray:
    """The signal features of analysed articles, one row each (float64)."""
    rows = [signal_vector(analysis) for analysis in analyses]
    return np.asarray(rows, dtype=float).reshape(-1, len(signal_feature_names()))
