from helpers import texts, value


def test_title_and_name_after_a_reporting_verb():
    body = "وصرح السفير عفيفى عبد الوهاب بأن اللقاء تناول العلاقات الثنائية."
    assert texts("", body, "named_sources") == ["السفير عفيفى عبد الوهاب"]


def test_two_people_in_one_attribution_count_twice():
    body = "وأكد السفير عفيفى والقنصل حسام عيسى خلال اللقاء على ضرورة العفو."
    assert texts("", body, "named_sources") == ["السفير عفيفى", "القنصل حسام عيسى"]


def test_agency_credit_line():
    body = "القاهرة - أ ش أ\nقال المستشار عبدالسلام محمود إن الهيئة لم تتسلم الحكم."
    assert texts("", body, "named_sources") == ["أ ش أ", "المستشار عبدالسلام محمود"]


def test_outlet_a_source_spoke_to():
    body = 'وأعرب "خالد على" خلال مداخلة تليفونية عبر فضائية "النهار"، عن استيائه من القرار.'
    assert texts("", body, "named_sources") == ['"خالد على"', 'فضائية "النهار"']


def test_descriptive_back_reference_counts_pronoun_does_not():
    body = "وأعلنت الوزارة في بيان أن الخطة جاهزة. وأوضح البيان أن التنفيذ يبدأ غدا. وأضاف أن"
    assert value("", body, "named_sources") == 2


def test_subject_governing_an_implicit_verb():
    body = "تقدم الدكتور أحمد عبد الرحمن بطلب إحاطة، ذكر فيه أن الفيوم تشهد انفلاتا أمنيا."
    assert value("", body, "named_sources") == 1


def test_action_verbs_and_verbal_nouns_are_not_attributions():
    body = "بحث الوزير مع نظيره الملف. وذلك بعد وصف المتظاهرين بالبلطجية. وافق المجلس على القرار."
    assert value("", body, "named_sources") == 0


def test_followups_and_wires_bylines_are_neither():
    assert value("", "متابعات\nانطلق المهرجان أمس بمشاركة واسعة.", "named_sources") == 0
