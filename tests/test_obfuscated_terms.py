import re

from helpers import joined, texts, value
from hypothesis import given, settings

from scorer.lexicon import terms
from scorer.obfuscation import _MAYBE_SPELLED_OUT, _SEPARATORS, _SPELLED_OUT, _target_pattern


def test_split_words_and_punctuation_inside_a_word():
    body = "قد تستغله “داع ش” وتضغط على ”ق سد” وكذلك الاعتـ.ـراف بالإدارة."
    assert texts("", body, "obfuscated_terms") == ["داع ش", "ق سد", "الاعتـ.ـراف"]


def test_restored_words_match_the_lexicons():
    assert value("", "هاجم تنظيم د.ا.ع.ش القرية", "obfuscated_terms") == 1


def test_decorative_tatweel_and_plain_words_do_not_count():
    assert value("", "نائـب الرئاسة والإدارة الــذاتية وقسد وداعش", "obfuscated_terms") == 0


def test_spelled_out_letters():
    assert value("", "قالوا إن ا ل ج ي ش انسحب", "obfuscated_terms") == 1


def test_abbreviations_are_not_obfuscation():
    assert value("", "القاهرة - أ ش أ\nقال د.محمد إن", "obfuscated_terms") == 0


# Letters, separators, white space, digits and punctuation: the pieces of spelled-out words.
_PIECES = joined(
    ["ق ر ا ر", "ا ت", "د.ا.ع.ش", "و ", "ب", " ", "-", "الجيش", "، ", ")", "ـ"], max_size=30
)


@settings(max_examples=400, deadline=None)
@given(_PIECES)
def test_the_quick_pattern_matches_wherever_a_spelled_out_word_starts(text):
    # find_broken_words starts the exact search just before the quick re pattern's first match,
    # which is made at the separator after the first letter.
    for match in _SPELLED_OUT.finditer(text):
        assert _MAYBE_SPELLED_OUT.match(text, match.start() + 1)


def test_spelled_out_letters_at_the_start_of_the_text():
    assert texts("", "ق ر ا ر ا ت مهمة", "obfuscated_terms") == ["ق ر ا ر ا ت"]


def _spelled_with_separators(entry: str) -> str:
    return f"[{re.escape(_SEPARATORS)}]{{0,2}}".join(map(re.escape, entry))


@settings(max_examples=300, deadline=None)
@given(
    joined(
        ["دا", "ع", "ش", "داعش", "قس", "د", "الجيش", "جي", " ", "  ", ".", "-", "ـ"], max_size=20
    )
)
def test_the_filter_word_trie_finds_what_a_longest_first_alternation_finds(text):
    targets = sorted(
        (t for t in terms("obfuscation_targets") if " " not in t), key=len, reverse=True
    )
    reference = re.compile("|".join(map(_spelled_with_separators, targets)))
    found = [m.span() for m in _target_pattern().finditer(text)]
    assert found == [m.span() for m in reference.finditer(text)]
