"""scikit-learn transformers that turn articles into model features.

Articles are a ``pandas.DataFrame`` with ``title`` and ``body`` columns. Both transformers are
plain estimators: ``__init__`` stores parameters only, learned attributes end in ``_``, and
everything pickles (no lambdas or closures).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils.validation import check_is_fitted

from scorer.analysis import analyze
from scorer.normalize import fold
from scorer.result import Analysis
from scorer.signals import SIGNAL_NAMES

# Counts are log-scaled (a tenth anonymous source matters less than the first); ratios are not.
RATIO_SIGNALS = frozenset({"anonymous_share"})
RATE_SIGNALS = frozenset({"hedges_per_1000_words", "attributions_per_1000_words"})
TEXT_FEATURES = ("text_tfidf", "text_nb")


# The text branch reads the title and the head of the body: the lead, bylines and credits carry
# the outlet's style, and character n-grams of very long bodies cost more than they tell.
TEXT_MAX_CHARS = 3000


def article_texts(articles: pd.DataFrame) -> list[str]:
    """Title and body of each article as one string, cut at TEXT_MAX_CHARS (text branch input)."""
    titles = articles["title"].fillna("").astype(str)
    bodies = articles["body"].fillna("").astype(str)
    return [f"{title}\n{body}"[:TEXT_MAX_CHARS] for title, body in zip(titles, bodies)]


def signal_vector(analysis: Analysis) -> list[float]:
    """The model's signal features of one analysed article, in ``SIGNAL_NAMES`` order."""
    values = []
    for name in SIGNAL_NAMES:
        value = analysis.signals[name]
        if name in RATIO_SIGNALS:
            values.append(value)
        elif name in RATE_SIGNALS:
            values.append(math.log1p(min(value, 1000.0)))
        else:
            values.append(math.log1p(value))
    return values


class SignalFeatures(BaseEstimator, TransformerMixin):
    """Articles -> the sourcing signals (log-scaled counts and ratios), one column each."""

    def fit(self, articles: pd.DataFrame, y: object = None) -> SignalFeatures:
        self.n_features_in_ = len(SIGNAL_NAMES)
        return self

    def transform(self, articles: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "n_features_in_")
        return self.from_analyses(
            analyze(title, body) for title, body in zip(articles["title"], articles["body"])
        )

    @staticmethod
    def from_analyses(analyses: object) -> np.ndarray:
        """The feature matrix of already analysed articles (avoids analysing twice)."""
        rows = [signal_vector(analysis) for analysis in analyses]
        return np.asarray(rows, dtype=float).reshape(-1, len(SIGNAL_NAMES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(SIGNAL_NAMES, dtype=object)


def tfidf_union(max_char_features: int = 60000, max_word_features: int = 30000) -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "char",
                TfidfVectorizer(
                    preprocessor=fold,
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    min_df=3,
                    max_features=max_char_features,
                    sublinear_tf=True,
                    dtype=np.float32,
                ),
            ),
            (
                "word",
                TfidfVectorizer(
                    preprocessor=fold,
                    ngram_range=(1, 2),
                    min_df=2,
                    max_features=max_word_features,
                    sublinear_tf=True,
                    dtype=np.float32,
                ),
            ),
        ]
    )


class NaiveBayesWeights(BaseEstimator, TransformerMixin):
    """Scale binary n-gram features by their naive-Bayes log-count ratio (NB-SVM, Wang & Manning
    2012): a strong, cheap text classifier when followed by a logistic regression."""

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = alpha

    def fit(self, matrix: sparse.spmatrix, y: np.ndarray) -> NaiveBayesWeights:
        y = np.asarray(y)
        positive = self.alpha + np.asarray(matrix[y == 1].sum(axis=0)).ravel()
        negative = self.alpha + np.asarray(matrix[y != 1].sum(axis=0)).ravel()
        self.ratio_ = np.log((positive / positive.sum()) / (negative / negative.sum()))
        return self

    def transform(self, matrix: sparse.spmatrix) -> sparse.spmatrix:
        check_is_fitted(self, "ratio_")
        return sparse.csr_matrix(matrix.multiply(self.ratio_))


class TextScore(BaseEstimator, TransformerMixin):
    """Articles -> two columns: the logits of two text classifiers.

    ``text_tfidf``: TF-IDF character and word n-grams with a logistic regression;
    ``text_nb``: binary word n-grams weighted by naive-Bayes ratios (NB-SVM).
    The text branch is kept apart from the signals so its contribution to the final score can
    be shown beside theirs. ``fit_transform`` returns out-of-fold logits (stacking), so the final
    classifier never learns from logits the text models saw the labels of.
    """

    def __init__(
        self,
        C: float = 10.0,
        nb_C: float = 1.0,
        cv: int = 5,
        max_char_features: int = 60000,
        max_word_features: int = 30000,
        max_nb_features: int = 100000,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.nb_C = nb_C
        self.cv = cv
        self.max_char_features = max_char_features
        self.max_word_features = max_word_features
        self.max_nb_features = max_nb_features
        self.random_state = random_state

    def _models(self) -> list[Pipeline]:
        return [
            Pipeline([("classifier", LogisticRegression(C=self.C, max_iter=2000))]),
            Pipeline(
                [
                    ("weights", NaiveBayesWeights()),
                    ("classifier", LogisticRegression(C=self.nb_C, max_iter=2000)),
                ]
            ),
        ]

    def _matrices(self, articles: pd.DataFrame) -> list[sparse.spmatrix]:
        texts = article_texts(articles)
        # The union's parts directly: FeatureUnion.transform adds a per-call overhead that
        # dominates when the service scores one article at a time.
        parts = [vectorizer.transform(texts) for _, vectorizer in self.tfidf_.transformer_list]
        return [sparse.hstack(parts, format="csr"), self.counts_.transform(texts)]

    def fit(self, articles: pd.DataFrame, y: np.ndarray) -> TextScore:
        texts = article_texts(articles)
        self.tfidf_ = tfidf_union(self.max_char_features, self.max_word_features).fit(texts)
        self.counts_ = CountVectorizer(
            preprocessor=fold,
            ngram_range=(1, 2),
            min_df=2,
            binary=True,
            max_features=self.max_nb_features,
            dtype=np.float32,
        ).fit(texts)
        self.models_ = [
            model.fit(matrix, y)
            for model, matrix in zip(self._models(), self._matrices(articles), strict=True)
        ]
        self.n_features_in_ = 1
        return self

    def fit_transform(
        self, articles: pd.DataFrame, y: np.ndarray = None, **_: object
    ) -> np.ndarray:
        if y is None:
            raise ValueError("TextScore needs labels to fit")
        self.fit(articles, y)
        folds = StratifiedKFold(self.cv, shuffle=True, random_state=self.random_state)
        columns = [
            cross_val_predict(model, matrix, y, cv=folds, method="decision_function")
            for model, matrix in zip(self._models(), self._matrices(articles), strict=True)
        ]
        return np.column_stack(columns).astype(float)

    def transform(self, articles: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "models_")
        columns = [
            model.decision_function(matrix)
            for model, matrix in zip(self.models_, self._matrices(articles), strict=True)
        ]
        return np.column_stack(columns).astype(float)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(TEXT_FEATURES, dtype=object)
