"""Weak verbs (حذّر، شدّد، أشار ...) need reported content; an aside does not count against it."""

from helpers import texts


def test_comma_aside_between_source_and_content():
    body = (
        "وشدد الوزير، خلال مؤتمر صحفي عقده اليوم في مقر الوزارة بالعاصمة الرياض بحضور عدد من"
        " المسؤولين، على أن الخطة جاهزة."
    )
    assert texts("", body, "named_sources") == ["الوزير"]


def test_dash_aside_between_source_and_content():
    body = (
        "وحذر الوزير - في تصريح صحفي أدلى به مساء أمس عقب اجتماع اللجنة الوزارية المشتركة في"
        " الرياض - من أن الأسعار سترتفع."
    )
    assert texts("", body, "named_sources") == ["الوزير"]


def test_a_warning_without_content_after_the_aside_is_no_attribution():
    body = "وحذر الوزير، وهو يتفقد المنطقة الجنوبية، من التنزه في الأودية خلال موسم الأمطار."
    assert texts("", body, "named_sources") == []
