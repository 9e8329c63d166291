"""anonymous_sources: attributions whose source noun phrase does not identify the source."""

from scorer.article import Article
from scorer.result import SignalValue
from scorer.signals.sources import source_mentions
from scorer.signals.spec import SignalSpec


def anonymous_sources(article: Article) -> SignalValue:
    """Count anonymous source mentions (back-references such as "المصدر" included)."""
    return source_mentions(article, "anonymous", "anonymous_sources")


SPEC = SignalSpec(
    "anonymous_sources",
    "مصدر مجهول",
    "anonymous source",
    compute=anonymous_sources,
    bound=(None, -0.4),  # can only lower the score, with a minimum strength MCE barely shows
    subscore="sourcing",
    colour="#ffcdd2",
    gold_exact=0.65,
)
