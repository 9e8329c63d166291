"""Typed, immutable results of the analyser: the one result schema of the library, the CLI,
batch files and the service (which serves these dataclasses as they are)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

FieldName = Literal["title", "body"]


class AsDict:
    """``as_dict``: the plain-data form of a result dataclass (``dataclasses.asdict``)."""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class Span(AsDict):
    """A piece of evidence: ``article[field][start:end] == text``."""

    signal: str
    field: FieldName
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SignalValue:
    """What one signal function returns: its value and the spans that produced it."""

    value: float
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis(AsDict):
    """Signals of one article (name to value) and all their evidence spans."""

    signals: dict[str, float]
    evidence: tuple[Span, ...]
