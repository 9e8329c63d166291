"""The text branch at scoring time: the trained text models' numbers, applied with numpy only.

Training fits scikit-learn's vectorisers and classifiers (``scorer.features.TextScore``);
``TextLogits.from_fitted`` copies out what scoring needs (vocabularies, IDF weights,
naive-Bayes ratios, coefficients). ``TextLogits.transform`` then gives the same three logits,
to the last bit, without importing scikit-learn or SciPy: the same n-grams
(``CountVectorizer``'s word and ``char_wb`` analysers), the same float32 TF-IDF with its L2
norm, the same sums in the same order and precision as SciPy's sparse product. A test compares it
with the fitted pipeline.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import regex

from scorer.furniture import furniture_ranges
from scorer.lexicon import pattern
from scorer.normalize import fold

TEXT_FEATURES = ("text_tfidf", "text_nb_word", "text_nb_char")

# The text branch reads the title and the head of the body (character n-grams of very long
# bodies cost more than they tell), with what names the publisher taken out, so that it learns
# wording rather than who published: page furniture, the byline or dateline line at the top and
# a credit line at the bottom, agency names; digits are folded to "0" (dates, house numbering).
TEXT_MAX_CHARS = 3000
CREDIT_LINE_MAX_WORDS = 6
_WORD = regex.compile(r"\w+")
_DIGITS = regex.compile(r"\d+")
_SENTENCE_MARK = regex.compile(r"[.!?:]\s*$")

# scikit-learn's own patterns (``re``, as it compiles them): the default word token and the
# white-space runs that ``char_wb`` folds to one space.
_SKLEARN_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SKLEARN_WHITE_SPACES = re.compile(r"\s\s+")
_WORD_CACHE_LIMIT = 1 << 16


def _is_credit_line(line: str) -> bool:
    """A short line without sentence punctuation: a byline, a dateline or a credit."""
    words = len(_WORD.findall(line))
    return 0 < words <= CREDIT_LINE_MAX_WORDS and not _SENTENCE_MARK.search(line)


def joined_text(title: str, body: str) -> str:
    """The text branch's input: title and head of the body in the matching form, without
    what identifies the publisher, at most TEXT_MAX_CHARS characters."""
    head, folded_title = fold(body[:TEXT_MAX_CHARS]), fold(title)
    pieces, done = [], 0
    for start, end in furniture_ranges(head, folded_title):
        pieces.append(head[done:start])
        done = end
    pieces.append(head[done:])
    lines = [line for line in "".join(pieces).split("\n") if line.strip()]
    if lines and _is_credit_line(lines[0]):
        lines = lines[1:]
    if len(lines) > 1 and _is_credit_line(lines[-1]):
        lines = lines[:-1]
    text = pattern("agencies").sub(" ", "\n".join([folded_title, *lines]))
    return _DIGITS.sub("0", text)[:TEXT_MAX_CHARS]


@dataclass
class NgramCounter:
    """A fitted ``CountVectorizer`` (``fold`` as its preprocessor): its analyser, word n-grams
    or ``char_wb`` character n-grams, and its vocabulary. ``counts`` gives one text's counts
    as sorted vocabulary indices and float32 values, as ``transform`` does. The n-grams of each
    word are kept (a bounded cache; words repeat), so a text costs a look-up a word."""

    analyzer: Literal["word", "char_wb"]
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    _known: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_fitted(cls, vectorizer: Any) -> NgramCounter:
        return cls(vectorizer.analyzer, tuple(vectorizer.ngram_range), vectorizer.vocabulary_)

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_known": {}}  # the cache is rebuilt, not stored

    def _word_grams(self, tokens: list[str]) -> list[int]:
        """The vocabulary indices of the word n-grams of ``tokens`` (``_word_ngrams``)."""
        low, high = self.ngram_range
        grams = (
            " ".join(tokens[i : i + n])
            for n in range(low, high + 1)
            for i in range(len(tokens) - n + 1)
        )
        return [self.vocabulary[gram] for gram in grams if gram in self.vocabulary]

    def _char_grams(self, word: str) -> tuple[int, ...]:
        """The vocabulary indices of the character n-grams of one word padded with spaces: every
        window of each length up to the padded word's own (``_char_wb_ngrams``)."""
        known = self._known.get(word)
        if known is None:
            padded = f" {word} "
            low, high = self.ngram_range
            grams = (
                padded[start : start + n]
                for n in range(low, min(high, len(padded)) + 1)
                for start in range(len(padded) - n + 1)
            )
            known = tuple(self.vocabulary[g] for g in grams if g in self.vocabulary)
            if len(self._known) >= _WORD_CACHE_LIMIT:
                self._known.clear()
            self._known[word] = known
        return known

    def counts(self, folded: str) -> tuple[np.ndarray, np.ndarray]:
        """(sorted vocabulary indices, float32 counts) of the n-grams of ``folded``, a text
        already through ``fold`` (the vectoriser's preprocessor)."""
        if self.analyzer == "word":
            found: list[int] = self._word_grams(_SKLEARN_TOKEN.findall(folded))
        else:
            found = []
            for word in _SKLEARN_WHITE_SPACES.sub(" ", folded).split():
                found.extend(self._char_grams(word))
        counted = Counter(found)
        indices = np.fromiter(sorted(counted), dtype=np.int64, count=len(counted))
        values = np.fromiter((counted[i] for i in indices.tolist()), np.float32, len(counted))
        return indices, values


