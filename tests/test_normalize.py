from helpers import joined
from hypothesis import given, settings
from hypothesis import strategies as st

from scorer.normalize import _DELETED_RANGES, _SUBSTITUTIONS, fold, normalize


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


def _reference(text: str) -> tuple[str, list[int]]:
    """The matching form and offsets, a character at a time from the two tables."""
    kept = [
        (index, _SUBSTITUTIONS.get(char, char))
        for index, char in enumerate(text)
        if not any(first <= ord(char) <= last for first, last in _DELETED_RANGES)
    ]
    return "".join(char for _, char in kept), [index for index, _ in kept]


@settings(max_examples=300)
@given(
    joined(
        ["أَ", "ـ", "ة", "٣", "«", "\u200f", "\ufeff", "😀", "𝐀", "\ud800", "x"],
        st.characters(codec=None),
        max_size=30,
    )
)
def test_the_matching_form_and_offsets_are_those_of_the_tables(text):
    # Texts of BMP characters look the tables up directly, others through a mask: both agree.
    norm = normalize(text)
    assert (norm.text, list(norm.offsets)) == _reference(text)
