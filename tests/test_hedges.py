from helpers import joined, texts, value
from hypothesis import given, settings

from scorer.fields import prepare_field
from scorer.lexicon import entry_starts
from scorer.signals.hedges import _CUE_CLITICS, _QAD, _cue_pattern, _qad_matches


def test_qad_with_imperfect_is_a_hedge_with_perfect_is_not():
    assert texts("", "الفراغ قد تستغله التنظيمات.", "hedges") == ["قد تستغله"]
    assert value("", "وقد قرر المجلس تأجيل الجلسة. وقد تم الاتفاق.", "hedges") == 0
    assert value("", "وكان الفنان قد تقدم بطلب رسمي.", "hedges") == 0


def test_listed_cues_with_diacritics_and_clitics():
    body = "قرار مُحتمل من شأنه أن يغير المعادلة، ومن المرجح أن يُعلن غدا، وربما يتأخر."
    assert texts("", body, "hedges") == ["مُحتمل", "من شأنه", "من المرجح", "ربما"]


def test_adjacent_cues_count_once():
    assert value("", "ترددت أنباء عن استقالة المدرب.", "hedges") == 1


def test_rumours_as_a_topic_are_not_hedges():
    assert value("", "يجب الكشف حتى يغلق باب الشائعات.", "hedges") == 0


def test_title_counts_too():
    assert value("انسحاب محتمل للقوات", "", "hedges") == 1


def test_no_hedge():
    assert value("", "أعلنت الوزارة نتائج الامتحانات اليوم.", "hedges") == 0


@settings(max_examples=300, deadline=None)
@given(
    joined(["قد", "وقد", "فقد", "عقد", " ", "  \n", "يكون", "تستغل", "، ", "2", "ـ"], max_size=15)
)
def test_qad_is_tried_at_each_qad_with_the_matches_of_a_whole_text_search(text):
    assert [m.span() for m in _qad_matches(text)] == [m.span() for m in _QAD.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    joined(
        [
            "يبدو",
            "ويبدو",
            "لربما",
            "ربما",
            "على",
            "ما",
            "من",
            "المحتمل",
            "يعتقد",
            "أن",
            "وبيبدو",
            "ال",
            "د.",
            "2",
            " ",
            "  \n",
            "،",
            "ـ",
            "ً",
            "x",
            "يبدو2",
        ],
        max_size=15,
    )
)
def test_cues_are_tried_at_candidate_tokens_with_the_matches_of_a_whole_text_search(text):
    field = prepare_field("body", text)
    expected = [m.span() for m in _cue_pattern().finditer(field.text)]
    found = field.matches_at(_cue_pattern(), entry_starts("hedges", _CUE_CLITICS))
    assert [m.span() for m in found] == expected
