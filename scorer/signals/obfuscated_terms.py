"""obfuscated_terms: words deliberately broken to evade keyword filters."""

from scorer.article import Article
from scorer.result import SignalValue, Span
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec


def obfuscated_terms(article: Article) -> SignalValue:
    """Count broken words ("داع ش", "ق سد", "الاعتـ.ـراف") found while normalising."""
    spans = tuple(
        Span("obfuscated_terms", field.name, start, end, field.original[start:end])
        for field in article.fields
        for start, end in field.broken_words
    )
    return SignalValue(float(len(spans)), spans)


SPEC = SignalSpec(
    Label("obfuscated_terms", "كلمة مقطّعة للتمويه", "word broken to dodge filters"),
    Feature(obfuscated_terms, bound=(None, -0.5), subscore="sensationalism"),
    Evidence(colour="#ffcc80", gold_exact=0.80),
)
