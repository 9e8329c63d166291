"""Pair quotation marks into quoted regions (shared by direct_quotes and attribution depth).

In the matching form every quotation-mark style is '"'; the original character tells opening
and closing marks apart where it can («, », “, ”). A quote never runs past the end of its
line: a quote whose closing mark is missing ends with its line.
"""

from __future__ import annotations

from scorer.normalize import Normalized

_OPENING_ONLY = frozenset("«„‟〝")
_CLOSING_ONLY = frozenset("»〞")


def quote_regions(norm: Normalized, text: str) -> list[tuple[int, int]]:
    """Inner ``[start, end)`` ranges of quoted text in ``text`` (a same-length view of norm)."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    position = text.find('"')
    while position != -1:
        mark = norm.original[norm.offsets[position]]
        if open_at is not None:
            line_end = text.find("\n", open_at, position)
            if line_end != -1:  # unclosed on its line: it ends with the line
                regions.append((open_at + 1, line_end))
                open_at = None
        if open_at is None:
            if mark not in _CLOSING_ONLY:
                open_at = position
        elif mark in _OPENING_ONLY and norm.original[norm.offsets[open_at]] in _OPENING_ONLY:
            open_at = position  # two openers in a row: the first was a stray mark
        else:
            regions.append((open_at + 1, position))
            open_at = None
        position = text.find('"', position + 1)
    if open_at is not None:
        line_end = text.find("\n", open_at)
        regions.append((open_at + 1, len(text) if line_end == -1 else line_end))
    return regions
