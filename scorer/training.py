"""Train a credibility model from labelled articles and measure it honestly.

Steps: read the table, drop rows without text, deduplicate (title + body, whitespace folded),
drop duplicates whose labels disagree, then cross-validate with folds grouped by title (reposts
under one headline stay in one fold). Reported figures are out-of-fold only: the text branch
alone, the signals alone, and both. Label bands are chosen on the out-of-fold scores; the final
model is fitted on every row.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from scorer import __version__
from scorer.artifacts import sha256_file
from scorer.errors import InputError
from scorer.features import SignalFeatures, TextScore, article_texts, tfidf_union
from scorer.model import CredibilityModel, build_pipeline, prior_free_score
from scorer.signals import SIGNAL_NAMES
from scorer.tabular import read_table

logger = logging.getLogger(__name__)

# Each outer band must be right this often on out-of-fold data (classes weighted equally). At 0.75
# the default model's two bands met and left no "uncertain" articles; 0.80 leaves about a fifth.
BAND_PRECISION = 0.80
KNOWN_LIMITS = (
    "Trained on Egyptian news of 2013 (MCE Watch), mostly political: what it learns about "
    "wording and outlets is specific to that country and year. The signals (sourcing, hedging, "
    "title cues) transfer better than the text branch. Labels are one monitoring service's "
    "judgement of each article, not fact checks of its claims."
)


@dataclass(frozen=True)
class LabelledData:
    """Articles (``title``, ``body``), binary labels (1 = credible) and CV groups."""

    articles: pd.DataFrame
    labels: np.ndarray
    groups: np.ndarray
    grouping: str
    rows_read: int
    rows_dropped_empty: int
    duplicates_dropped: int
    conflicting_dropped: int


def _fold_space(text: pd.Series) -> pd.Series:
    return text.fillna("").astype(str).str.split().str.join(" ")


def dedupe_key(titles: pd.Series, bodies: pd.Series) -> pd.Series:
    """The identity of an article for deduplication: title and body, whitespace folded."""
    return _fold_space(titles) + "\n" + _fold_space(bodies)


def keep_unique(key: pd.Series, labels: pd.Series) -> tuple[pd.Series, int, int]:
    """Mask of rows to keep (first of each key; keys with disagreeing labels dropped),
    with the counts of duplicate rows and of conflicting keys dropped."""
    conflicting = labels.groupby(key).transform("nunique") > 1
    first = ~key.duplicated()
    keep = first & ~conflicting
    duplicates = int((~first & ~conflicting).sum())
    return keep, duplicates, int(key[conflicting].nunique())


def prepare_labelled(
    frame: pd.DataFrame,
    label_col: str,
    positive: str,
    title_col: str = "title",
    body_col: str = "body",
    group_col: str | None = None,
) -> LabelledData:
    """Clean, deduplicate and group a labelled table for training or evaluation.

    Cross-validation folds keep each group together: articles with one title (reposts), or,
    with ``group_col``, articles with one value of that column (a source, an outlet), so that
    cross-validation measures how the model does on sources it never saw.
    """
    for column in (label_col, body_col, *([group_col] if group_col else [])):
        if column not in frame.columns:
            raise InputError(
                f"no column {column!r} (columns: {', '.join(map(str, frame.columns))})"
            )
    titles = frame[title_col] if title_col in frame.columns else pd.Series([""] * len(frame))
    data = pd.DataFrame(
        {
            "title": titles.fillna("").astype(str).values,
            "body": frame[body_col].fillna("").astype(str).values,
            "label": (frame[label_col].astype(str) == str(positive)).astype(int).values,
            "group": frame[group_col].fillna("").astype(str).values if group_col else "",
        }
    )
    rows_read = len(data)
    data = data[data["body"].str.strip().astype(bool)]
    rows_dropped_empty = rows_read - len(data)
    key = dedupe_key(data["title"], data["body"])
    keep, duplicates_dropped, conflicting_dropped = keep_unique(key, data["label"])
    data, key = data[keep].reset_index(drop=True), key[keep].reset_index(drop=True)
    if data["label"].nunique() < 2:
        raise InputError(f"labels need both classes; is {positive!r} the positive label?")
    if group_col:
        groups = pd.factorize(data["group"])[0]
        grouping = f"by {group_col} (each value's articles stay in one fold)"
    else:
        groups = pd.factorize(_fold_space(data["title"]).where(lambda t: t != "", key))[0]
        grouping = "by title (reposts stay in one fold)"
    return LabelledData(
        data[["title", "body"]],
        data["label"].to_numpy(),
        np.asarray(groups),
        grouping,
        rows_read,
        rows_dropped_empty,
        duplicates_dropped,
        conflicting_dropped,
    )


def choose_bands(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Score bands (low, high), as wide as the promise allows: below ``low`` at least
    BAND_PRECISION of articles are not credible, from ``high`` up at least BAND_PRECISION are
    credible. Classes are weighted equally, as the score itself assumes equal priors."""
    weights = np.where(labels == 1, 0.5 / max(labels.sum(), 1), 0.5 / max((1 - labels).sum(), 1))

    def share(mask: np.ndarray, truth: int) -> float:
        total = weights[mask].sum()
        return float(weights[mask & (labels == truth)].sum() / total) if total else 0.0

    candidates = np.arange(5.0, 95.5, 0.5)
    low = next(
        (float(t) for t in candidates[::-1] if (scores < t).sum() >= 10
         and share(scores < t, 0) >= BAND_PRECISION),
        5.0,
    )  # fmt: skip
    high = next(
        (float(t) for t in candidates if (scores >= t).sum() >= 10
         and share(scores >= t, 1) >= BAND_PRECISION),
        95.0,
    )  # fmt: skip
    if high <= low:
        middle = (high + low) / 2
        low, high = middle, middle + 0.5
    return low, high


