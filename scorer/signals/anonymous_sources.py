"""anonymous_sources: attributions whose source noun phrase does not identify the source."""

from scorer.article import Article
from scorer.result import SignalValue
from scorer.signals.sources import source_mentions


def anonymous_sources(article: Article) -> SignalValue:
    """Count anonymous source mentions (back-references such as "المصدر" included)."""
    return source_mentions(article, "anonymous", "anonymous_sources")