def _l2_normalised_tfidf(counts: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """Sublinear TF times IDF, L2-normalised, as ``TfidfTransformer`` and ``normalize``
    compute it: in the counts' dtype, the squares summed in float64 in order."""
    data = counts.copy()
    np.log(data, data)
    data += 1.0
    data *= idf
    total = float(np.cumsum((data * data).astype(np.float64))[-1]) if data.size else 0.0
    if total == 0.0:
        return data
    return (data.astype(np.float64) / math.sqrt(total)).astype(data.dtype)


@dataclass(frozen=True)
class LinearModel:
    """One text classifier: its coefficients over its input's columns and its intercept."""

    coef: np.ndarray
    intercept: np.generic

    @classmethod
    def from_fitted(cls, classifier: Any) -> LinearModel:
        return cls(np.array(classifier.coef_[0]), classifier.intercept_[0])

    def logit(self, columns: np.ndarray, values: np.ndarray) -> float:
        """``values . coef[columns] + intercept``, added in order in the arrays' dtype, as
        SciPy's sparse product does."""
        products = values * self.coef[columns]
        total = np.cumsum(products)[-1] if products.size else products.dtype.type(0)
        return float(total + self.intercept)


@dataclass(frozen=True)
class TextLogits:
    """The text branch's three logits (``TEXT_FEATURES``) from a fitted ``TextScore``."""

    words: NgramCounter
    chars: NgramCounter
    word_idf: np.ndarray
    char_idf: np.ndarray
    tfidf: LinearModel  # over the character columns, then the word columns
    nb_word_ratio: np.ndarray
    nb_word: LinearModel
    nb_char_ratio: np.ndarray
    nb_char: LinearModel

    @classmethod
    def from_fitted(cls, text_score: Any) -> TextLogits:
        tfidf, nb_word, nb_char = text_score.models_
        return cls(
            NgramCounter.from_fitted(text_score.word_counts_),
            NgramCounter.from_fitted(text_score.char_counts_),
            np.array(text_score.word_tfidf_.idf_),
            np.array(text_score.char_tfidf_.idf_),
            LinearModel.from_fitted(tfidf.named_steps["classifier"]),
            np.array(nb_word.named_steps["weights"].ratio_),
            LinearModel.from_fitted(nb_word.named_steps["classifier"]),
            np.array(nb_char.named_steps["weights"].ratio_),
            LinearModel.from_fitted(nb_char.named_steps["classifier"]),
        )

    def logits(self, text: str) -> tuple[float, float, float]:
        """The three logits of one text already joined by ``joined_text``."""
        folded = fold(text)  # once for both vectorisers
        word_columns, word_counts = self.words.counts(folded)
        char_columns, char_counts = self.chars.counts(folded)
        tfidf = np.concatenate(
            [
                _l2_normalised_tfidf(char_counts, self.char_idf[char_columns]),
                _l2_normalised_tfidf(word_counts, self.word_idf[word_columns]),
            ]
        )
        columns = np.concatenate([char_columns, word_columns + len(self.char_idf)])
        return (
            self.tfidf.logit(columns, tfidf),
            self.nb_word.logit(word_columns, self.nb_word_ratio[word_columns]),
            self.nb_char.logit(char_columns, self.nb_char_ratio[char_columns]),
        )

    def transform(self, texts: list[str]) -> np.ndarray:
        """The logits of many texts, one row each (``TextScore.logits``)."""
        return np.asarray([self.logits(text) for text in texts], dtype=float).reshape(-1, 3)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(TEXT_FEATURES, dtype=object)
