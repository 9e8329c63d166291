"""Outlets a source spoke to (SIGNALS.md, named_sources): a named mention and one more hop."""

from helpers import texts, value


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
