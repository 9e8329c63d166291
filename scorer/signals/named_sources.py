"""named_sources: attributions to an identifiable person, office, body, outlet or agency."""

from scorer.article import Article
from scorer.result import SignalValue
from scorer.signals.sources import source_mentions
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec


def named_sources(article: Article) -> SignalValue:
    """Count named source mentions, agency credits and outlets a source spoke to included."""
    return source_mentions(article, "named", "named_sources")


SPEC = SignalSpec(
    Label("named_sources", "مصدر مسمّى", "named source"),
    Feature(named_sources, bound=(0.0, None), subscore="sourcing"),
    Evidence(colour="#c8e6c9", gold_exact=0.65),
)
