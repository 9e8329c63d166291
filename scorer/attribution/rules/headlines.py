"""Headlines: "مصدر رئاسي: ..." (by colon) and "المرصد السوري يؤكد ..." (source first)."""

from __future__ import annotations

from collections.abc import Iterator

from scorer.attribution.candidates import Candidate
from scorer.attribution.view import TokenView
from scorer.attribution.words import HEADLINE_MAX_WORDS, NP_BREAK, SVO_MAX_SUBJECT
from scorer.clitics import CONJUNCTIONS
from scorer.lexicon import term_set

LABEL_ENDS = frozenset(".…:")


def headlines(view: TokenView) -> Iterator[Candidate]:
    """The colon rule on short lines and on every segment of a page line split at " | " (v3: a
    run-together page puts a headline before the text it heads); both rules on the headline
    that opens a run-together line before " - Outlet". A leading label and its dots ("عاجل..",
    "بالفيديو..") are skipped."""
    for first, last in view.segments:
        word_count = view.is_word[first:last].count(True)
        if not word_count:
            continue
        short = word_count <= HEADLINE_MAX_WORDS
        segment = view.text(first - 1) == "|" or view.text(last) == "|"
        while first < last and not view.is_word[first] and view.text(first) != '"':
            first += 1
        if view.text(first) in term_set("headline_labels") and view.text(first + 1) in LABEL_ENDS:
            first += 1  # "عاجل.. مصدر أمني: ...": the label before ".." is no source
            while first < last and view.text(first) in LABEL_ENDS:
                first += 1
        if short or segment:
            yield from _colon_headline(view, first, last)
        if short:
            yield from _source_first_headline(view, first, last)


def _colon_headline(view: TokenView, first: int, last: int) -> Iterator[Candidate]:
    for colon in range(first + 1, min(first + 6, last)):
        if view.text(colon) == ":":
            break
    else:
        return
    subject = view.word_tokens(first, colon)
    after = view.word_tokens(colon + 1, last)
    if not subject or len(after) < 2 or len(subject) > SVO_MAX_SUBJECT:
        return
    if any(view.text(k) == "\n" for k in range(first, colon)):
        return
    head = view.text(subject[0])
    if head in term_set("headline_labels") or head in view.stopwords or view.verb(subject[0]):
        return
    if view.is_participle(subject[0]) or any(view.verb(k) for k in subject):
        return
    kind = view.classify(first, colon)
    if kind != "implicit":
        yield Candidate(kind, colon, first, colon, "colon")


def _source_first_headline(view: TokenView, first: int, last: int) -> Iterator[Candidate]:
    for k in range(first + 1, min(first + SVO_MAX_SUBJECT + 1, last)):
        if view.text(k) in NP_BREAK:
            return
        if view.text(k) in view.stopwords and view.text(k - 1) != '"':
            return  # "العائلات في بيان تناقلته": a prepositional phrase, not a subject
        found = view.verb(k)
        if found is None:
            continue
        form, needs_content = found
        head = view.text(first)
        if head in view.stopwords or head in term_set("headline_labels"):
            return
        if head[0] in CONJUNCTIONS and view.verb(first) is None and len(head) > 3:
            return  # "وطلبت العائلات ...": a sentence going on, not a headline
        if needs_content and not view.has_content(form, k + 1):
            return
        kind = view.classify(first, k)
        if kind != "implicit":
            yield Candidate(kind, k, first, k, "svo", unless_covered=True)
        return