def signals_only_pipeline() -> Pipeline:
    """Baseline: the signals alone feeding a logistic regression."""
    return Pipeline(
        [
            ("signals", SignalFeatures()),
            ("scale", StandardScaler()),
            ("classifier", LogisticRegression(max_iter=2000)),
        ]
    )


def tfidf_baseline_pipeline() -> Pipeline:
    """Baseline: TF-IDF (char + word n-grams) and a logistic regression, nothing else. C = 1
    was the best of 0.3, 1, 10 and 30 in 5-fold CV on MCE (ROC-AUC 0.770, 0.786, 0.781, 0.778)."""
    return Pipeline(
        [
            ("text", FunctionTransformer(article_texts)),
            ("tfidf", tfidf_union()),
            ("classifier", LogisticRegression(C=1.0, max_iter=2000)),
        ]
    )


def text_branch_pipeline() -> Pipeline:
    """The model's text branch alone (TF-IDF and NB-SVM logits, stacked)."""
    return Pipeline([("text", TextScore()), ("classifier", LogisticRegression(max_iter=2000))])


def cross_validated(
    data: LabelledData,
    folds: int = 5,
    seed: int = 0,
    n_jobs: int | None = None,
    splits: list[tuple[np.ndarray, np.ndarray]] | None = None,
) -> dict[str, dict[str, float] | np.ndarray]:
    """Out-of-fold P(credible) and metrics: the TF-IDF baseline, the text branch alone, the
    signals alone, and the full model. ``splits`` (train, test) replace the default stratified
    folds grouped by ``data.groups``."""
    if splits is None:
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = list(splitter.split(data.articles, data.labels, data.groups))
    results: dict[str, dict[str, float] | np.ndarray] = {}
    for name, pipeline in (
        ("tfidf_baseline", tfidf_baseline_pipeline()),
        ("text_only", text_branch_pipeline()),
        ("signals_only", signals_only_pipeline()),
        ("combined", build_pipeline()),
    ):
        logger.info("cross-validating %s", name)
        probabilities = cross_val_predict(
            pipeline, data.articles, data.labels, cv=splits, method="predict_proba", n_jobs=n_jobs
        )[:, 1]
        results[name] = {
            "roc_auc": round(float(roc_auc_score(data.labels, probabilities)), 4),
            "brier": round(float(brier_score_loss(data.labels, probabilities)), 4),
        }
        results[f"{name}_oof"] = probabilities
    return results


def train(
    path: Path,
    label_col: str,
    positive: str,
    name: str,
    title_col: str = "title",
    body_col: str = "body",
    folds: int = 5,
    n_jobs: int | None = None,
    group_col: str | None = None,
) -> tuple[CredibilityModel, dict]:
    """Cross-validate, choose bands, fit the final model; return it with its card's content.

    ``n_jobs`` folds are fitted in parallel processes (None: one at a time); ``group_col``
    groups the folds by that column (see ``prepare_labelled``).
    """
    data = prepare_labelled(read_table(path), label_col, positive, title_col, body_col, group_col)
    if len(data.labels) < 2 * folds:
        raise InputError(f"too few usable rows ({len(data.labels)}) for {folds}-fold CV")
    if len(np.unique(data.groups)) < folds:
        raise InputError(f"{data.grouping}: fewer groups than the {folds} folds")
    results = cross_validated(data, folds, n_jobs=n_jobs)
    prior = float(data.labels.mean())
    oof_scores = prior_free_score(np.asarray(results["combined_oof"]), prior)
    bands = choose_bands(oof_scores, data.labels)
    pipeline = build_pipeline()
    pipeline.fit(data.articles, data.labels)
    feature_means = pipeline.named_steps["features"].transform(data.articles).mean(axis=0)
    data_sha256 = sha256_file(path)
    version = f"{__version__}+{data_sha256[:8]}"
    model = CredibilityModel(pipeline, name, version, prior, bands, feature_means.tolist())
    card = {
        "training_data": {
            "name": path.name,
            "sha256": data_sha256,
            "rows_read": data.rows_read,
            "rows_without_text": data.rows_dropped_empty,
            "duplicates_dropped": data.duplicates_dropped,
            "conflicting_duplicates_dropped": data.conflicting_dropped,
            "rows_used": len(data.labels),
            "positive_label": positive,
            "positive_share": round(prior, 4),
        },
        "cross_validation": {
            "folds": folds,
            "grouping": data.grouping,
            **{k: v for k, v in results.items() if not k.endswith("_oof")},
        },
        "bands": {
            "not_credible_below": bands[0],
            "credible_from": bands[1],
            "chosen_for_precision": BAND_PRECISION,
        },
        "score": "100 * P(credible) with equal class priors; probability keeps the base rate",
        "features": model.feature_names,
        "coefficients": dict(
            zip(model.feature_names, pipeline.named_steps["classifier"].coef_[0].round(4).tolist())
        ),
        "signals": list(SIGNAL_NAMES),
        "known_limits": KNOWN_LIMITS,
    }
    return model, card
