"""An anonymous source before its verb: "العديد من الصحف والمواقع نشرت"."""

from __future__ import annotations

from collections.abc import Iterator

from scorer.attribution.candidates import Candidate
from scorer.attribution.view import TokenView
from scorer.attribution.words import SVO_MAX_SUBJECT, anonymous_head_starts
from scorer.clitics import proclitic_pattern
from scorer.lexicon import pattern


def anonymous_before_verb(view: TokenView) -> Iterator[Candidate]:
    """An anonymous head followed within a few words by a reporting verb that agrees with it
    ("الصحف نشرت", not "بعض ... نقل") or carries content."""
    heads = pattern("anonymous_heads", proclitic_pattern(article=True))
    reached = 0  # the end of the last head found: heads do not overlap
    for first in view.tokens_in(anonymous_head_starts()):
        start = view.starts[first]
        if start < reached or (match := heads.match(view.field.text, start)) is None:
            continue
        reached = match.end()
        for k in range(first + 1, min(first + 1 + SVO_MAX_SUBJECT + 1, view.n)):
            if not view.is_word[k] or view.text(k) in view.stopwords:
                break
            if found := view.verb(k):
                agrees = found[0].endswith(("ت", "وا"))
                if found[1] and not agrees and not view.has_content(found[0], k + 1):
                    break
                kind = view.classify(first, k)
                if kind in ("anonymous", "described"):
                    spoken = view.spoken_to(k) is not None
                    yield Candidate(
                        kind, k, first, k, "svo", 1 + spoken, not spoken,
                        unless_covered=True, anonymous_only=True,
                    )  # fmt: skip
                break
