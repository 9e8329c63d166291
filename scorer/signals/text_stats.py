"""Text statistics over the article text without its page furniture."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import regex

from scorer.article import Article
from scorer.charclasses import bmp_class, is_bmp
from scorer.fields import Field
from scorer.lexicon import terms, trie_regex
from scorer.result import SignalValue
from scorer.signals.spec import Feature, Label, SignalSpec

_WORD = regex.compile(r"\p{L}+")
_SENTENCE_END = re.compile(r"[.!?\n…]")
_NUMBER = regex.compile(r"(?<![\p{L}\p{N}])\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{N}])")
_MONTH = trie_regex(terms("months"))
_DATE = regex.compile(
    rf"(?<![\p{{N}}])(?:\p{{N}}{{1,2}}\s*{_MONTH}(?:\s*\p{{N}}{{4}})?"
    rf"|\p{{N}}{{1,2}}[/-]\p{{N}}{{1,2}}[/-]\p{{N}}{{2,4}}"
    rf"|{_MONTH}\s+\p{{N}}{{4}})(?![\p{{N}}])"
)
_DIGITS = regex.compile(r"\p{N}+")
_TOKENS_BEFORE = 2  # a month of two words before a year
_TOKENS_AFTER = 4  # a month of two words and a year after a day, or "- 5 - 2015"


def word_count(article: Article) -> SignalValue:
    """Words of title and body (furniture excluded): their letter runs, which are the word
    tokens ("د." holds one)."""
    return SignalValue(float(sum(sum(field.is_word) for field in article.fields)))


@cache
def _bmp_letter() -> re.Pattern[str]:
    """A letter (``_WORD``'s first character) on the built-in ``re``, for BMP texts."""
    return re.compile("[" + bmp_class(r"\p{L}") + "]")


def sentence_count(article: Article) -> SignalValue:
    """Sentences of the body (furniture excluded), split at . ! ? … and line breaks: the
    pieces with a letter."""
    text = article.body.text
    letter = _bmp_letter() if is_bmp(text) else _WORD
    return SignalValue(float(sum(1 for piece in _SENTENCE_END.split(text) if letter.search(piece))))


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


def _date_windows(field: Field) -> list[tuple[int, int]]:
    """The stretches of ``field.text`` a date can lie in. A date has digits, and reaches at
    most ``_TOKENS_BEFORE`` tokens before the token of a digit run ("ذو القعدة 1436") and
    ``_TOKENS_AFTER`` after it ("12 ذو القعدة 1436", "12 - 5 - 2015"), line breaks not
    counted (the gaps in a date are any white space)."""
    words, starts, ends = field.words, field.starts, field.ends
    windows: list[tuple[int, int]] = []
    for run in _DIGITS.finditer(field.text):
        first = last = bisect_right(starts, run.start()) - 1
        for _ in range(_TOKENS_BEFORE):
            first -= 1
            while first > 0 and words[first] == "\n":
                first -= 1
        for _ in range(_TOKENS_AFTER):
            last += 1
            while last < len(words) - 1 and words[last] == "\n":
                last += 1
        start, end = starts[max(first, 0)], ends[min(last, len(words) - 1)]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def date_mentions(article: Article) -> SignalValue:
    """Dates: day + month (+ year), numeric dates, month + year (Gregorian and Hijri), each
    searched for only near digits."""
    spans = tuple(
        field.span("date_mentions", *m.span())
        for field in article.fields
        for start, end in _date_windows(field)
        for m in _DATE.finditer(field.text, start, end)
    )
    return SignalValue(float(len(spans)), spans)


WORD_COUNT = SignalSpec(Label("word_count", "عدد الكلمات", "words"), Feature(word_count))
SENTENCE_COUNT = SignalSpec(
    Label("sentence_count", "عدد الجمل", "sentences"), Feature(sentence_count)
)
NUMBER_MENTIONS = SignalSpec(Label("number_mentions", "أرقام", "numbers"), Feature(number_mentions))
DATE_MENTIONS = SignalSpec(Label("date_mentions", "تواريخ", "dates"), Feature(date_mentions))
