from itertools import islice

from helpers import joined
from hypothesis import example, given, settings

from scorer import analyze
from scorer.charclasses import is_bmp
from scorer.furniture import _WORD, _WORDS_LOOKED_AT, _bmp_word, _first_words, furniture_ranges
from scorer.normalize import fold


def blanked(body: str, title: str = "عنوان الخبر") -> list[str]:
    text = fold(body)
    return [text[a:b] for a, b in furniture_ranges(text, fold(title))]


def test_comment_form_and_everything_after_it():
    body = "قال الوزير إن الخطة جاهزة.\nاترك تعليق\nلن يتم نشر عنوان بريدك الإلكتروني.\nقال مصدر"
    ranges = blanked(body)
    assert len(ranges) == 1 and ranges[0].startswith("اترك") and ranges[0].endswith("قال مصدر")


def test_read_also_heading_and_its_list():
    body = "نص الخبر هنا.\nاقرأ أيضا\nمصادر: انسحاب وشيك\nعاجل خبر آخر\n\nقال الوزير إن"
    found = blanked(body)
    assert any("مصادر" in r for r in found)
    assert not any("الوزير" in r for r in found)


def test_title_copy_and_date_line():
    title = "قرار روسي محتمل"
    body = "12 نوفمبر 2022آخر تحديث :\nقرار روسي مُحتمل\nقال مصدر مطلع إن القرار نهائي."
    found = blanked(body, title)
    assert len(found) == 2
    assert analyze(title, body).signals["hedges"] == 1  # the title only, not its copy


def test_a_long_title_copied_with_other_punctuation_is_furniture_and_a_near_copy_is_not():
    # Past the words looked at, the whole line is compared with the title, letters and digits only.
    title = " ".join(f"كلمة{n}" for n in range(20)) + " نهاية"
    copy = "، ".join(f"كلمة{n}" for n in range(20)) + " - نهاية"
    assert blanked(f"{copy}\nقال الوزير إن الخطة جاهزة.", title) == [fold(copy)]
    assert blanked(f"{copy} أخرى\nقال الوزير.", title) == []
    assert blanked(f"تمهيد {copy}\nقال الوزير.", title) == []


def test_dateline_with_agency_credit_is_kept():
    assert blanked("بيشة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nانطلق المهرجان.") == []


@settings(max_examples=300, deadline=None)
@given(
    joined(["قال", "الوزير", "2015", " ", "، ", "x" * 40, "ب" * 70, "😀", "\u2003"], max_size=60)
)
@example(" ".join(["قال"] * 15 + ["ب" * 200]))  # the last word looked at runs past the first search
def test_the_first_words_of_a_line_are_its_first_word_matches(line):
    expected = [m.group() for m in islice(_WORD.finditer(line), _WORDS_LOOKED_AT)]
    for word in (_bmp_word(), _WORD):
        if word is _WORD or is_bmp(line):
            assert _first_words(word, line) == expected
