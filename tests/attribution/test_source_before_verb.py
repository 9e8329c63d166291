"""Source before its verb (SIGNALS.md v3): أن/إن/بأن clauses, "يذكر أن", "وكانت X ،", headlines."""

from helpers import texts, value


def test_subject_of_a_that_clause_is_a_source_one_hop_further():
    body = "وذكرت الوكالة أن اللجنة الدولية للصليب الأحمر أكدت مقتل عشرة مدنيين في القصف."
    assert texts("", body, "named_sources") == ["الوكالة", "اللجنة الدولية للصليب الأحمر"]
    assert value("", body, "attribution_depth") == 2


def test_after_the_stock_phrase_yudhkar_anna_the_subject_is_the_only_source():
    body = "يذكر أن المرصد السوري لحقوق الإنسان أعلن مقتل 20 عنصرا من قوات النظام."
    assert texts("", body, "named_sources") == ["المرصد السوري لحقوق الإنسان"]
    assert value("", body, "attribution_depth") == 1


def test_subject_after_kana_and_a_comma():
    body = "وكانت وكالة الأنباء الرسمية ، تناقلت خبر الانسحاب من المدينة صباح اليوم."
    assert texts("", body, "named_sources") == ["وكالة الأنباء الرسمية"]


def test_what_follows_a_headline_verb_is_its_object():
    title = "المرصد السوري يؤكد مقتل البغدادي في غارة جوية"
    assert texts(title, "قصفت الطائرات مواقع التنظيم.", "named_sources") == ["المرصد السوري"]


def test_a_verb_with_wa_shares_the_subject_of_the_verb_before_it():
    body = "إلا أن النتيجة فاجأت الجميع وأظهرت أن الشعب يرفض الخضوع."
    assert texts("", body, "named_sources") == []


def test_a_that_clause_opening_with_an_indefinite_noun_is_not_a_source():
    body = "وأوضح أن بلاغا ورد لمركز التحكم يفيد بنشوب حريق في مستودع."
    assert texts("", body, "named_sources") == []
