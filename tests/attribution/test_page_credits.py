"""Scraped pages (v3): segments split at " | ", and credits found anywhere by their shape."""

from helpers import texts, value

LONG_SENTENCE = "وتواصلت الاشتباكات في ريف حلب الشمالي طوال ساعات الليل وسط قصف متبادل بين الطرفين."


def test_colon_headline_in_a_segment_of_a_run_together_page():
    body = f"أخبار سوريا | الرئيسية | المرصد: مقتل 20 عنصرا في ريف حلب {LONG_SENTENCE}"
    assert texts("", body, "named_sources") == ["المرصد"]


def test_wire_credit_after_a_slash_anywhere():
    said = "وقال الجيش إن قواته تقدمت."
    body = f"{LONG_SENTENCE} دمشق / وكالات {said}\n{LONG_SENTENCE}\n{LONG_SENTENCE}"
    assert value("", body, "attribution_depth") == 2
    body = (
        f"{LONG_SENTENCE} ودعت وكالات الإغاثة إلى الهدنة. {said}\n{LONG_SENTENCE}\n{LONG_SENTENCE}"
    )
    assert value("", body, "attribution_depth") == 1


def test_agency_dash_credit_and_source_line():
    body = f"{LONG_SENTENCE} مهر للأنباء - دعا الرئيس الإيراني إلى الحوار. المصدر: الجزيرة + رويترز"
    assert texts("", body, "named_sources") == [
        "مهر للأنباء",
        "الرئيس الإيراني",
        "الجزيرة",
        "رويترز",
    ]


def test_agency_in_brackets_mid_page():
    body = f"وأعلن الجيش أن قواته دخلت المدينة (رويترز) {LONG_SENTENCE}\n{LONG_SENTENCE}"
    assert texts("", body, "named_sources") == ["الجيش", "رويترز"]
    assert value("", body, "attribution_depth") == 2


def test_headline_opening_a_run_together_page_before_its_outlet():
    body = (
        "المرصد السوري يؤكد مقتل البغدادي في غارة جوية - عنب بلدي قال المرصد السوري لحقوق"
        f" الإنسان إن غارة جوية أدت إلى مقتل زعيم التنظيم. {LONG_SENTENCE}"
    )
    assert texts("", body, "named_sources") == ["المرصد السوري", "المرصد السوري لحقوق الإنسان"]


def test_a_dateline_opening_a_run_together_page_stays_whole():
    body = f"القاهرة - أ ش أ قال الوزير إن الخطة جاهزة للتنفيذ. {LONG_SENTENCE}"
    assert texts("", body, "named_sources") == ["أ ش أ", "الوزير"]
