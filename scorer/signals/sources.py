"""Shared by the two source signals: the mentions of one kind among the attributions."""

from scorer.article import Article
from scorer.attribution import SourceKind
from scorer.result import SignalValue


def source_mentions(article: Article, kind: SourceKind, signal: str) -> SignalValue:
    """The mentions of attributions of ``kind``, as spans of the original text."""
    spans = tuple(
        a.field.span(signal, *a.mention)
        for a in article.attributions
        if a.kind == kind and a.mention is not None
    )
    return SignalValue(float(len(spans)), spans)
