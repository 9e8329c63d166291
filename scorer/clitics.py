"""Arabic clitics, defined once: what may be attached before a word (a conjunction, a
preposition, the article) or after it (a pronoun, a relative ending), and the helpers that
look through them. Every rule that strips or allows clitics takes them from here."""

from __future__ import annotations

from functools import cache, lru_cache

from scorer.lexicon import term_set

CONJUNCTIONS = "وف"  # "وقال", "فأكد"
ATTACHED = "وفبل"  # a conjunction or a preposition written onto the word: "بحسب", "للمصدر"
# The article with what may stand before it ("لل" is ل + ال).
ARTICLE_FORMS = ("ال", "وال", "فال", "بال", "لل")
LIKE = "ك"  # "كالمصدر": only where a source word is looked up bare
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "نا", "كم")  # "انسحابها": an object, not a source
# What may precede a broken word's stem: nothing, one attached letter, or an article form.
PROCLITICS = frozenset({"", *ATTACHED, *ARTICLE_FORMS})
# A source word's clitics, longest first: "والمسؤول" -> "مسؤول", "للمصدر" -> "مصدر".
_SOURCE_PREFIXES = sorted({*ARTICLE_FORMS, LIKE + "ال", *ATTACHED, LIKE}, key=len, reverse=True)


@cache
def endings() -> frozenset[str]:
    """What may follow a broken word's stem: nothing, a relative ending or a pronoun
    (lexicon ``word_endings``)."""
    return term_set("word_endings") | {""}


def proclitic_pattern(article: bool = False) -> str:
    """A regex of the clitics allowed before a lexicon entry: one attached letter, and with
    ``article`` the article forms too (for entries written without it)."""
    attached = f"[{ATTACHED}]"
    return "|".join([attached, *ARTICLE_FORMS]) if article else attached


def strip_conjunction(word: str, vocabulary: frozenset[str]) -> str | None:
    """``word`` or ``word`` without a leading و/ف, whichever is in ``vocabulary``."""
    if word in vocabulary:
        return word
    if len(word) > 2 and word[0] in CONJUNCTIONS and word[1:] in vocabulary:
        return word[1:]
    return None


@lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """A source word without its clitics, at least three letters left: "للمصدر" -> "مصدر".
    Memoised: the rules ask it of the same words again and again."""
    for prefix in _SOURCE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def with_source_clitics(words: frozenset[str]) -> frozenset[str]:
    """``words`` alone and after each clitic ``bare`` strips: every word whose bare form is
    in ``words`` is among them (a quick test of whether a text can hold one)."""
    return frozenset(prefix + word for prefix in ("", *_SOURCE_PREFIXES) for word in words)
