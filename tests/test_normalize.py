from hypothesis import given
from hypothesis import strategies as st

from scorer.normalize import fold, normalize


def test_folds_diacritics_tatweel_alef_and_taa_marbuta():
    assert fold("مُحتمَلة") == "محتمله"
    assert fold("الاعتـــراف") == "الاعتراف"
    assert fold("أإآٱ") == "اااا"
    assert fold("على") == "علي"


def test_folds_digits_punctuation_and_quotes():
    assert fold("٢٠٢٢ ۱۵") == "2022 15"
    assert fold("قال، لماذا؟") == "قال, لماذا?"
    assert fold("«أ» “ب” ″ج″") == '"ا" "ب" "ج"'


def test_removes_zero_width_and_bidi_marks():
    assert fold("مص\u200cدر\u200f \u202bمطلع\u202c") == "مصدر مطلع"


def test_offset_map_points_back_to_the_original():
    original = "قرار مُحتمـل\u200f!"
    norm = normalize(original)
    assert norm.text == "قرار محتمل!"
    start = norm.text.index("محتمل")
    first, last = norm.span(start, start + len("محتمل"))
    assert original[first:last] == "مُحتمـل"


def test_empty_text():
    norm = normalize("")
    assert norm.text == "" and len(norm.offsets) == 0


@given(st.text())
def test_offsets_are_increasing_and_in_range(text):
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text)
    assert all(a < b for a, b in zip(norm.offsets, norm.offsets[1:]))
    assert all(0 <= o < len(text) for o in norm.offsets)
