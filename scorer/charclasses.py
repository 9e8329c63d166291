"""The ``regex`` module's Unicode classes (``\\p{L}``, ``\\p{N}``, ``\\s``) for the built-in ``re``.

``re`` has no ``\\p{...}`` and its ``\\w``/``\\s`` follow Python's own, older Unicode tables, so
a class is rebuilt here from the code points ``regex`` matches. Only the Basic Multilingual
Plane is covered: there ``re`` tests a class with one table look-up, and a pattern built from
these classes matches a text of BMP characters exactly as its ``regex`` original does, faster
(the token search: ~2x). A text with a character above U+FFFF goes to the ``regex`` original.
"""

from __future__ import annotations

import re
from functools import cache

import regex


@cache
def _bmp() -> str:
    """Every BMP code point in order (a run of matches is then a range of code points)."""
    return "".join(map(chr, range(0x10000)))


@cache
def bmp_class(pattern: str) -> str:
    """The body of an ``re`` character class holding the BMP characters that the ``regex``
    character class ``pattern`` (``r"\\p{L}"``, ``r"[^\\S\\n]"``) matches, as ranges."""
    runs = regex.finditer(f"(?:{pattern})+", _bmp())
    return "".join(
        re.escape(run[0]) if len(run) == 1 else f"{re.escape(run[0])}-{re.escape(run[-1])}"
        for run in (match.group() for match in runs)
    )


def is_bmp(text: str) -> bool:
    """``text`` has no character above U+FFFF (where the ``re`` classes stop): each takes two
    bytes in UTF-16 (a quicker test than comparing characters)."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
