"""Credits: an agency dateline ("القاهرة - أ ش أ"), "متابعات"/"وكالات", a closing outlet line,
and credits anywhere on a scraped page by their separator shape."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from scorer.attribution.candidates import Candidate
from scorer.attribution.view import TokenView
from scorer.attribution.words import (
    BYLINE_CREDITS,
    CLOSING_BRACKETS,
    CLOSING_CREDIT_MAX_WORDS,
    CREDIT_LINE_MAX_WORDS,
    CREDIT_LINES,
    CREDIT_NAMES,
    CREDIT_SEPARATORS,
    agency_max_words,
    credit_words,
)


def credits(view: TokenView, covered: Sequence[bool]) -> Iterator[Candidate]:
    """Credit lines among the first and last lines of the body; ``covered`` marks the tokens of
    the mentions found before (an agency there is a source already, not a credit)."""
    lines = [(a, b) for a, b in view.lines if any(view.is_word[a:b])]
    credit_lines: list[tuple[int, int]] = []
    edge = lines[:CREDIT_LINES] + lines[-CREDIT_LINES:]
    for first, last in dict.fromkeys(edge):
        if view.is_word[first:last].count(True) > CREDIT_LINE_MAX_WORDS:
            continue
        for k in view.word_tokens(first, last):
            size = view.is_agency_at(k)
            if size and not covered[k]:
                yield Candidate("named", k, k, k + size, "credit", credit=True)
                credit_lines.append((first, last))
                break
            if view.text(k) in BYLINE_CREDITS:
                yield Candidate("credit", k, k, k, "credit", credit=True)
                credit_lines.append((first, last))
                break
    if len(lines) >= 3:
        first, last = lines[-1]
        words = range(first, last)  # a closing credit line is words only, a few of them
        if (
            0 < len(words) <= CLOSING_CREDIT_MAX_WORDS
            and all(view.is_word[first:last])
            and not any(view.verb(k) or view.text(k) in view.stopwords for k in words)
            and not any(view.text(k).isdigit() for k in words)
            and (first, last) not in credit_lines
        ):
            yield Candidate("named", words[0], words[0], words[-1] + 1, "credit", credit=True)


def inline_credits(view: TokenView, covered: Sequence[bool]) -> Iterator[Candidate]:
    """Credits anywhere on a page, told by their separator shape (v3): "/ وكالات",
    "- متابعات", "(رويترز)", "مهر للأنباء -", "المصدر: الجزيرة + رويترز"."""
    for k in _credit_places(view):
        word = view.text(k)
        beside = {view.text(k - 1), view.text(k + 1)}
        if word in BYLINE_CREDITS and beside & CREDIT_SEPARATORS:
            yield Candidate("credit", k, k, k, "credit", credit=True)
        elif word == "للانباء" and k > 0 and view.is_word[k - 1]:
            if view.text(k + 1) in CREDIT_SEPARATORS:
                yield Candidate("named", k, k - 1, k + 1, "credit", credit=True)
        elif word == "المصدر" and view.text(k + 1) == ":" and not view.is_word[k - 1]:
            name = k + 2
            for _ in range(CREDIT_NAMES):
                end = view.outlet_name_end(name)
                if end == name:
                    break
                yield Candidate("named", name, name, end, "credit", credit=True)
                if view.text(end) not in ("+", ",", "و"):
                    break
                name = end + 1
        elif (
            (size := view.is_agency_at(k))
            and not covered[k]
            and (view.text(k - 1) in CREDIT_SEPARATORS or view.text(k + size) == ")")
        ):
            yield Candidate("named", k, k, k + size, "credit", credit=True)


def _credit_places(view: TokenView) -> list[int]:
    """The tokens an inline credit can start at, in order: the credit words, and the tokens
    after a separator or within an agency name's length before a closing bracket."""
    places = set(view.tokens_in(credit_words()))
    places.update(k + 1 for k in view.tokens_in(CREDIT_SEPARATORS))
    reach = range(1, agency_max_words() + 1)
    places.update(k - step for k in view.tokens_in(CLOSING_BRACKETS) for step in reach)
    return sorted(k for k in places if 0 <= k < view.n)
