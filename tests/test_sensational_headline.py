import re

from helpers import joined, texts, value
from hypothesis import given, settings

from scorer.fields import prepare_field
from scorer.lexicon import entry_starts, pattern
from scorer.signals.sensational_headline import _CLITIC_FORMS, _CLITICS

EXAMPLE_TITLE = "بالتزامن مع المفاوضات السرية!… قرار روسي مُحتمل سيقلب الملف السوري رأساً على عقب"


def test_definition_example_scores_four():
    assert texts(EXAMPLE_TITLE, "", "sensational_headline") == ["السرية", "!", "…", "رأساً على عقب"]


def test_punctuation_counts_once_each_and_two_dots_are_a_separator():
    assert value("ماذا يحدث؟؟ !! ...", "", "sensational_headline") == 3
    assert value("بالفيديو.. كلمة الحق", "", "sensational_headline") == 2


def test_body_is_not_counted():
    assert value("اختتام الدورة", "فضيحة كبرى! عاجل", "sensational_headline") == 0


def test_teaser_words():
    assert value("شاهد: تعرف على السر الخطير وراء الانسحاب", "", "sensational_headline") == 4


def test_the_clitic_forms_are_every_string_the_clitic_pattern_matches():
    letters = "وفبال"
    strings = {""}
    for _ in range(4):
        strings |= {s + c for s in strings for c in letters}
    matched = {s for s in strings if re.fullmatch(_CLITICS, s)}
    assert matched | {""} == set(_CLITIC_FORMS)  # "": the clitic is optional


@settings(max_examples=300, deadline=None)
@given(
    joined(
        ["صادم", "بالصادم", "فضيحة", "والفضيحة", "عاجل", "رأساً", "على", "عقب"],
        [" ", "!", "، ", "2", "ـ", "x", "ال", "بال"],
        max_size=12,
    )
)
def test_cues_are_tried_at_candidate_tokens_with_the_matches_of_a_whole_text_search(title):
    field = prepare_field("title", title)
    cues = pattern("sensational", _CLITICS)
    found = field.matches_at(cues, entry_starts("sensational", _CLITIC_FORMS))
    assert [m.span() for m in found] == [m.span() for m in cues.finditer(field.text)]
