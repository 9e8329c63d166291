import regex
from helpers import joined, value
from hypothesis import given, settings

from scorer import analyze
from scorer.article import Article
from scorer.signals.text_stats import _DATE, _date_windows, sentence_count


def test_counts_words_sentences_numbers_and_dates():
    body = "وصل الوفد في ١٢ نوفمبر ٢٠٢٢. وضم 15 عضوا!\nواستمر اللقاء ساعتين"
    signals = analyze("عنوان قصير", body).signals
    assert signals["word_count"] == 11
    assert signals["sentence_count"] == 3
    assert signals["number_mentions"] == 3
    assert signals["date_mentions"] == 1


def test_ratios():
    signals = analyze("", "قال مصدر مطلع إن القرار ربما يتأخر. وأكد الوزير أن الخطة جاهزة.").signals
    assert signals["anonymous_share"] == 0.5
    assert signals["hedges_per_1000_words"] == 1000 / signals["word_count"]


def test_furniture_is_not_counted():
    assert value("", "نص الخبر.\nاترك تعليق\nكلمات كثيرة جدا هنا", "word_count") == 2


@settings(max_examples=400, deadline=None)
@given(
    joined(
        [
            "12 ",
            "5",
            "2015",
            " 1436",
            " ",
            "\n \n",
            "مايو",
            "بمايو",
            "ذو القعدة",
            "/",
            "-",
            "في",
        ],
        max_size=20,
    )
)
def test_dates_searched_near_digits_are_the_dates_of_the_whole_text(body):
    field = Article("", body).body
    near_digits = [
        m.span() for s, e in _date_windows(field) for m in _DATE.finditer(field.text, s, e)
    ]
    assert near_digits == [m.span() for m in _DATE.finditer(field.text)]


@settings(max_examples=300, deadline=None)
@given(
    joined(["قال", "x", "2", ".", "!", "\n", "…", " ", "، ", "3.5", "😀", "𝐀", "²"], max_size=20)
)
def test_sentences_are_the_pieces_with_a_letter(body):
    # BMP texts look for a letter on re, others on regex: both count as regex's \p{L} does.
    article = Article("", body)
    pieces = regex.split(r"[.!?\n…]", article.body.text)
    expected = sum(1 for piece in pieces if regex.search(r"\p{L}", piece))
    assert sentence_count(article).value == expected
