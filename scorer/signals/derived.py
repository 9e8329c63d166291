"""The ratios of SIGNALS.md, derived from the counted signals (reported, not annotated)."""

from __future__ import annotations

from collections.abc import Mapping

from scorer.signals.spec import Feature, Label, SignalSpec


def anonymous_share(values: Mapping[str, float]) -> float:
    """anonymous / (anonymous + named), 0 when both are 0."""
    anonymous, named = values["anonymous_sources"], values["named_sources"]
    return anonymous / (anonymous + named) if anonymous + named else 0.0


def _per_thousand_words(values: Mapping[str, float]) -> float:
    return 1000.0 / values["word_count"] if values["word_count"] else 0.0


def hedges_per_1000_words(values: Mapping[str, float]) -> float:
    return values["hedges"] * _per_thousand_words(values)


def attributions_per_1000_words(values: Mapping[str, float]) -> float:
    sources = values["anonymous_sources"] + values["named_sources"]
    return sources * _per_thousand_words(values)


ANONYMOUS_SHARE = SignalSpec(
    Label("anonymous_share", "حصة المصادر المجهولة", "share of anonymous sources"),
    Feature(derive=anonymous_share, transform="ratio", bound=(None, 0.0), subscore="sourcing"),
)
HEDGES_PER_1000_WORDS = SignalSpec(
    Label("hedges_per_1000_words", "تحوّط لكل ألف كلمة", "hedges per 1,000 words"),
    Feature(derive=hedges_per_1000_words, transform="rate", bound=(None, 0.0), subscore="hedging"),
)
ATTRIBUTIONS_PER_1000_WORDS = SignalSpec(
    Label("attributions_per_1000_words", "إسنادات لكل ألف كلمة", "attributions per 1,000 words"),
    Feature(
        derive=attributions_per_1000_words, transform="rate", bound=(0.0, None), subscore="sourcing"
    ),
)
