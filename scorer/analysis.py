"""The public entry points: analyse one article or many."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from scorer import signals
from scorer.article import Article
from scorer.errors import InputError
from scorer.result import Analysis

MAX_TEXT_CHARS = 200_000
"""Default cap on the characters of one field at the edges (CLI, batch, service)."""

_VISIBLE = regex.compile(r"[^\s\p{Cf}]")  # zero-width and bidi marks alone are empty


def article_error(title: object, body: object, max_chars: int | None = None) -> str | None:
    """Why ``(title, body)`` cannot be analysed, or None: the one rule of every edge.

    ``title`` may be None; ``body`` must be text. Both must be valid Unicode (no lone
    surrogates, which JSON escapes can carry), within ``max_chars`` each when given, and not
    both empty or invisible.
    """
    if body is None:
        return "missing body"
    for name, value in (("title", title), ("body", body)):
        if value is None:
            continue
        if not isinstance(value, str):
            return f"{name} must be text, not {type(value).__name__}"
        if max_chars is not None and len(value) > max_chars:
            return f"{name} is over {max_chars} characters"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"{name} is not valid Unicode (a lone surrogate at character {error.start})"
    if not _VISIBLE.search(title or "") and not _VISIBLE.search(body):
        return "the article is empty: give a title or a body"
    return None


def analyze(title: str, body: str) -> Analysis:
    """Signals and evidence spans of one article (title and body as plain text).

    Raises ``InputError`` when ``article_error`` finds the article unusable.
    """
    error = article_error(title, body)
    if error is not None:
        raise InputError(error)
    article = Article(title or "", body)
    values: dict[str, float] = {}
    evidence = []
    for spec in signals.SPECS:
        if spec.feature.compute is not None:
            result = spec.feature.compute(article)
            values[spec.name] = result.value
            evidence.extend(result.spans)
    for spec in signals.SPECS:
        if spec.feature.derive is not None:
            values[spec.name] = spec.feature.derive(values)
    return Analysis(values, tuple(evidence))


def analyze_many(articles: Iterable[tuple[str, str]]) -> list[Analysis]:
    """``analyze`` over ``(title, body)`` pairs, in order."""
    return [analyze(title, body) for title, body in articles]
