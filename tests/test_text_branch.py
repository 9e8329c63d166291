"""The scoring model (numpy only) gives the fitted scikit-learn pipeline's numbers exactly."""

import subprocess
import sys

import numpy as np
import pandas as pd
from conftest import EXAMPLE
from fixtures import labelled_rows
from helpers import joined
from hypothesis import given, settings
from sklearn.feature_extraction.text import CountVectorizer

from scorer import analyze
from scorer.artifacts import load_model, load_pipeline
from scorer.normalize import fold
from scorer.text_branch import NgramCounter, joined_text

ODD_TEXTS = [
    ("", "و"),
    ("عنوان", "  كلمة\t\tأخرى \n\n 2015 ١٢ 😀 a_b ـ"),
    ("قرار مُحتمل!", "قال مصدر مطلع إن القرار صدر."),
]


def _articles(example):
    rows = [(row["title"], row["body"]) for row in labelled_rows()]
    return [*rows, example, *ODD_TEXTS]


def _pipeline_and_scoring(card_path):
    pipeline_model, _ = load_pipeline(card_path)
    scoring_model, _ = load_model(card_path)
    return pipeline_model, scoring_model


def _assert_same_numbers(pipeline_model, scoring_model, articles):
    frame = pd.DataFrame(articles, columns=["title", "body"])
    texts = [joined_text(title, body) for title, body in articles]
    text = dict(pipeline_model.pipeline.named_steps["features"].transformer_list)["text"]
    assert np.array_equal(scoring_model.text.transform(texts), text.logits(texts))
    features = scoring_model.features(texts, [analyze(t, b) for t, b in articles])
    expected = pipeline_model.pipeline.predict_proba(frame)[:, 1]
    assert np.array_equal(scoring_model.probabilities(features), expected)


def test_the_tiny_model_scores_as_its_pipeline(tiny_model, example):
    _, card_path = tiny_model
    _assert_same_numbers(*_pipeline_and_scoring(card_path), _articles(example))


def test_the_default_model_scores_as_its_pipeline(example):
    _assert_same_numbers(*_pipeline_and_scoring(None), _articles(example))


_WORDS = ["قال", "مصدر", "مطلع", "و", "ال", "2015", "a", "😀", "ـ", "ab_c"]
_GAPS = [" ", "  ", "\n", "\t \n", "، ", "-"]


@settings(max_examples=150, deadline=None)
@given(joined(_WORDS, _GAPS, max_size=30))
def test_ngram_counts_are_count_vectorizer_counts(text):
    corpus = [" ".join(_WORDS), "مصدر مطلع قال و ال", "  ".join(reversed(_WORDS))]
    for options in ({"analyzer": "char_wb", "ngram_range": (2, 5)}, {"ngram_range": (1, 2)}):
        fitted = CountVectorizer(preprocessor=fold, dtype=np.float32, **options).fit(corpus)
        expected = fitted.transform([text])
        indices, counts = NgramCounter.from_fitted(fitted).counts(fold(text))
        assert np.array_equal(indices, expected.indices)
        assert np.array_equal(counts, expected.data)


def test_scoring_imports_neither_scikit_learn_nor_scipy_nor_pandas():
    code = (
        "import sys; from scorer.artifacts import load_model; "
        f"load_model()[0].score('', open({str(EXAMPLE)!r}, encoding='utf-8').read()); "
        "print(sorted(m for m in ('sklearn', 'scipy', 'pandas') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"
