"""attribution_depth: the longest explicit relay chain from the publisher to a source."""

from scorer.article import Article
from scorer.result import SignalValue
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec


def attribution_depth(article: Article) -> SignalValue:
    """Deepest explicit attribution, plus one when the article declares it comes from elsewhere.

    Evidence: the deepest attribution's trigger and every credit (agency, "متابعات", closing
    outlet line).
    """
    explicit = [a for a in article.attributions if a.kind in ("named", "anonymous")]
    credits = [a for a in article.attributions if a.via == "credit"]
    sourced = [a for a in explicit if a.via != "credit"]
    deepest = max(sourced, key=lambda a: a.depth, default=None)
    if deepest is not None:
        depth = deepest.depth + (1 if credits else 0)
    else:
        depth = 1 if any(a.kind == "named" for a in credits) else 0
    spans = []
    if deepest is not None:
        spans.append(deepest.field.span("attribution_depth", *deepest.trigger))
        if deepest.mention is not None:
            spans.append(deepest.field.span("attribution_depth", *deepest.mention))
    spans.extend(a.field.span("attribution_depth", *(a.mention or a.trigger)) for a in credits)
    return SignalValue(float(depth), tuple(spans))


# Relays of relays (the hops beyond two) can only lower the score.
SPEC = SignalSpec(
    Label("attribution_depth", "عمق سلسلة الإسناد", "attribution depth"),
    Feature(attribution_depth, transform="depth", hops_bound=(None, -0.3), subscore="sourcing"),
    Evidence(gold_exact=0.70),
)
