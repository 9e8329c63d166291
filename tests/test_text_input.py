"""The text branch's input: wording without what names the publisher (issue 10)."""

from scorer.text_branch import TEXT_MAX_CHARS, joined_text

STORY = "قال الوزير إن الحكومة ستخفض أسعار الوقود الأسبوع المقبل بعد مراجعة شاملة للموازنة."


def test_byline_and_dateline_lines_are_dropped():
    assert "خليفه" not in joined_text("عنوان", f"إنجي خليفة\n{STORY}")
    text = joined_text("عنوان", f"القاهرة - أ ش أ\n{STORY}")
    assert "القاهره" not in text and "ا ش ا" not in text
    assert "الوزير" in text


def test_closing_credit_line_and_agency_names_are_dropped():
    text = joined_text("عنوان", f"{STORY} (رويترز)\n{STORY}\nبوابة الأهرام")
    assert "رويترز" not in text and "الاهرام" not in text
    assert text.count("الوزير") == 2


def test_house_style_is_folded():
    guillemets = joined_text("عنوان", "وقال «الحكومة ستخفض الأسعار» فى 12 مايو 2013.")
    straight = joined_text("عنوان", 'وقال "الحكومه ستخفض الاسعار" في ١٢ مايو ٢٠١٣.')
    assert guillemets == straight
    assert "0 مايو 0" in straight


def test_furniture_is_dropped():
    body = f"{STORY}\nاقرأ أيضا\nعنوان خبر آخر\n{STORY}\nاترك تعليقا\nالاسم\nالبريد"
    text = joined_text("عنوان", body)
    assert "اقرا" not in text and "البريد" not in text


def test_a_one_line_article_keeps_its_line():
    assert "الوزير" in joined_text("", STORY)
    assert joined_text("عنوان قصير", "") == "عنوان قصير"


def test_only_the_head_of_a_long_body_is_read():
    assert len(joined_text("عنوان", STORY * 100_000)) <= TEXT_MAX_CHARS
