"""Verbs, prepositions and cues that v3 names: أذاع/بثّ، حدد + list، وفق، هتف."""

from helpers import texts, value


def test_broadcasting_a_statement_or_footage_is_an_attribution():
    body = "وأذاع التلفزيون الرسمي لقطات لدخول الجيش إلى المدينة."
    assert value("", body, "named_sources") == 1


def test_setting_out_a_list_is_an_attribution_only_with_its_list():
    body = "وحددت المفوضية الأوراق المطلوبة وهي: الهوية وشهادة الميلاد."
    assert value("", body, "named_sources") == 1
    assert value("", "وحددت المفوضية موعد الانتخابات في الربيع.", "named_sources") == 0


def test_wafq_without_alef_is_a_source_only_before_a_source():
    body = "وفق مصادر محلية فإن الاشتباكات استمرت حتى الصباح."
    assert texts("", body, "anonymous_sources") == ["مصادر محلية"]
    body = "وتمت إعادة الأوضاع وفق الخطط المعتمدة لذلك."
    assert value("", body, "named_sources") + value("", body, "anonymous_sources") == 0


def test_a_chant_announces_a_short_quotation():
    body = 'وهتف المتظاهرون "الشعب يريد إسقاط النظام" في الساحة.'
    assert texts("", body, "direct_quotes") == ["الشعب يريد إسقاط النظام"]
    body = 'ورفع المتظاهرون "الشعب يريد إسقاط النظام" في الساحة.'
    assert texts("", body, "direct_quotes") == []
