"""The prepared article every signal reads."""

from __future__ import annotations

from functools import cached_property

from scorer.attribution import Attribution, find_attributions
from scorer.fields import Field, prepare_field


class Article:
    """A title and a body, each normalised with furniture blanked, plus their attributions."""

    def __init__(self, title: str, body: str) -> None:
        self.title = prepare_field("title", title)
        self.body = prepare_field("body", body, self.title.text)

    @property
    def fields(self) -> tuple[Field, Field]:
        return (self.title, self.body)

    @cached_property
    def attributions(self) -> tuple[Attribution, ...]:
        """Every attribution in title and body (the shared unit of the sourcing signals)."""
        return find_attributions(self.title, self.body)
