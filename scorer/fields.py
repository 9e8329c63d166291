"""A prepared field of an article (title or body): normalised, broken words restored, furniture blanked.

Preparation happens once per field: normalise (with the offset map), restore broken words,
and blank the body's page furniture with spaces so that every later match can still be mapped
back to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import accumulate, compress
from operator import add, itemgetter, sub

import regex

from scorer.charclasses import bmp_class, is_bmp
from scorer.furniture import furniture_ranges
from scorer.normalize import Normalized, normalize
from scorer.obfuscation import find_broken_words
from scorer.quotes import quote_regions
from scorer.result import FieldName, Span

# Tokens: an abbreviated title with its point ("د. محمد", not after a number: "2015 م."), words,
# numbers, newlines, single marks. Every branch starts with a character class (the title's
# look-behinds come after its letter), so the search skips ahead by the first character.
_TOKEN = regex.compile(
    r"[دما](?<![\p{L}\p{N}][دما])(?<!\p{N}\s[دما])\.(?=\s?\p{L})|\p{L}+|\p{N}+(?:[.,:/]\p{N}+)*"
    r"|\n|[^\s\p{L}\p{N}]"
)
# Each token and the white space before it (a line break is a token, not a gap): ``findall``
# then gives every (gap, token) pair and, from the lengths, each token's place, with no match
# object a token. Every gap is followed by a token except white space at the very end, which
# the search leaves out (tried at each of its characters, a long run would cost quadratic time).
_GAP_AND_TOKEN = regex.compile(rf"([^\S\n]*+)({_TOKEN.pattern})")
_GAP_CHARACTERS = "".join(regex.findall(r"[^\S\n]", "".join(map(chr, range(0x3001)))))


@cache
def _bmp_gap_and_token() -> re.Pattern[str]:
    """``_GAP_AND_TOKEN`` on the built-in ``re``, for texts of BMP characters (``charclasses``)."""
    letter, number, space = bmp_class(r"\p{L}"), bmp_class(r"\p{N}"), bmp_class(r"\s")
    gap = bmp_class(r"[^\S\n]")
    return re.compile(
        rf"([{gap}]*+)("
        rf"[دما](?<![{letter}{number}][دما])(?<![{number}][{space}][دما])\.(?=[{space}]?[{letter}])"
        rf"|[{letter}]+|[{number}]+(?:[.,:/][{number}]+)*|\n|[^{space}{letter}{number}])"
    )


@dataclass(frozen=True)
class Field:
    """One field (title or body): the original, its matching form and what was found in it."""

    name: FieldName
    norm: Normalized
    text: str
    broken_words: tuple[tuple[int, int], ...]
    # Tokens of ``text`` (words, numbers, newlines, punctuation marks) and their ranges.
    words: tuple[str, ...] = field(repr=False)
    starts: tuple[int, ...] = field(repr=False)
    ends: tuple[int, ...] = field(repr=False)

    @property
    def original(self) -> str:
        return self.norm.original

    def span(self, signal: str, start: int, end: int) -> Span:
        """Evidence for ``text[start:end]`` (matching-form indices), as original offsets."""
        first, last = self.norm.span(start, end)
        return Span(signal, self.name, first, last, self.original[first:last])

    @cached_property
    def is_word(self) -> list[bool]:
        """For each token: it is a word (its first character is a letter)."""
        return list(map(str.isalpha, map(itemgetter(0), self.words)))

    def matches_at(
        self, pattern: re.Pattern[str], starts: frozenset[str]
    ) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` in ``text`` as ``finditer`` gives them, when every match
        starts at a token in ``starts``: tried at those tokens only, not at every position."""
        reached = 0
        for start in compress(self.starts, map(starts.__contains__, self.words)):
            if start >= reached and (match := pattern.match(self.text, start)) is not None:
                reached = match.end()
                yield match

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Quoted regions (inner ranges, matching form)."""
        return tuple(quote_regions(self.norm, self.text))


def in_ranges(position: int, ranges: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """``position`` lies in one of ``ranges`` (sorted, not overlapping; ``starts`` their
    starts), found by bisection."""
    i = bisect_right(starts, position) - 1
    return i >= 0 and position < ranges[i][1]


def prepare_field(name: FieldName, original: str, title_text: str = "") -> Field:
    norm = normalize(original)
    broken = find_broken_words(norm)
    separators = [run for word in broken for run in word.separators]
    restored = norm.without(separators) if separators else norm
    text = restored.text
    furniture: list[tuple[int, int]] = []
    if name == "body":
        furniture = furniture_ranges(text, title_text)  # sorted, not overlapping
        pieces, done = [], 0
        for start, end in furniture:
            blanked = "\n".join(" " * len(line) for line in text[start:end].split("\n"))
            pieces += [text[done:start], blanked]
            done = end
        text = "".join(pieces) + text[done:]
    furniture_original = [restored.span(start, end) for start, end in furniture]
    furniture_starts = [start for start, _ in furniture_original]
    broken_spans = tuple(
        span
        for span in (norm.span(word.start, word.end) for word in broken)
        if not in_ranges(span[0], furniture_original, furniture_starts)
    )
    words, starts, ends = tokens(text)
    return Field(name, restored, text, broken_spans, words, starts, ends)


def tokens(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """The tokens of ``text`` (the matches of ``_TOKEN``) with their starts and ends."""
    search = _bmp_gap_and_token() if is_bmp(text) else _GAP_AND_TOKEN
    pairs = search.findall(text, 0, len(text.rstrip(_GAP_CHARACTERS)))
    words = tuple(map(itemgetter(1), pairs))
    lengths = tuple(map(len, words))
    ends = tuple(accumulate(map(add, map(len, map(itemgetter(0), pairs)), lengths)))
    return words, tuple(map(sub, ends, lengths)), ends
