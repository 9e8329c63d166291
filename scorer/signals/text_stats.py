"""Text statistics over the article text without its page furniture."""

from __future__ import annotations

import regex

from scorer.article import Article
from scorer.lexicon import terms, trie_regex
from scorer.result import SignalValue
from scorer.signals.spec import Feature, Label, SignalSpec

_WORD = regex.compile(r"\p{L}+")
_SENTENCE_END = regex.compile(r"[.!?\n…]")
_NUMBER = regex.compile(r"(?<![\p{L}\p{N}])\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{N}])")
_MONTH = trie_regex(terms("months"))
_DATE = regex.compile(
    rf"(?<![\p{{N}}])(?:\p{{N}}{{1,2}}\s*{_MONTH}(?:\s*\p{{N}}{{4}})?"
    rf"|\p{{N}}{{1,2}}[/-]\p{{N}}{{1,2}}[/-]\p{{N}}{{2,4}}"
    rf"|{_MONTH}\s+\p{{N}}{{4}})(?![\p{{N}}])"
)


def word_count(article: Article) -> SignalValue:
    """Words of title and body (furniture excluded)."""
    return SignalValue(float(sum(len(_WORD.findall(f.text)) for f in article.fields)))


def sentence_count(article: Article) -> SignalValue:
    """Sentences of the body (furniture excluded), split at . ! ? … and line breaks."""
    pieces = _SENTENCE_END.split(article.body.text)
    return SignalValue(float(sum(1 for piece in pieces if _WORD.search(piece))))


def _matches(article: Article, signal: str, found: regex.Pattern[str]) -> SignalValue:
    """Every match of ``found`` in title and body, counted, each as evidence of ``signal``."""
    spans = tuple(
        field.span(signal, *m.span())
        for field in article.fields
        for m in found.finditer(field.text)
    )
    return SignalValue(float(len(spans)), spans)


def number_mentions(article: Article) -> SignalValue:
    """Numbers written in digits (Arabic-Indic digits folded) in title and body."""
    return _matches(article, "number_mentions", _NUMBER)


def date_mentions(article: Article) -> SignalValue:
    """Dates: day + month (+ year), numeric dates, month + year (Gregorian and Hijri)."""
    return _matches(article, "date_mentions", _DATE)


WORD_COUNT = SignalSpec(Label("word_count", "عدد الكلمات", "words"), Feature(word_count))
SENTENCE_COUNT = SignalSpec(
    Label("sentence_count", "عدد الجمل", "sentences"), Feature(sentence_count)
)
NUMBER_MENTIONS = SignalSpec(Label("number_mentions", "أرقام", "numbers"), Feature(number_mentions))
DATE_MENTIONS = SignalSpec(Label("date_mentions", "تواريخ", "dates"), Feature(date_mentions))
