from helpers import texts, value


def test_quote_of_three_words_or_more_without_marks_in_span():
    body = 'وقال: "لن نتراجع عن القرار أبدا".'
    assert texts("", body, "direct_quotes") == ["لن نتراجع عن القرار أبدا"]


def test_guillemets_and_curly_quotes():
    body = "وتابع «الوضع الأمني مستقر تماما». وأضاف “نحن مستعدون لكل الاحتمالات”."
    assert value("", body, "direct_quotes") == 2


def test_names_and_short_labels_are_not_quotes():
    body = 'قوات سوريا الديمقراطية “قسد” ونائب الرئاسة “بدرن جيا كورد” ووصفوه بـ"كذابين ومجرمين"'
    assert value("", body, "direct_quotes") == 0


def test_missing_closing_mark_ends_with_the_line():
    body = "وقال المتحدث: «سنواصل العمل حتى تحقيق الأهداف\nوفي سياق آخر انطلق المهرجان."
    assert texts("", body, "direct_quotes") == ["سنواصل العمل حتى تحقيق الأهداف"]


def test_no_quotes():
    assert value("عنوان", "نص بلا اقتباس.", "direct_quotes") == 0
