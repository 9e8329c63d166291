"""The tokens every signal reads: words, numbers, line breaks, single marks."""

import re

import pytest
import regex
from helpers import joined
from hypothesis import given, settings
from hypothesis import strategies as st

from scorer.charclasses import bmp_class, is_bmp
from scorer.fields import _TOKEN, tokens


def test_words_numbers_titles_marks_and_line_breaks():
    words, starts, ends = tokens("قال د. محمد 3.5%\n\t«نعم»")
    assert words == ("قال", "د.", "محمد", "3.5", "%", "\n", "«", "نعم", "»")
    assert (starts[:3], ends[-1]) == ((0, 4, 7), 23)


@settings(max_examples=400, deadline=None)
@given(
    joined(
        ["قال", "د.", "م.", "2015", "3.5", " ", "\n", "\t", "\u2003", "\x1c"],
        ["،", "_", "²", "x", ".", " \n ", "ـ", "\U0001d400", "😀", "\ud800"],
        st.characters(codec=None, max_codepoint=0x10FFFF),
        max_size=25,
    )
)
def test_tokens_and_their_places_are_the_matches_of_the_token_pattern(text):
    # Texts of BMP characters are tokenised on ``re``, others on ``regex``: both agree with it.
    words, starts, ends = tokens(text)
    matches = list(_TOKEN.finditer(text))
    assert words == tuple(m.group() for m in matches)
    assert list(zip(starts, ends)) == [m.span() for m in matches]


@pytest.mark.parametrize("pattern", [r"\p{L}", r"\p{N}", r"\s", r"[^\S\n]"])
def test_each_re_class_holds_the_bmp_characters_its_regex_class_matches(pattern):
    every = "".join(map(chr, range(0x10000)))
    built = re.compile(f"[{bmp_class(pattern)}]")
    assert built.findall(every) == regex.findall(pattern, every)


def test_a_text_is_bmp_unless_a_character_is_above_u_ffff():
    assert is_bmp("") and is_bmp("قال \uffff \ud800") and not is_bmp("قال 😀")
