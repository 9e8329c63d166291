"""The signal registry: an explicit tuple of signal functions, in report order.

Each signal is a pure function from a prepared ``Article`` to a ``SignalValue`` (its value and
evidence spans), named after the signal it reports.
"""

from __future__ import annotations

from collections.abc import Callable

from scorer.article import Article
from scorer.result import SignalValue
from scorer.signals.anonymous_sources import anonymous_sources
from scorer.signals.attribution_depth import attribution_depth
from scorer.signals.direct_quotes import direct_quotes
from scorer.signals.hedges import hedges
from scorer.signals.named_sources import named_sources
from scorer.signals.obfuscated_terms import obfuscated_terms
from scorer.signals.sensational_headline import sensational_headline
from scorer.signals.text_stats import date_mentions, number_mentions, sentence_count, word_count

Signal = Callable[[Article], SignalValue]

SIGNALS: tuple[Signal, ...] = (
    anonymous_sources,
    named_sources,
    direct_quotes,
    attribution_depth,
    hedges,
    sensational_headline,
    obfuscated_terms,
    word_count,
    sentence_count,
    number_mentions,
    date_mentions,
)

ANNOTATED_SIGNALS: tuple[str, ...] = (
    "anonymous_sources",
    "named_sources",
    "direct_quotes",
    "attribution_depth",
    "hedges",
    "sensational_headline",
    "obfuscated_terms",
)
DERIVED_SIGNALS: tuple[str, ...] = (
    "anonymous_share",
    "hedges_per_1000_words",
    "attributions_per_1000_words",
)
SIGNAL_NAMES: tuple[str, ...] = tuple(s.__name__ for s in SIGNALS) + DERIVED_SIGNALS


def derived(values: dict[str, float]) -> dict[str, float]:
    """The ratios of SIGNALS.md computed from the counted signals."""
    anonymous, named = values["anonymous_sources"], values["named_sources"]
    per_thousand = 1000.0 / values["word_count"] if values["word_count"] else 0.0
    return {
        "anonymous_share": anonymous / (anonymous + named) if anonymous + named else 0.0,
        "hedges_per_1000_words": values["hedges"] * per_thousand,
        "attributions_per_1000_words": (anonymous + named) * per_thousand,
    }
