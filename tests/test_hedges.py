from helpers import texts, value


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
