"""Outlets a source spoke to (SIGNALS.md, named_sources): a named mention and one more hop."""

from helpers import body_view, joined, texts, value
from hypothesis import given, settings


def test_outlet_after_a_modifier_of_the_source():
    body = "وقال مصدر في الرئاسة المصرية لرويترز إن الزيارة ستتم الأسبوع المقبل.\nوانتهى اللقاء."
    assert texts("", body, "anonymous_sources") == ["مصدر"]
    assert texts("", body, "named_sources") == ["لرويترز"]
    assert value("", body, "attribution_depth") == 2


def test_two_word_agency_ends_the_source_phrase():
    body = "وقال قائد الشرطة المحلية سيف لفرانس برس إن الهجوم أسفر عن مقتل ثلاثة.\nوانتهى."
    assert texts("", body, "named_sources") == ["قائد الشرطة المحلية سيف", "لفرانس برس"]
    assert value("", body, "attribution_depth") == 2


def test_preposition_written_apart_before_a_quoted_outlet():
    body = 'وقال المتحدث ل - "سبوتنيك" إن الوفد سيصل غدا.\nوانتهى اللقاء.'
    assert texts("", body, "named_sources") == ["المتحدث", '"سبوتنيك"']


def test_interview_nouns_with_a_pronoun_suffix():
    body = "وأوضح الوزير، في لقائه مع برنامج الحكاية على فضائية سي بي سي، أن الأسعار ستنخفض."
    assert texts("", body, "named_sources") == ["الوزير", "برنامج الحكاية"]
    body = "وقال الرئيس في مداخلته مع قناة الجزيرة إن الحرب انتهت."
    assert texts("", body, "named_sources") == ["الرئيس", "قناة الجزيرة"]


def test_an_addressee_with_lam_is_neither_source_nor_outlet():
    body = "وقال الإمام للمصلين إن الصبر واجب في هذه الأيام."
    assert texts("", body, "named_sources") == ["الإمام"]
    assert value("", body, "attribution_depth") == 1


def _interview_outlet_token_by_token(view, end):
    """``TokenView.interview_outlet`` as first written: every token from ``end`` on."""
    sentence = view.sentence_of[end - 1] if end > 0 else 0
    for k in range(end, min(end + 8, view.n)):
        if view.sentence_of[k] != sentence:
            return None
        if view.is_interview_noun(k):
            return view.outlet_after_interview(k)
    return None


@settings(max_examples=200, deadline=None)
@given(
    joined(
        ["في", "مداخلة", "بمداخلته", "لقاء", "مع", "قناة", "الجزيرة", "لرويترز"],
        [" ", ". ", "\n", "، ", "خاص", "قال", "الوزير"],
        max_size=16,
    )
)
def test_the_interview_outlet_is_found_from_the_candidate_tokens_as_token_by_token(body):
    view = body_view(body)
    for end in range(view.n + 1):
        assert view.interview_outlet(end) == _interview_outlet_token_by_token(view, end)
