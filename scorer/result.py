"""Typed, immutable results of the analyser."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldName = Literal["title", "body"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: ``article[field][start:end] == text``."""

    signal: str
    field: FieldName
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, object]:
        return {
            "signal": self.signal,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class SignalValue:
    """What one signal function returns: its value and the spans that produced it."""

    value: float
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Signals of one article (name to value) and all their evidence spans."""

    signals: dict[str, float]
    evidence: tuple[Span, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "signals": dict(self.signals),
            "evidence": [span.as_dict() for span in self.evidence],
        }
