"""Find page furniture in an article body (SIGNALS.md, general rules).

Works line by line on the matching form and returns ``[start, end)`` ranges to blank out:
everything from a comment form on, navigation/share/related-links lines and the short lists
under an "اقرأ أيضا" heading, date lines, and a copy of the title at the top of the body.
Bylines and credits are not furniture: a date line that carries an agency credit is kept.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

import regex

from scorer.charclasses import bmp_class, is_bmp
from scorer.lexicon import pattern, term_set, terms, trie_regex

_LINE = regex.compile(r"^[^\n]*", regex.MULTILINE)
_LEADING_PUNCT = regex.compile(r"^[\s\p{P}\p{S}]+")
_WORD = regex.compile(r"\p{L}+|\p{N}+")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_RELATED_LIST_MAX_LINES = 6
_RELATED_LIST_MAX_WORDS = 15
_DATE_LINE_MAX_WORDS = 12
_WORDS_LOOKED_AT = max(_RELATED_LIST_MAX_WORDS, _DATE_LINE_MAX_WORDS) + 1
_FIRST_WORDS_CHARS = 160  # where a line's first words are looked for first: ~30 words


@cache
def _bmp_word() -> re.Pattern[str]:
    """``_WORD`` on the built-in ``re``, for texts of BMP characters (``charclasses``)."""
    letter, number = bmp_class(r"\p{L}"), bmp_class(r"\p{N}")
    return re.compile(f"[{letter}]+|[{number}]+")


def _first_words(word: re.Pattern[str] | regex.Pattern[str], line: str) -> list[str]:
    """The first ``_WORDS_LOOKED_AT`` words of ``line`` (all when it has fewer), searched
    for in its first characters, then in the whole line if they hold too few: the last word
    found in a cut-off search may be cut off, and is not taken."""
    words = word.findall(line, 0, _FIRST_WORDS_CHARS)
    if len(words) > _WORDS_LOOKED_AT or len(line) <= _FIRST_WORDS_CHARS:
        return words[:_WORDS_LOOKED_AT]
    return [match.group() for match in islice(word.finditer(line), _WORDS_LOOKED_AT)]


@cache
def _starts(name: str) -> re.Pattern[str]:
    """Lexicon ``name`` as a pattern for the start of a line; its words may run together
    ("اقرأأيضا")."""
    return re.compile(trie_regex(terms(name), space=r"\s*"))


def _squash(text: str) -> str:
    return _NON_WORD.sub("", text)


@cache
def _date_words() -> frozenset[str]:
    """The words of a date line: month names (each word of them) and the date-line words."""
    months = {word for month in terms("months") for word in month.split()}
    return frozenset(months) | term_set("date_line_words")


def _is_date_line(line: str, words: list[str]) -> bool:
    """``line``, whose first words are ``words``, holds a date and date words only."""
    if not words or len(words) > _DATE_LINE_MAX_WORDS:
        return False
    if not any(w.isdigit() for w in words) or pattern("agencies").search(line):
        return False
    date_words = _date_words()
    return all(w.isdigit() or w in date_words for w in words)


def furniture_ranges(body: str, title: str) -> list[tuple[int, int]]:
    """Ranges of ``body`` (matching form) that are page furniture, sorted."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(body)]
    word = _bmp_word() if is_bmp(body) else _WORD
    title_key = _squash(title)
    ranges: list[tuple[int, int]] = []
    related_left = 0
    for index, (start, end) in enumerate(lines):
        line = body[start:end]
        content = line if line[:1].isalnum() else _LEADING_PUNCT.sub("", line)
        if not content.strip():
            related_left = 0
            continue
        if _starts("comment_markers").match(content):
            ranges.append((start, len(body)))
            break
        # Only short lines are tested further: the first words are enough to tell a long one.
        words = _first_words(word, content)
        word_count = len(words)
        if _starts("furniture").match(content):
            ranges.append((start, end))
            if word_count <= 3:  # a heading such as "اقرأ أيضا": its list follows
                related_left = _RELATED_LIST_MAX_LINES
            continue
        if related_left and word_count <= _RELATED_LIST_MAX_WORDS and not content.endswith("."):
            related_left -= 1
            ranges.append((start, end))
            continue
        related_left = 0
        # The squashed line is its words joined: the first ones must begin the title's.
        is_title_copy = (
            index < 8
            and title_key
            and title_key.startswith(first_words := "".join(words))
            and title_key == (first_words if word_count < _WORDS_LOOKED_AT else _squash(content))
        )
        if is_title_copy or _is_date_line(content, words):
            ranges.append((start, end))
    return ranges
