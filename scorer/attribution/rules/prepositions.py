"""A prepositional source: "بحسب المصدر", "وفقاً للمصدر", "نقلاً عن", "منسوب إلى"."""

from __future__ import annotations

from collections.abc import Iterator

from scorer.attribution.candidates import Candidate
from scorer.attribution.view import TokenView
from scorer.attribution.words import IN_ACCORDANCE, phrase_starts, preposition_phrases
from scorer.clitics import CONJUNCTIONS, bare


def prepositions(view: TokenView) -> Iterator[Candidate]:
    """The source phrase after a source preposition; not a verb ("حسبما ذكرت" is the verb
    rule's), not a rule or plan ("وفقاً للضوابط", "وفق الخطط")."""
    phrases = preposition_phrases()
    for i in view.tokens_in(phrase_starts()):
        word = view.text(i)
        candidates = phrases.get(word) or phrases.get(word[1:] if word[:1] in CONJUNCTIONS else "")
        for words, wants_lam in candidates or ():
            if view.words[i + 1 : i + len(words)] != words[1:]:
                continue
            start = i + len(words)
            if start >= view.n:
                continue  # the text ends with the preposition ("وفق")
            if wants_lam and not view.text(start).startswith("ل"):
                continue
            if view.verb(start):
                continue
            end = view.parse_np(start)
            if words[0] in IN_ACCORDANCE and not wants_lam and not view.is_source_head(start):
                break
            head = view.text(start)
            if bare(head) in view.non_sources or head[1:] in view.non_sources:
                break
            kind = view.classify(start, end)
            if kind != "implicit":
                spoken = view.spoken_to(end) is not None
                yield Candidate(kind, i, start, end, "preposition", 1 + spoken, not spoken)
            break
