"""hedges: cues that mark a claim as uncertain, speculative or unverified (title and body)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from scorer.article import Article
from scorer.clitics import ATTACHED, proclitic_pattern
from scorer.lexicon import BOUNDARY_AFTER, BOUNDARY_BEFORE, entry_starts, pattern, term_set
from scorer.result import SignalValue
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec

_QAD = regex.compile(
    rf"{BOUNDARY_BEFORE}[وف]?(?P<term>قد\s+(?P<verb>[يت]\p{{L}}{{2,}})){BOUNDARY_AFTER}"
)
_QAD_WORD = re.compile(r"قد\s")  # where a "قد" hedge can be: at "قد", or just before it (و/ف)
_PREVIOUS_WORD = regex.compile(r"(\p{L}+)[^\p{L}\n]*$")
_PAST_AUXILIARY = regex.compile(r"(?<![\p{L}])[وف]?(?:كان|كانت|كانوا|كانا)(?![\p{L}])")
_AUXILIARY_WINDOW = 30


@cache
def _cue_pattern() -> re.Pattern[str]:
    return pattern("hedges", proclitic_pattern())


_CUE_CLITICS = ("", *ATTACHED)  # what ``proclitic_pattern()`` matches


def _is_imperfect_after_qad(verb: str, before: str) -> bool:
    """ "قد تستغله" is a hedge; "قد تم", "قد تمكنت", "كان قد تقدم" are perfects."""
    if verb in term_set("perfect_after_qad"):
        return False
    if verb.startswith("ت") and (verb.endswith("وا") or (len(verb) >= 5 and verb.endswith("ت"))):
        return False
    return not _PAST_AUXILIARY.search(before)


def _qad_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_QAD`` in ``text``, as ``finditer`` gives them, tried only at each
    "قد" (a literal search) instead of at every position."""
    reached = 0
    for hit in _QAD_WORD.finditer(text):
        for start in (hit.start() - 1, hit.start()):
            if start >= reached and (match := _QAD.match(text, start)) is not None:
                reached = match.end()
                yield match
                break


def hedges(article: Article) -> SignalValue:
    """Count hedging cues; a compound cue ("ترددت أنباء عن") is one lexicon entry, counted once."""
    spans = []
    blockers = term_set("hedge_blockers")
    for field in article.fields:
        text = field.text
        found: list[tuple[int, int]] = []
        for match in field.matches_at(_cue_pattern(), entry_starts("hedges", _CUE_CLITICS)):
            previous = _PREVIOUS_WORD.search(text, max(0, match.start() - 30), match.start())
            if previous and previous.group(1) in blockers:
                continue
            found.append(match.span("term"))
        for match in _qad_matches(text):
            before = text[max(0, match.start() - _AUXILIARY_WINDOW) : match.start()]
            if _is_imperfect_after_qad(match.group("verb"), before):
                found.append(match.span("term"))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        spans.extend(field.span("hedges", start, end) for start, end in merged)
    return SignalValue(float(len(spans)), tuple(spans))


SPEC = SignalSpec(
    Label("hedges", "تحوّط وتشكيك", "hedge"),
    Feature(hedges, bound=(None, -0.4), subscore="hedging"),
    Evidence(colour="#fff59d", gold_exact=0.65),
)
