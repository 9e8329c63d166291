"""Arabic normalisation with an offset map back to the original text.

The matching form folds the spelling variation that would otherwise defeat lexicon look-ups
(diacritics, tatweel, alef/hamza forms, alef maqsura, taa marbuta, Arabic-Indic digits, bidi and
zero-width marks, quotation-mark styles, Arabic punctuation) and re-joins words broken to dodge
keyword filters. Every character of the matching form remembers the index of the original
character it came from, so a match can always be reported as a span of the original string.

Only deletions change the length: substitutions are one-for-one. ``normalize`` maps the code
points through a lookup table and takes the offset map from the kept positions in one numpy pass
(7-8x faster than ``str.translate`` and a deletion pass on article bodies), never with a
per-character Python loop.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from scorer.charclasses import is_bmp

# Removed from the matching form: harakat and Quranic marks, tatweel, zero-width and bidi controls
# (first and last code point of each range).
_DELETED_RANGES = (
    (0x064B, 0x065F),  # harakat
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06DC),  # Quranic marks
    (0x06DF, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0640, 0x0640),  # tatweel
    (0x00AD, 0x00AD),  # soft hyphen
    (0x061C, 0x061C),  # Arabic letter mark
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width characters, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),  # byte order mark
)

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

# The same substitutions and deletions as lookup tables over the Basic Multilingual Plane (every
# folded or deleted character is in it; the code points above it are kept as they are).
_BMP = 0x10000
_MAPPED = np.arange(_BMP, dtype=np.uint32)
_MAPPED[[ord(source) for source in _SUBSTITUTIONS]] = [ord(t) for t in _SUBSTITUTIONS.values()]
_DELETED = np.zeros(_BMP, dtype=bool)
for _first, _last in _DELETED_RANGES:
    _DELETED[_first : _last + 1] = True


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
    return normalize(text).text


def normalize(original: str) -> Normalized:
    """Return the matching form of ``original`` together with its offset map."""
    codes = np.frombuffer(original.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if is_bmp(original):  # the tables cover every code point: look them up directly
        mapped, deleted = _MAPPED[codes], _DELETED[codes]
    else:
        in_table = codes < _BMP
        low = codes & (_BMP - 1)
        mapped = np.where(in_table, _MAPPED[low], codes)
        deleted = _DELETED[low] & in_table
    if deleted.any():
        kept = np.flatnonzero(~deleted).astype(np.int64, copy=False)
        mapped = mapped[kept]
    else:
        kept = np.arange(len(codes), dtype=np.int64)
    offsets = array("q")
    offsets.frombytes(kept.tobytes())
    return Normalized(original, mapped.tobytes().decode("utf-32-le", "surrogatepass"), offsets)


def _delete_ranges(
    original: str, text: str, offsets: array, ranges: Iterable[tuple[int, int]]
) -> Normalized:
    kept_text: list[str] = []
    kept_offsets = array("q")
    position = 0
    for start, end in ranges:
        kept_text.append(text[position:start])
        kept_offsets.extend(offsets[position:start])
        position = end
    kept_text.append(text[position:])
    kept_offsets.extend(offsets[position:])
    return Normalized(original, "".join(kept_text), kept_offsets)
