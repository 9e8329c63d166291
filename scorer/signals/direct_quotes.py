"""direct_quotes: reported speech inside quotation marks, three words or more."""

from itertools import islice

import regex

from scorer.article import Article
from scorer.attribution import reporting_forms
from scorer.lexicon import term_set
from scorer.result import SignalValue
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec

_WORD = regex.compile(r"\p{L}+|\p{N}+")
MIN_QUOTE_WORDS = 3
# A quote this short could be a name or a label ("بدرن جيا كورد"): it needs a speech cue
# (a colon, or a reporting verb or participle) right before it.
SHORT_QUOTE_WORDS = 4


def _has_speech_cue(before: str) -> bool:
    tail = before[-40:].split()
    if tail and tail[-1].endswith(":"):
        return True
    forms = reporting_forms()  # verbs and participles, with and without و/ف
    cues = term_set("quote_cues")  # chants and names given: "هتف", "سماه"
    words = [word.strip(":,") for word in tail[-3:]]
    return any(
        word in forms or word[1:] in forms or word in cues or word[1:] in cues for word in words
    )


def direct_quotes(article: Article) -> SignalValue:
    """Count quoted spans of at least three words; evidence is the text inside the marks."""
    spans = []
    for field in article.fields:
        for start, end in field.quotes:
            inner = field.text[start:end]
            # words counted up to one past the short-quote size: nothing needs more
            words = sum(1 for _ in islice(_WORD.finditer(inner), SHORT_QUOTE_WORDS + 1))
            if words < MIN_QUOTE_WORDS:
                continue
            if words <= SHORT_QUOTE_WORDS and not _has_speech_cue(
                field.text[max(0, start - 41) : start - 1]
            ):
                continue
            left = start + len(inner) - len(inner.lstrip())
            right = end - (len(inner) - len(inner.rstrip()))
            spans.append(field.span("direct_quotes", left, right))
    return SignalValue(float(len(spans)), tuple(spans))


SPEC = SignalSpec(
    Label("direct_quotes", "اقتباس مباشر", "direct quote"),
    Feature(direct_quotes, bound=(0.0, None), subscore="sourcing"),
    Evidence(colour="#b3e5fc", gold_exact=0.80),
)
