"""Small helpers for the signal tests."""

from __future__ import annotations

from scorer import analyze


def texts(title: str, body: str, signal: str) -> list[str]:
    """The evidence texts of ``signal`` for an article."""
    return [span.text for span in analyze(title, body).evidence if span.signal == signal]


def value(title: str, body: str, signal: str) -> float:
    return analyze(title, body).signals[signal]
