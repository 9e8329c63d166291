"""Load the versioned vocabularies shipped under ``scorer/lexicons/`` (package data).

Each file holds one entry a line, ``#`` comments, and a ``# version: N`` header. Entries are
folded to the matching form on load, so a linguist writes them as they appear in text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

import regex

from scorer.errors import LexiconError
from scorer.normalize import fold

LEXICON_NAMES: tuple[str, ...] = tuple(
    sorted(
        entry.name.removesuffix(".txt")
        for entry in resources.files("scorer.lexicons").iterdir()
        if entry.name.endswith(".txt")
    )
)
"""Every lexicon shipped: each ``*.txt`` file of the package ``scorer.lexicons``."""

_VERSION_RE = regex.compile(r"#\s*version:\s*(\d+)")
BOUNDARY_BEFORE = r"(?<![\p{L}\p{N}])"
BOUNDARY_AFTER = r"(?![\p{L}\p{N}])"
# The same boundaries for the built-in ``re``: ``[^\W_]`` is a letter or a number there too.
# Word-list patterns (tries of literal characters) run 3-4x faster on ``re`` than on ``regex``,
# with the same matches, so every lexicon matcher is compiled with ``re``.
RE_BOUNDARY_BEFORE = r"(?<![^\W_])"
RE_BOUNDARY_AFTER = r"(?![^\W_])"


def _read(name: str) -> str:
    if name not in LEXICON_NAMES:
        raise LexiconError(f"unknown lexicon {name!r}")
    return resources.files("scorer.lexicons").joinpath(f"{name}.txt").read_text("utf-8")


@cache
def terms(name: str) -> tuple[str, ...]:
    """The folded entries of lexicon ``name``, in file order, without duplicates."""
    entries = []
    for line in _read(name).splitlines():
        entry = " ".join(line.split())
        if entry and not entry.startswith("#"):
            entries.append(fold(entry))
    if not entries:
        raise LexiconError(f"lexicon {name!r} is empty")
    return tuple(dict.fromkeys(entries))


@cache
def term_set(name: str) -> frozenset[str]:
    """The folded entries of lexicon ``name`` as a set, for single-token look-ups."""
    return frozenset(terms(name))


@cache
def version(name: str) -> int:
    """The ``# version: N`` header of lexicon ``name``."""
    match = _VERSION_RE.search(_read(name))
    if match is None:
        raise LexiconError(f"lexicon {name!r} has no version header")
    return int(match.group(1))


def trie_regex(entries: Iterable[str], space: str = r"\s+", between: str = "") -> str:
    r"""A regex source matching any of ``entries``, factored as a trie (much faster to search
    than a flat alternation): the one way every lexicon becomes a matcher. Longer entries win;
    a space in an entry matches ``space`` (any run of whitespace; ``\s*`` also words run
    together); ``between`` is allowed between two characters of an entry (a word spelled with
    separators inside), tried once before a node's branches: no entry may hold a character that
    ``between`` matches, so that only one run of it can lead into a branch."""
    trie: dict = {}
    for entry in entries:
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict, inner: bool = False) -> str:
        branches = [
            (space if char == " " else re.escape(char)) + build(child, True)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        body = (between if inner else "") + body
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@cache
def pattern(name: str, prefix: str = "") -> re.Pattern[str]:
    """One compiled pattern of lexicon ``name``, longest entries first, on word boundaries.

    ``prefix`` is an optional regex of clitics allowed in front of an entry (``[وفبل]``); the
    entry itself is captured as the group ``term``.
    """
    clitics = f"(?:{prefix})?" if prefix else ""
    body = trie_regex(terms(name))
    return re.compile(f"{RE_BOUNDARY_BEFORE}{clitics}(?P<term>{body}){RE_BOUNDARY_AFTER}")


@cache
def entry_starts(name: str, clitics: tuple[str, ...] = ("",)) -> frozenset[str]:
    """The tokens a match of lexicon ``name``'s pattern can start at, when ``clitics`` are all
    the clitics its pattern allows, the empty one included: the first word of an entry after
    each. The first words are letters only, so with its clitic each is a whole token."""
    firsts = {entry.split()[0] for entry in terms(name)}
    return frozenset(clitic + word for clitic in clitics for word in firsts)
