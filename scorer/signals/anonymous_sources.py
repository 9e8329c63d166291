"""anonymous_sources: attributions whose source noun phrase does not identify the source."""

from scorer.article import Article
from scorer.result import SignalValue
from scorer.signals.sources import source_mentions
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec


def anonymous_sources(article: Article) -> SignalValue:
    """Count anonymous source mentions (back-references such as "المصدر" included)."""
    return source_mentions(article, "anonymous", "anonymous_sources")


# The bound: it can only lower the score, with a minimum strength MCE barely shows.
SPEC = SignalSpec(
    Label("anonymous_sources", "مصدر مجهول", "anonymous source"),
    Feature(anonymous_sources, bound=(None, -0.4), subscore="sourcing"),
    Evidence(colour="#ffcdd2", gold_exact=0.65),
)
