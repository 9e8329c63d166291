from helpers import texts, value


def test_split_words_and_punctuation_inside_a_word():
    body = "قد تستغله “داع ش” وتضغط على ”ق سد” وكذلك الاعتـ.ـراف بالإدارة."
    assert texts("", body, "obfuscated_terms") == ["داع ش", "ق سد", "الاعتـ.ـراف"]


def test_restored_words_match_the_lexicons():
    assert value("", "هاجم تنظيم د.ا.ع.ش القرية", "obfuscated_terms") == 1


def test_decorative_tatweel_and_plain_words_do_not_count():
    assert value("", "نائـب الرئاسة والإدارة الــذاتية وقسد وداعش", "obfuscated_terms") == 0


def test_spelled_out_letters():
    assert value("", "قالوا إن ا ل ج ي ش انسحب", "obfuscated_terms") == 1


def test_abbreviations_are_not_obfuscation():
    assert value("", "القاهرة - أ ش أ\nقال د.محمد إن", "obfuscated_terms") == 0
