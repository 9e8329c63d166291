"""A reporting verb and its source: "قال الوزير", "كشفت مصادر مطلعة", "أن اللجنة أفادت"."""

from __future__ import annotations

from collections.abc import Iterator

from scorer.attribution.candidates import Candidate, Choice
from scorer.attribution.view import TokenView
from scorer.attribution.words import IMPERSONAL, TO, that_markers
from scorer.lexicon import term_set


def verbs(view: TokenView) -> Iterator[Candidate | Choice]:
    """Participles ("قائلا") and verbs with no explicit subject are implicit; a verb's subject
    comes after it ("قال الوزير") or, opening its clause, before it ("أن اللجنة أفادت"); joined
    persons count each ("السفير ... والقنصل ..."); a relay verb's "عن Y" is one hop further;
    an outlet the source spoke to is a named mention of its own."""
    blockers = term_set("verb_blockers")
    for i in view.reporting:  # the tokens that are reporting verbs or participles
        if view.is_participle(i):
            yield Candidate("implicit", i, i, i, "participle")
            continue
        found = view.verb(i)
        if found is None or view.text(i - 1) in blockers:
            continue
        form, needs_content = found
        if form in IMPERSONAL and view.text(i + 1) in that_markers() | TO:
            continue  # "يذكر أن": a stock phrase, no source
        subject = view.clause_subject(i)
        if subject is None:
            yield from _after_the_verb(view, i, form, needs_content)
            continue
        first, last, name = subject
        clause: tuple[Candidate, ...] = ()
        if not needs_content or view.has_content(form, i + 1):
            outlet = view.spoken_to(i + 1)
            spoken = outlet is not None
            kind = view.classify(first, last)
            source = Candidate(kind, i, first, last, "clause", 1 + spoken, not spoken, first)
            clause = (source, *_outlet(i, outlet))
        if name is None:
            yield from clause
        else:
            yield Choice(name, clause, tuple(_after_the_verb(view, i, form, needs_content)))


def _after_the_verb(view: TokenView, i: int, form: str, needs_content: bool) -> Iterator[Candidate]:
    end = view.parse_np(i + 1)
    if needs_content and not view.has_content(form, end):
        return
    kind = "implicit" if view.subject_before_verb(i) else view.classify(i + 1, end)
    if kind == "implicit":
        yield Candidate("implicit", i, i, i, "verb")
        return
    outlet = view.spoken_to(end)
    spoken = outlet is not None
    yield Candidate(kind, i, i + 1, end, "verb", 1 + spoken, not spoken, heads_group=True)
    while view.is_second_person(end):  # "السفير ... والقنصل ..." counts twice
        start, end = end, view.parse_np(end + 1)
        yield Candidate(view.classify(start, end), i, start, end, "verb", shared_depth=0)
        outlet = view.spoken_to(end)
    yield from _outlet(i, outlet)
    if form in view.relay_verbs and view.text(end) == "عن":
        relayed_end = view.parse_np(end + 1)
        relayed_kind = view.classify(end + 1, relayed_end)
        if relayed_kind != "implicit":
            yield Candidate(relayed_kind, i, end + 1, relayed_end, "relay", shared_depth=1)


def _outlet(i: int, outlet: tuple[int, int] | None) -> tuple[Candidate, ...]:
    """The outlet the source of verb i spoke to (``TokenView.spoken_to``), as a named mention."""
    return () if outlet is None else (Candidate("named", i, outlet[0], outlet[1], "outlet"),)
