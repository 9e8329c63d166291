"""The library's exceptions: callers catch ``ScorerError`` and turn it into a 4xx or a CLI line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotation: the core does not need pydantic loaded
    from pydantic import ValidationError


class ScorerError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(ScorerError, ValueError):
    """The article or input file cannot be analysed (empty, not text, wrong shape)."""


class LexiconError(ScorerError):
    """A packaged lexicon is missing, empty or malformed."""


def first_problem(error: ValidationError) -> str:
    """A pydantic validation error as one line: where, then what (the first problem only)."""
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    return f"{where}: {problem['msg']}" if where else problem["msg"]
