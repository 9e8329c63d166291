"""What the attribution rules return, and what resolution makes of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from scorer.attribution.view import PhraseKind
from scorer.fields import Field

SourceKind = Literal["named", "anonymous", "implicit", "credit"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: its trigger, its source mention (empty when implicit) and its depth."""

    field: Field
    kind: SourceKind
    trigger: tuple[int, int]
    mention: tuple[int, int] | None
    depth: int
    via: str


class Candidate(NamedTuple):
    """A possible attribution found by one rule, in token indices, before resolution (a named
    tuple: the rules make many, and a frozen dataclass takes 6x as long to build).

    The mention is tokens ``[first, last)`` (none when empty). What depends on the other
    attributions is left to resolution and said here: ``chained`` adds a hop when a relay verb
    of the trigger's sentence was accepted before; ``inside`` (a token) adds one when an
    attribution of its sentence was accepted before it (a source inside another's statement);
    ``shared_depth`` takes the depth of the group this trigger's verb heads, plus that many
    hops (a second person, a relayed source); ``unless_covered`` drops it when its first token
    lies in a mention accepted before; ``anonymous_only`` drops it unless it resolves to an
    anonymous source; ``credit`` keeps one credit per trigger token.
    """

    kind: PhraseKind | Literal["credit"]
    trigger: int
    first: int
    last: int
    via: str
    depth: int = 1
    chained: bool = False
    inside: int | None = None
    heads_group: bool = False
    shared_depth: int | None = None
    unless_covered: bool = False
    anonymous_only: bool = False
    credit: bool = False


@dataclass(frozen=True, slots=True)
class Choice:
    """Candidates that hold only if ``name`` is a name the article has given by then
    ("أن غيدان أكد" after "غيدان" was named), and the ones to take otherwise."""

    name: str
    then: tuple[Candidate, ...]
    otherwise: tuple[Candidate, ...]
