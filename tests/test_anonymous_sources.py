from helpers import texts, value


def test_informed_source_with_an_adjective_between():
    body = "ونقل موقع “باسنيوز” عن مصدر كردي مطلع قوله إن الروس قرروا الانسحاب."
    assert texts("", body, "anonymous_sources") == ["مصدر كردي مطلع"]


def test_back_references_count():
    body = (
        "قالت مصادر مطلعة إن الاتفاق قريب. وأوضح المصدر أن الجولة المقبلة حاسمة. "
        "ووفقاً للمصدر فإن الوفد وصل. ولفت ذات المصدر إلى أن الخلاف قائم."
    )
    assert texts("", body, "anonymous_sources") == [
        "مصادر مطلعة",
        "المصدر",
        "للمصدر",
        "ذات المصدر",
    ]


def test_anonymous_subject_before_its_verb():
    body = "وقال إن «العديد من الصحف والمواقع نشرت أسباب الإقالة».\n"
    assert value("", body, "anonymous_sources") == 1


def test_colon_headline_with_anonymous_source():
    assert texts("مصدر رئاسي: لا تعديل وزاري قريبا", "", "anonymous_sources") == ["مصدر رئاسي"]


def test_named_source_and_news_subject_are_not_anonymous():
    body = "قال وزير الزراعة إن الموسم جيد. وقتل مصدر أمني في الهجوم."
    assert value("", body, "anonymous_sources") == 0


def test_passive_without_source_noun_is_not_counted():
    assert value("", "ونُشر على مواقع التواصل مقطع للحادث.", "anonymous_sources") == 0


def test_empty_body():
    assert value("عنوان", "", "anonymous_sources") == 0
