from helpers import value

from scorer import analyze


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
