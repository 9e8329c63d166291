"""The tokens every signal reads: words, numbers, line breaks, single marks."""

from hypothesis import given, settings
from hypothesis import strategies as st

from scorer.fields import _TOKEN, tokens


def test_words_numbers_titles_marks_and_line_breaks():
    words, starts, ends = tokens("قال د. محمد 3.5%\n\t«نعم»")
    assert words == ("قال", "د.", "محمد", "3.5", "%", "\n", "«", "نعم", "»")
    assert (starts[:3], ends[-1]) == ((0, 4, 7), 23)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["قال", "د.", "م.", "2015", "3.5", " ", "\n", "\t", "\u2003", "\x1c"])
        | st.sampled_from(["،", "_", "²", "x", ".", " \n ", "ـ"]),
        max_size=25,
    ).map("".join)
)
def test_tokens_and_their_places_are_the_matches_of_the_token_pattern(text):
    words, starts, ends = tokens(text)
    matches = list(_TOKEN.finditer(text))
    assert words == tuple(m.group() for m in matches)
    assert list(zip(starts, ends)) == [m.span() for m in matches]
