"""The public entry points: analyse one article or many."""

from __future__ import annotations

from collections.abc import Iterable

from scorer.article import Article
from scorer.errors import InputError
from scorer.result import Analysis
from scorer.signals import SIGNALS, derived


def _check(title: object, body: object) -> tuple[str, str]:
    if title is None:
        title = ""
    if not isinstance(title, str) or not isinstance(body, str):
        raise InputError("title and body must be strings")
    if not title.strip() and not body.strip():
        raise InputError("the article is empty: give a title or a body")
    return title, body


def analyze(title: str, body: str) -> Analysis:
    """Signals and evidence spans of one article (title and body as plain text).

    Raises ``InputError`` when both are empty or either is not a string.
    """
    title, body = _check(title, body)
    article = Article(title, body)
    values: dict[str, float] = {}
    evidence = []
    for signal in SIGNALS:
        result = signal(article)
        values[signal.__name__] = result.value
        evidence.extend(result.spans)
    values.update(derived(values))
    return Analysis(values, tuple(evidence))


def analyze_many(articles: Iterable[tuple[str, str]]) -> list[Analysis]:
    """``analyze`` over ``(title, body)`` pairs, in order."""
    return [analyze(title, body) for title, body in articles]
