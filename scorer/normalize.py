"""Arabic normalisation with an offset map back to the original text.

The matching form folds the spelling variation that would otherwise defeat lexicon look-ups
(diacritics, tatweel, alef/hamza forms, alef maqsura, taa marbuta, Arabic-Indic digits, bidi and
zero-width marks, quotation-mark styles, Arabic punctuation) and re-joins words broken to dodge
keyword filters. Every character of the matching form remembers the index of the original
character it came from, so a match can always be reported as a span of the original string.

Only deletions change the length: substitutions are one-for-one (``str.translate``), deletions
are found with one ``regex`` pass, and the offset map is built from the kept runs, never with a
per-character Python loop.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import regex

# Removed from the matching form: harakat and Quranic marks, tatweel, zero-width and bidi controls.
_DELETED_CHARS = (
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # diacritics, Quranic marks
    "\u0640"  # tatweel
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
DELETED_RE = regex.compile(f"[{_DELETED_CHARS}]+")

_SUBSTITUTIONS: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ک": "ك",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "〝": '"',
    "〞": '"',
    "＂": '"',
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\t": " ",
    "\r": " ",
}
_SUBSTITUTIONS.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_SUBSTITUTIONS.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_TRANSLATION = str.maketrans(_SUBSTITUTIONS)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A matching form of ``original`` and, for each of its characters, the original index."""

    original: str
    text: str
    offsets: array

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` (non-empty) to ``(start, end)`` in the original string."""
        return self.offsets[start], self.offsets[end - 1] + 1

    def without(self, ranges: Iterable[tuple[int, int]]) -> Normalized:
        """Drop the given sorted, disjoint ``[start, end)`` ranges of the matching form."""
        return _delete_ranges(self.original, self.text, self.offsets, ranges)


def fold(text: str) -> str:
    """Matching form of ``text`` without an offset map (for lexicon entries and comparisons)."""
    return DELETED_RE.sub("", text.translate(_TRANSLATION))


def normalize(original: str) -> Normalized:
    """Return the matching form of ``original`` together with its offset map."""
    translated = original.translate(_TRANSLATION)
    deleted = [m.span() for m in DELETED_RE.finditer(translated)]
    if not deleted:
        return Normalized(original, translated, array("l", range(len(original))))
    return _delete_ranges(original, translated, array("l", range(len(original))), deleted)


def _delete_ranges(
    original: str, text: str, offsets: array, ranges: Iterable[tuple[int, int]]
) -> Normalized:
    kept_text: list[str] = []
    kept_offsets = array("l")
    position = 0
    for start, end in ranges:
        kept_text.append(text[position:start])
        kept_offsets.extend(offsets[position:start])
        position = end
    kept_text.append(text[position:])
    kept_offsets.extend(offsets[position:])
    return Normalized(original, "".join(kept_text), kept_offsets)
