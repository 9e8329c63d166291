"""Find words broken to dodge keyword filters ("داع ش", "ق سد", "الاعتـ.ـراف").

Three kinds of evidence, on the matching form after diacritics and tatweel are gone:
- a listed filter word (``obfuscation_targets.txt``) spelled with separators inside it;
- any word whose fragments are joined by punctuation or a space *touching a tatweel* in the
  original ("الاعتـ.ـراف", "إرهـ ـابي"): decorative tatweel alone ("نائـب") does not count;
- five or more single letters spelled out with separators ("م ق ا و م ة"); shorter runs are
  initials ("ع. ج. ح. س") unless they spell a listed word ("د ا ع ش").
Each find is reported with the separator ranges to delete, so the word can be restored.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

import regex

from scorer.clitics import PROCLITICS, endings
from scorer.lexicon import (
    BOUNDARY_AFTER,
    BOUNDARY_BEFORE,
    RE_BOUNDARY_AFTER,
    term_set,
    terms,
    trie_regex,
)
from scorer.normalize import Normalized

_SEPARATORS = " .\\-_*•·|+~"
_SEPARATOR_RUN = regex.compile(f"[{_SEPARATORS}]+")
# A space needs a tatweel on both sides ("إرهـ ـابي"); one side is a decorative word ending
# ("أولمبيةـ حيث") or a detached article ("الـ دوري").
# A match starts only where a tatweel run or separator starts, and its runs never give back
# (possessive), so long runs of tatweel cost linear time.
_TATWEEL_BREAK = regex.compile(
    r"(?<=\p{Arabic}{2}\p{Mn}{0,4})(?<!ـ)"
    r"(?:ـ++ {1,2}ـ++|ـ++[.\-*•·|+~]{1,3}ـ*+|[.\-*•·|+~]{1,3}ـ++)"
    r"(?=\p{Mn}{0,4}\p{Arabic}{2})"
)
_SPELLED_OUT = regex.compile(
    rf"{BOUNDARY_BEFORE}\p{{Arabic}}(?:[{_SEPARATORS}]{{1,2}}\p{{Arabic}}{BOUNDARY_AFTER}){{4,}}"
)
# The same shape with any one-character word for an Arabic letter, on the built-in ``re`` and
# matched from the separator after the first letter (looked back at), so that the search skips
# ahead to separators: wherever ``_SPELLED_OUT`` matches, this matches one character later, so
# the place before its first match is where the search for spelled-out words can start.
_ONE_CHARACTER = rf"[^\s{re.escape(_SEPARATORS)}]"
_SEPARATOR = f"[{re.escape(_SEPARATORS)}]"
_MAYBE_SPELLED_OUT = re.compile(
    rf"{_SEPARATOR}(?<={_ONE_CHARACTER}{_SEPARATOR})(?<![^\W_]{_ONE_CHARACTER}{_SEPARATOR})"
    rf"{_SEPARATOR}?{_ONE_CHARACTER}{RE_BOUNDARY_AFTER}"
    rf"(?:{_SEPARATOR}{{1,2}}{_ONE_CHARACTER}{RE_BOUNDARY_AFTER}){{3,}}"
)


@dataclass(frozen=True, slots=True)
class BrokenWord:
    """A broken word at ``[start, end)`` of the matching form and the separators inside it."""

    start: int
    end: int
    separators: tuple[tuple[int, int], ...]


_LETTERS_BEFORE = regex.compile(r"\p{L}*$")
_LETTERS_AFTER = regex.compile(r"\p{L}*")
_CLITIC_WINDOW = 4


@cache
def _target_pattern() -> re.Pattern[str]:
    """The listed filter words, each letter gap allowed one or two separators (``re``: see
    ``lexicon.RE_BOUNDARY_BEFORE``)."""
    targets = (t for t in terms("obfuscation_targets") if " " not in t)
    return re.compile(trie_regex(targets, between=f"[{re.escape(_SEPARATORS)}]{{0,2}}"))


def _target_words(norm: Normalized) -> list[BrokenWord]:
    """Listed filter words spelled with separators inside ("ق سد", "د.ا.ع.ش").

    The targets are searched for with up to two separators between their letters; a hit is
    kept only if it has a separator inside and covers whole fragments of the text (clitics
    allowed).
    """
    text = norm.text
    found = []
    for hit in _target_pattern().finditer(text):
        if hit.group().isalpha():
            continue  # the plain word: letters only, no separator inside
        start, end = hit.span()
        runs = [
            (start + m.start(), start + m.end()) for m in _SEPARATOR_RUN.finditer(text[start:end])
        ]
        prefix = _LETTERS_BEFORE.search(text, max(0, start - _CLITIC_WINDOW), start).group()
        suffix = _LETTERS_AFTER.match(text, end, end + _CLITIC_WINDOW).group()
        fragments = _SEPARATOR_RUN.split(text[start - len(prefix) : end + len(suffix)])
        if any(fragment in term_set("function_words") for fragment in fragments):
            continue
        if prefix in PROCLITICS and suffix in endings():
            found.append(BrokenWord(start - len(prefix), end + len(suffix), tuple(runs)))
    return found


def _tatweel_breaks(norm: Normalized) -> list[BrokenWord]:
    """Words whose fragments are joined by a separator touching a tatweel ("الاعتـ.ـراف"),
    found in the original text and mapped into the matching form."""
    found = []
    text = norm.text
    for match in _TATWEEL_BREAK.finditer(norm.original):
        start = bisect_left(norm.offsets, match.start())
        end = bisect_left(norm.offsets, match.end())
        if start == end:
            continue
        # (start, end): the separator characters left in the matching form
        found.append(
            BrokenWord(_word_edge(text, start, -1), _word_edge(text, end, 1), ((start, end),))
        )
    return found


def find_broken_words(norm: Normalized) -> list[BrokenWord]:
    """All broken words in ``norm``, sorted, non-overlapping."""
    text = norm.text
    found = _target_words(norm)
    if "ـ" in norm.original:
        found += _tatweel_breaks(norm)

    maybe = _MAYBE_SPELLED_OUT.search(text)
    for match in _SPELLED_OUT.finditer(text, maybe.start() - 1) if maybe else ():
        runs = [
            (match.start() + m.start(), match.start() + m.end())
            for m in _SEPARATOR_RUN.finditer(match.group())
        ]
        found.append(BrokenWord(match.start(), match.end(), tuple(runs)))

    return _without_overlaps(found)


def _word_edge(text: str, position: int, step: int) -> int:
    if step < 0:
        while position > 0 and text[position - 1].isalpha():
            position -= 1
        return position
    while position < len(text) and text[position].isalpha():
        position += 1
    return position


def _without_overlaps(found: list[BrokenWord]) -> list[BrokenWord]:
    kept: list[BrokenWord] = []
    for word in sorted(found, key=lambda w: (w.start, -w.end)):
        if kept and word.start < kept[-1].end:
            continue
        kept.append(word)
    return kept
