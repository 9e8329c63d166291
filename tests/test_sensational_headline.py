from helpers import texts, value

EXAMPLE_TITLE = "بالتزامن مع المفاوضات السرية!… قرار روسي مُحتمل سيقلب الملف السوري رأساً على عقب"


def test_definition_example_scores_four():
    assert texts(EXAMPLE_TITLE, "", "sensational_headline") == ["السرية", "!", "…", "رأساً على عقب"]


def test_punctuation_counts_once_each_and_two_dots_are_a_separator():
    assert value("ماذا يحدث؟؟ !! ...", "", "sensational_headline") == 3
    assert value("بالفيديو.. كلمة الحق", "", "sensational_headline") == 2


def test_body_is_not_counted():
    assert value("اختتام الدورة", "فضيحة كبرى! عاجل", "sensational_headline") == 0


def test_teaser_words():
    assert value("شاهد: تعرف على السر الخطير وراء الانسحاب", "", "sensational_headline") == 4
