"""Where a source phrase starts and ends, and whether a reader can identify it (v3)."""

from helpers import texts


def test_abbreviated_titles_belong_to_the_name():
    body = "وقال د. محمد علي الخبير الاقتصادي إن الأسعار سترتفع."
    assert texts("", body, "named_sources") == ["د. محمد علي الخبير الاقتصادي"]
    body = "وقال أ. د. حسن مكاوي إن الكلية مستعدة."
    assert texts("", body, "named_sources") == ["أ. د. حسن مكاوي"]


def test_the_era_letter_after_a_year_ends_its_sentence():
    body = "وذلك في عام 2015 م. وقال الوزير إن الخطة جاهزة."
    assert texts("", body, "named_sources") == ["الوزير"]


def test_the_name_ali_does_not_end_a_name_the_preposition_does():
    assert texts("", "وقال محمد علي إن الأسعار سترتفع.", "named_sources") == ["محمد علي"]
    body = "وقال الوزير على هامش المؤتمر إن الأسعار سترتفع."
    assert texts("", body, "named_sources") == ["الوزير"]


def test_indefinite_office_holders_are_anonymous_definite_ones_named():
    body = "وقال متحدث باسم الجيش إن العملية مستمرة."
    assert texts("", body, "anonymous_sources") == ["متحدث باسم الجيش"]
    body = "وقال المتحدث باسم الجيش إن العملية مستمرة."
    assert texts("", body, "named_sources") == ["المتحدث باسم الجيش"]
    body = "وأوضح عضو في مجلس الشورى أن القرار نهائي."
    assert texts("", body, "anonymous_sources") == ["عضو"]


def test_generic_media_by_nationality_are_anonymous_named_outlets_are_not():
    body = "وذكرت صحيفة أمريكية أن المفاوضات متعثرة."
    assert texts("", body, "anonymous_sources") == ["صحيفة أمريكية"]
    body = "وبحسب الإعلام العراقي فإن القوات دخلت المدينة."
    assert texts("", body, "anonymous_sources") == ["الإعلام العراقي"]
    body = "وذكرت قناة أبوظبي أن المفاوضات متعثرة."
    assert texts("", body, "named_sources") == ["قناة أبوظبي"]
    body = "ونقلت صحف غربية عن دبلوماسيين أن المفاوضات متعثرة."
    assert texts("", body, "anonymous_sources") == ["صحف غربية", "دبلوماسيين"]


def test_a_noun_with_the_pronoun_ha_is_an_object_a_noun_in_taa_marbuta_a_source():
    assert texts("", "وأكد دعمه الكامل للقرار الذي اتخذته الحكومة.", "named_sources") == []
    assert texts("", "وأعلن رفضه القاطع للاتفاق.", "named_sources") == []
    body = "وقالت هيئة الإذاعة إن البث انتهى."
    assert texts("", body, "named_sources") == ["هيئة الإذاعة"]
    assert texts("", "وقال عبدالله إن البث انتهى.", "named_sources") == ["عبدالله"]
