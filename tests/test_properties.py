"""Random Unicode never crashes the analyser, and every span indexes the original exactly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorer import analyze
from scorer.analysis import article_error
from scorer.errors import InputError

ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list(' \n.:!?،؟«»“”"ـ\u200f\u200b-*')),
        st.characters(),
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(ARABIC_HEAVY, ARABIC_HEAVY)
def test_random_text_never_crashes_and_spans_index_the_original(title, body):
    if article_error(title, body) is not None:  # empty, invisible or lone surrogates
        with pytest.raises(InputError):
            analyze(title, body)
        return
    result = analyze(title, body)
    for span in result.evidence:
        source = title if span.field == "title" else body
        assert source[span.start : span.end] == span.text
        assert span.start < span.end
    assert all(v >= 0 for v in result.signals.values())


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "قال",
                "مصدر",
                "مطلع",
                "إن",
                "“",
                "”",
                "قد",
                "يكون",
                "\n",
                "ق سد",
                ":",
                "الوزير",
                "بحسب",
                "المصدر",
                "عن",
                "نقل",
                "موقع",
                "...",
            ]
        ),
        max_size=60,
    )
)
def test_sentence_soup_of_trigger_words(words):
    text = " ".join(words)
    if text.strip():
        result = analyze(text[:40], text)
        for span in result.evidence:
            source = text[:40] if span.field == "title" else text
            assert source[span.start : span.end] == span.text
