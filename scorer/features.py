"""scikit-learn transformers that turn articles into model features.

Articles are a ``pandas.DataFrame`` with ``title`` and ``body`` columns. Both transformers are
plain estimators: ``__init__`` stores parameters only, learned attributes end in ``_``, and
everything pickles (no lambdas or closures).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import normalize
from sklearn.utils.extmath import safe_sparse_dot
from sklearn.utils.validation import check_is_fitted

from scorer.analysis import analyze
from scorer.normalize import fold
from scorer.signals import signal_feature_names, signal_matrix
from scorer.text_branch import TEXT_FEATURES, TEXT_MAX_CHARS, joined_text


def _pairs(articles: pd.DataFrame) -> zip:
    titles = articles["title"].fillna("").astype(str)
    return zip(titles, articles["body"].fillna("").astype(str))


def article_texts(articles: pd.DataFrame) -> list[str]:
    """``joined_text`` of each article of a table."""
    return [joined_text(title, body) for title, body in _pairs(articles)]


def raw_texts(articles: pd.DataFrame) -> list[str]:
    """Title and head of the body as written, what a plain text model reads (the baseline)."""
    return [f"{title}\n{body}"[:TEXT_MAX_CHARS] for title, body in _pairs(articles)]


class SignalFeatures(BaseEstimator, TransformerMixin):
    """Articles -> the signals as model features (see ``Feature.transform``)."""

    def fit(self, articles: pd.DataFrame, y: object = None) -> SignalFeatures:
        self.n_features_in_ = len(signal_feature_names())
        return self

    def transform(self, articles: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "n_features_in_")
        return signal_matrix(
            analyze(title, body) for title, body in zip(articles["title"], articles["body"])
        )

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(signal_feature_names(), dtype=object)


# The n-grams every text model reads (the baseline and the text branch alike): character 2- to
# 5-grams within words, and word uni- and bigrams.
CHAR_NGRAMS = {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 3}
WORD_NGRAMS = {"ngram_range": (1, 2), "min_df": 2}


def tfidf_union(max_char_features: int = 60000, max_word_features: int = 30000) -> FeatureUnion:
    options = {"preprocessor": fold, "sublinear_tf": True, "dtype": np.float32}
    return FeatureUnion(
        [
            ("char", TfidfVectorizer(**CHAR_NGRAMS, max_features=max_char_features, **options)),
            ("word", TfidfVectorizer(**WORD_NGRAMS, max_features=max_word_features, **options)),
        ]
    )


def ngram_counts(**options: object) -> CountVectorizer:
    """Counts of n-grams in the folded text; the text branch's TF-IDF and NB-SVM models share
    them, so each text is split into n-grams once."""
    return CountVectorizer(preprocessor=fold, dtype=np.float32, **options)


def _tfidf(transformer: TfidfTransformer, counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """``transformer.transform(counts)`` (sublinear TF, IDF, L2 norm) without its validation."""
    matrix = counts.copy()
    if transformer.sublinear_tf:
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
    if transformer.use_idf:
        matrix.data *= transformer.idf_[matrix.indices]
    return normalize(matrix, norm=transformer.norm, copy=False) if transformer.norm else matrix


def presence(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """0/1 presence of each n-gram, the input of the NB-SVM models."""
    binary = counts.copy()
    binary.data[:] = 1.0
    return binary


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
    """Articles -> three columns: the logits of three text classifiers.

    All three read the same n-grams of the title and the head of the body: word uni- and bigrams
    and character 2- to 5-grams within words (which also catch spelling and morphology that word
    n-grams split apart).

    ``text_tfidf``: their TF-IDF weights with a logistic regression;
    ``text_nb_word``: presence of the word n-grams weighted by naive-Bayes ratios (NB-SVM);
    ``text_nb_char``: the same over the character n-grams.
    The NB-SVM models are strongly regularised (small ``C``): in 5-fold CV on MCE the word model's
    ROC-AUC rose from 0.782 at C = 1 to 0.807 at 0.03 (no better at 0.01), the character model's
    from 0.784 at C = 0.1 to 0.814 at 0.003 (0.810 at 0.001).
    The text branch is kept apart from the signals so its contribution to the final score can
    be shown beside theirs. ``fit_transform`` returns out-of-fold logits (stacking), so the final
    classifier never learns from logits the text models saw the labels of.
    """

    def __init__(
        self,
        C: float = 1.0,
        nb_word_C: float = 0.03,
        nb_char_C: float = 0.003,
        cv: int = 5,
        max_char_features: int = 150000,
        max_word_features: int = 100000,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.nb_word_C = nb_word_C
        self.nb_char_C = nb_char_C
        self.cv = cv
        self.max_char_features = max_char_features
        self.max_word_features = max_word_features
        self.random_state = random_state

    def _models(self) -> list[Pipeline]:
        return [
            Pipeline([("classifier", LogisticRegression(C=self.C, max_iter=2000))]),
            *(
                Pipeline(
                    [
                        ("weights", NaiveBayesWeights()),
                        ("classifier", LogisticRegression(C=C, max_iter=2000)),
                    ]
                )
                for C in (self.nb_word_C, self.nb_char_C)
            ),
        ]

    def _from_counts(
        self, words: sparse.csr_matrix, chars: sparse.csr_matrix
    ) -> list[sparse.csr_matrix]:
        """The three models' inputs: TF-IDF of both n-gram kinds, presence of each."""
        tfidf = sparse.hstack(
            [_tfidf(self.char_tfidf_, chars), _tfidf(self.word_tfidf_, words)], format="csr"
        )
        return [tfidf, presence(words), presence(chars)]

    def _fit_matrices(self, articles: pd.DataFrame, y: np.ndarray) -> list[sparse.csr_matrix]:
        """Fit the vocabularies, TF-IDF weights and models; return the training inputs."""
        texts = article_texts(articles)
        self.word_counts_ = ngram_counts(**WORD_NGRAMS, max_features=self.max_word_features)
        self.char_counts_ = ngram_counts(**CHAR_NGRAMS, max_features=self.max_char_features)
        words = self.word_counts_.fit_transform(texts)
        chars = self.char_counts_.fit_transform(texts)
        self.word_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(words)
        self.char_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(chars)
        matrices = self._from_counts(words, chars)
        self.models_ = [
            model.fit(matrix, y) for model, matrix in zip(self._models(), matrices, strict=True)
        ]
        self.n_features_in_ = 1
        return matrices

    def fit(self, articles: pd.DataFrame, y: np.ndarray) -> TextScore:
        self._fit_matrices(articles, y)
        return self

    def fit_transform(
        self, articles: pd.DataFrame, y: np.ndarray = None, **_: object
    ) -> np.ndarray:
        if y is None:
            raise ValueError("TextScore needs labels to fit")
        matrices = self._fit_matrices(articles, y)
        folds = StratifiedKFold(self.cv, shuffle=True, random_state=self.random_state)
        columns = [
            cross_val_predict(model, matrix, y, cv=folds, method="decision_function")
            for model, matrix in zip(self._models(), matrices, strict=True)
        ]
        return np.column_stack(columns).astype(float)

    def transform(self, articles: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "models_")
        return self.logits(article_texts(articles))

    def logits(self, texts: list[str]) -> np.ndarray:
        """The three logits of texts already joined by ``joined_text``.

        The fitted parts' own operations in their order (so the numbers of their
        ``transform``/``decision_function`` to the last bit), without scikit-learn's input
        validation on each of its seven calls: a third of the time of scoring one article.
        """
        words = self.word_counts_.transform(texts)
        chars = self.char_counts_.transform(texts)
        columns = []
        for model, matrix in zip(self.models_, self._from_counts(words, chars), strict=True):
            if "weights" in model.named_steps:
                matrix = sparse.csr_matrix(matrix.multiply(model.named_steps["weights"].ratio_))
            classifier = model.named_steps["classifier"]
            scores = safe_sparse_dot(matrix, classifier.coef_.T, dense_output=True)
            columns.append((scores + classifier.intercept_).reshape(-1))
        return np.column_stack(columns).astype(float)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(TEXT_FEATURES, dtype=object)
