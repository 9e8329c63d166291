"""The signal registry: an explicit tuple of signal specs, in report order.

Each counted signal is a pure function from a prepared ``Article`` to a ``SignalValue`` (its
value and evidence spans); its ``SignalSpec``, declared beside it, says everything else about it
(model feature and bounds, sub-score, labels, colour, gold target). The derived ratios follow
the counted signals. Everything else (analysis, model features and bounds, CLI report, the
page's legend, the gold table) reads this tuple, so a new signal is one module and one entry.
"""

from __future__ import annotations

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
from scorer.signals.spec import SignalSpec

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
