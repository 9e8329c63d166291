"""sensational_headline: sensationalism and clickbait cues in the title only."""

from __future__ import annotations

import regex

from scorer.article import Article
from scorer.lexicon import entry_starts, pattern
from scorer.result import SignalValue
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec

# Each punctuation cue counts at most once per title; ".." is a separator, not an ellipsis.
_PUNCTUATION = (
    regex.compile(r"!+"),
    regex.compile(r"\?+"),
    regex.compile(r"…|\.{3,}"),
)
_CLITICS = "[وف]?(?:بال|لل|ال|ب|ل)|[وف]"
# every string ``_CLITICS`` matches (a match of the cue pattern starts at one of them)
_CLITIC_FORMS = (
    "",
    "و",
    "ف",
    *(c + p for c in ("", "و", "ف") for p in ("بال", "لل", "ال", "ب", "ل")),
)


def sensational_headline(article: Article) -> SignalValue:
    """Count "!", "?", an ellipsis (once each) and every sensational word or phrase."""
    title = article.title
    found = []
    for cue in _PUNCTUATION:
        match = cue.search(title.text)
        if match:
            found.append(match.span())
    cues = title.matches_at(
        pattern("sensational", _CLITICS), entry_starts("sensational", _CLITIC_FORMS)
    )
    found.extend(m.span() for m in cues)
    spans = tuple(title.span("sensational_headline", s, e) for s, e in sorted(found))
    return SignalValue(float(len(spans)), spans)


SPEC = SignalSpec(
    Label("sensational_headline", "إثارة في العنوان", "sensational title cue"),
    Feature(sensational_headline, bound=(None, -0.3), subscore="sensationalism"),
    Evidence(colour="#e1bee7", gold_exact=0.80),
)
