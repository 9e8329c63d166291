"""named_sources: attributions to an identifiable person, office, body, outlet or agency."""

from scorer.article import Article
from scorer.result import SignalValue
from scorer.signals.sources import source_mentions


def named_sources(article: Article) -> SignalValue:
    """Count named source mentions, agency credits and outlets a source spoke to included."""
    return source_mentions(article, "named", "named_sources")
