"""Train a credibility model from labelled articles and measure it honestly.

Steps: read the table, drop rows without text, deduplicate (title + body, whitespace folded),
drop duplicates whose labels disagree, then cross-validate with folds grouped by title (reposts
under one headline stay in one fold). Reported figures are out-of-fold only: the TF-IDF
baseline, the text branch alone, the signals alone, and both.

The full model's design is chosen for articles unlike the training set: each candidate cap on
the text branch's weight is scored on held-out groups (topic clusters, or the folds of a group
column), and ``choose_text_cap`` ships the one that leans most on the signals without a worse
worst group than the data can tell apart. Label bands are chosen on the out-of-fold scores of
that candidate, at the training base rate; the final model is fitted on every row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import LeaveOneGroupOut, StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from scorer import __version__
from scorer.artifacts import sha256_file
from scorer.errors import InputError
from scorer.features import SignalFeatures, TextScore, article_texts, raw_texts, tfidf_union
from scorer.model import CredibilityModel, build_pipeline
from scorer.scoring import prior_free_score
from scorer.signals import signal_names
from scorer.tabular import read_table

logger = logging.getLogger(__name__)

# How often each outer band must be right on out-of-fold predictions, at the training data's own
# base rate (what a user of data like it sees). A quarter of MCE is credible: a "credible" right
# 70% of the time is 2.7 times that share; "not_credible" must beat its three quarters clearly.
BAND_PRECISION = {"not_credible": 0.90, "credible": 0.70}
# Candidate caps on the weight of each text logit in the final regression, from none (the text
# branch as strong as the data make it) to a text branch that only nudges the signals; training
# ships the one ``choose_text_cap`` picks.
TEXT_CAPS: tuple[float | None, ...] = (None, 1.0, 0.5, 0.3, 0.2)
IN_DOMAIN_MARGIN = 0.02  # the full model must beat the TF-IDF baseline by this much (pooled)
SHIFT_GROUPS = 6
MIN_GROUP_ARTICLES = 100
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
    """Score bands (low, high), as wide as the promise allows: at the data's own base rate,
    articles below ``low`` are not credible and articles from ``high`` up are credible at least
    as often as BAND_PRECISION says (each band holds at least 10 articles)."""
    candidates = np.arange(5.0, 95.5, 0.5)

    def precise(mask: np.ndarray, truth: int) -> bool:
        target = BAND_PRECISION["credible" if truth else "not_credible"]
        return mask.sum() >= 10 and (labels[mask] == truth).mean() >= target

    low = next((float(t) for t in candidates[::-1] if precise(scores < t, 0)), 5.0)
    high = next((float(t) for t in candidates if precise(scores >= t, 1)), 95.0)
    if high <= low:
        middle = (high + low) / 2
        low, high = middle, middle + 0.5
    return low, high


def band_figures(scores: np.ndarray, labels: np.ndarray, bands: tuple[float, float]) -> dict:
    """Each outer band's share of articles and precision at the data's base rate."""
    figures = {}
    for name, mask, truth in (
        ("not_credible", scores < bands[0], 0),
        ("credible", scores >= bands[1], 1),
    ):
        precision = float((labels[mask] == truth).mean()) if mask.any() else float("nan")
        figures[name] = {"share": round(float(mask.mean()), 4), "precision": round(precision, 4)}
    return figures


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
    """Baseline: TF-IDF (char + word n-grams) of the text as written and a logistic regression,
    nothing else. C = 1 was the best of 0.3, 1, 10 and 30 in 5-fold CV on MCE (ROC-AUC 0.770,
    0.786, 0.781, 0.778)."""
    return Pipeline(
        [
            ("text", FunctionTransformer(raw_texts)),
            ("tfidf", tfidf_union()),
            ("classifier", LogisticRegression(C=1.0, max_iter=2000)),
        ]
    )


@dataclass(frozen=True)
class HeldOut:
    """One cross-validation split with the text branch's logits: out-of-fold (stacked) logits
    of the training part, and the logits of the held-out part from the branch fitted on it."""

    train: np.ndarray
    test: np.ndarray
    text_train: np.ndarray
    text_test: np.ndarray


def _held_out(
    articles: pd.DataFrame, labels: np.ndarray, train: np.ndarray, test: np.ndarray
) -> HeldOut:
    branch = TextScore()
    text_train = branch.fit_transform(articles.iloc[train], labels[train])
    return HeldOut(train, test, text_train, branch.transform(articles.iloc[test]))


def held_out_splits(
    data: LabelledData, splits: list[tuple[np.ndarray, np.ndarray]], n_jobs: int | None = None
) -> list[HeldOut]:
    """The text branch fitted once per split (in ``n_jobs`` processes): the expensive part of
    cross-validation, shared by the text-only model and every candidate of the full model."""
    return Parallel(n_jobs=n_jobs)(
        delayed(_held_out)(data.articles, data.labels, train, test) for train, test in splits
    )


def _out_of_fold(
    labels: np.ndarray, splits: list[HeldOut], fit_predict: Callable[[HeldOut], np.ndarray]
) -> np.ndarray:
    """P(credible) of every held-out article, from the model fitted without its split."""
    probabilities = np.full(len(labels), np.nan)
    for split in splits:
        probabilities[split.test] = fit_predict(split)
    return probabilities


def _full_model(signals: np.ndarray, labels: np.ndarray, text_cap: float | None) -> Callable:
    """The model's final regression on the signals and the stacked text logits."""

    def fit_predict(split: HeldOut) -> np.ndarray:
        classifier = build_pipeline(text_cap=text_cap).named_steps["classifier"]
        classifier.fit(np.hstack([signals[split.train], split.text_train]), labels[split.train])
        return classifier.predict_proba(np.hstack([signals[split.test], split.text_test]))[:, 1]

    return fit_predict


def _signals_model(signals: np.ndarray, labels: np.ndarray) -> Callable:
    """The signals-only baseline's scaling and regression."""

    def fit_predict(split: HeldOut) -> np.ndarray:
        model = Pipeline(signals_only_pipeline().steps[1:])  # on the signals computed once
        model.fit(signals[split.train], labels[split.train])
        return model.predict_proba(signals[split.test])[:, 1]

    return fit_predict


def _text_model(labels: np.ndarray) -> Callable:
    """The text branch alone: a logistic regression on its stacked logits."""

    def fit_predict(split: HeldOut) -> np.ndarray:
        model = LogisticRegression(max_iter=2000).fit(split.text_train, labels[split.train])
        return model.predict_proba(split.text_test)[:, 1]

    return fit_predict


def _metrics(labels: np.ndarray, probabilities: np.ndarray) -> dict[str, float]:
    return {
        "roc_auc": round(float(roc_auc_score(labels, probabilities)), 4),
        "brier": round(float(brier_score_loss(labels, probabilities)), 4),
    }


def grouped_folds(
    data: LabelledData, folds: int = 5, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds that keep each of ``data.groups`` in one fold: (train, test) indices."""
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    return list(splitter.split(data.articles, data.labels, data.groups))


def cross_validated(
    data: LabelledData,
    folds: int = 5,
    seed: int = 0,
    n_jobs: int | None = None,
    splits: list[tuple[np.ndarray, np.ndarray]] | None = None,
    text_caps: tuple[float | None, ...] = (None,),
) -> dict[str, dict[str, float] | np.ndarray]:
    """Out-of-fold P(credible) and metrics: the TF-IDF baseline, the text branch alone, the
    signals alone, and the full model with each cap on the text branch's weights (``combined``
    is the first cap's). ``splits`` (train, test) replace the default stratified folds grouped by
    ``data.groups``. Signals are computed once: they use no labels, so they cannot leak."""
    if splits is None:
        splits = grouped_folds(data, folds, seed)
    logger.info("cross-validating the TF-IDF baseline")
    baseline = cross_val_predict(
        tfidf_baseline_pipeline(),
        data.articles,
        data.labels,
        cv=splits,
        method="predict_proba",
        n_jobs=n_jobs,
    )[:, 1]
    logger.info("cross-validating the text branch")
    held_out = held_out_splits(data, splits, n_jobs)
    signals = SignalFeatures().fit(data.articles).transform(data.articles)
    models = {
        "tfidf_baseline": baseline,
        "text_only": _out_of_fold(data.labels, held_out, _text_model(data.labels)),
        "signals_only": _out_of_fold(data.labels, held_out, _signals_model(signals, data.labels)),
    }
    for cap in text_caps:
        fit_predict = _full_model(signals, data.labels, cap)
        models[f"combined_cap_{cap}"] = _out_of_fold(data.labels, held_out, fit_predict)
    models["combined"] = models[f"combined_cap_{text_caps[0]}"]
    results: dict[str, dict[str, float] | np.ndarray] = {}
    for name, probabilities in models.items():
        results[name] = _metrics(data.labels, probabilities)
        results[f"{name}_oof"] = probabilities
    return results


def topic_groups(articles: pd.DataFrame, count: int = SHIFT_GROUPS, seed: int = 0) -> np.ndarray:
    """Topic clusters of the articles: k-means over TF-IDF word weights of the text branch's
    input. Held out one at a time, each stands in for articles on subjects the model never saw,
    the main difference between a training set of one country and year and another's news."""
    weights = TfidfVectorizer(max_features=20000, min_df=3, sublinear_tf=True).fit_transform(
        article_texts(articles)
    )
    return KMeans(count, random_state=seed, n_init=4).fit_predict(weights)


def auc_standard_error(auc: float, positives: int, negatives: int) -> float:
    """Standard error of a ROC-AUC estimate (Hanley & McNeil 1982)."""
    q1, q2 = auc / (2 - auc), 2 * auc**2 / (1 + auc)
    variance = (
        auc * (1 - auc) + (positives - 1) * (q1 - auc**2) + (negatives - 1) * (q2 - auc**2)
    ) / (positives * negatives)
    return float(np.sqrt(max(variance, 0.0)))


def group_aucs(
    labels: np.ndarray, probabilities: np.ndarray, splits: list[tuple[np.ndarray, np.ndarray]]
) -> list[tuple[float, float]]:
    """ROC-AUC and its standard error in each held-out part that has both classes."""
    aucs = []
    for _, test in splits:
        positives = int(labels[test].sum())
        if 0 < positives < len(test):
            auc = float(roc_auc_score(labels[test], probabilities[test]))
            aucs.append((auc, auc_standard_error(auc, positives, len(test) - positives)))
    return aucs


def choose_text_cap(candidates: list[dict]) -> dict:
    """The candidate to ship: the one that leans most on the signals (smallest cap on the text
    branch) among those whose worst-group ROC-AUC is within one standard error of the best
    worst-group ROC-AUC and whose pooled ROC-AUC, less one standard error, still beats the
    TF-IDF baseline by IN_DOMAIN_MARGIN (the product's promise on data like the training set,
    kept with room for sampling noise). Where the held-out groups cannot tell two candidates
    apart, the signals, which carry over to other sources and countries, get the benefit of the
    doubt; the first candidate (no cap) is the fall-back."""
    best = max(candidates, key=lambda c: c["worst_group_roc_auc"])
    floor = best["worst_group_roc_auc"] - best["worst_group_se"]
    eligible = [
        c for c in candidates
        if c["worst_group_roc_auc"] >= floor and c["beats_baseline"]
    ]  # fmt: skip
    return eligible[-1] if eligible else candidates[0]


def shift_splits(
    data: LabelledData, pooled: list[tuple[np.ndarray, np.ndarray]], by_column: bool
) -> tuple[str, list[tuple[np.ndarray, np.ndarray]]]:
    """Held-out groups for the worst-group figures: with a group column, the pooled folds
    (each a set of groups the model never saw); otherwise each topic cluster in turn."""
    if by_column:
        return f"{data.grouping}, worst fold", pooled
    if len(data.labels) < SHIFT_GROUPS * MIN_GROUP_ARTICLES:
        return "", []
    topics = topic_groups(data.articles)
    return (
        f"each of {SHIFT_GROUPS} topic clusters held out in turn",
        list(LeaveOneGroupOut().split(data.articles, data.labels, topics)),
    )


def _robustness(
    data: LabelledData,
    pooled: dict,
    pooled_splits: list[tuple[np.ndarray, np.ndarray]],
    by_column: bool,
    n_jobs: int | None,
) -> dict:
    """Worst-group figures of every candidate and the chosen cap on the text branch."""
    grouping, splits = shift_splits(data, pooled_splits, by_column)
    if len(splits) < 2:
        return {"grouping": "too few articles for held-out groups", "chosen_text_cap": None}
    shifted = (
        pooled
        if by_column
        else cross_validated(data, n_jobs=n_jobs, splits=splits, text_caps=TEXT_CAPS)
    )
    floor = pooled["tfidf_baseline"]["roc_auc"] + IN_DOMAIN_MARGIN

    def worst(name: str) -> tuple[float, float]:
        return min(group_aucs(data.labels, np.asarray(shifted[f"{name}_oof"]), splits))

    candidates = []
    positives = int(data.labels.sum())
    for cap in TEXT_CAPS:
        auc, se = worst(f"combined_cap_{cap}")
        pooled_auc = pooled[f"combined_cap_{cap}"]["roc_auc"]
        pooled_se = auc_standard_error(pooled_auc, positives, len(data.labels) - positives)
        candidates.append(
            {
                "text_cap": cap,
                "pooled_roc_auc": pooled_auc,
                "worst_group_roc_auc": round(auc, 4),
                "worst_group_se": round(se, 4),
                "beats_baseline": pooled_auc - pooled_se >= floor,
            }
        )
    chosen = choose_text_cap(candidates)
    return {
        "grouping": grouping,
        "groups": len(splits),
        "candidates": candidates,
        "chosen_text_cap": chosen["text_cap"],
        "worst_group_roc_auc": {
            "tfidf_baseline": round(worst("tfidf_baseline")[0], 4),
            "text_only": round(worst("text_only")[0], 4),
            "signals_only": round(worst("signals_only")[0], 4),
            "combined": chosen["worst_group_roc_auc"],
        },
    }


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
    """Cross-validate, choose the text branch's weight cap and the bands, fit the final model;
    return it with its card's content.

    ``n_jobs`` folds are fitted in parallel processes (None: one at a time); ``group_col``
    groups the folds by that column (see ``prepare_labelled``), and its worst fold is the
    worst group; without it the worst group is the worst held-out topic cluster.
    """
    data = prepare_labelled(read_table(path), label_col, positive, title_col, body_col, group_col)
    if len(data.labels) < 2 * folds:
        raise InputError(f"too few usable rows ({len(data.labels)}) for {folds}-fold CV")
    if len(np.unique(data.groups)) < folds:
        raise InputError(f"{data.grouping}: fewer groups than the {folds} folds")
    pooled_splits = grouped_folds(data, folds)
    pooled = cross_validated(data, n_jobs=n_jobs, splits=pooled_splits, text_caps=TEXT_CAPS)
    robustness = _robustness(data, pooled, pooled_splits, group_col is not None, n_jobs)
    cap = robustness["chosen_text_cap"]
    results = {
        key: value
        for key, value in pooled.items()
        if not key.startswith("combined") and not key.endswith("_oof")
    }
    results["combined"] = pooled[f"combined_cap_{cap}"]
    prior = float(data.labels.mean())
    oof_scores = prior_free_score(np.asarray(pooled[f"combined_cap_{cap}_oof"]), prior)
    bands = choose_bands(oof_scores, data.labels)
    pipeline = build_pipeline(text_cap=cap)
    pipeline.fit(data.articles, data.labels)
    feature_means = pipeline.named_steps["features"].transform(data.articles).mean(axis=0)
    data_sha256 = sha256_file(path)
    version = f"{__version__}+{data_sha256[:8]}"
    model = CredibilityModel(name, version, prior, bands, tuple(feature_means.tolist()), pipeline)
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
        "cross_validation": {"folds": folds, "grouping": data.grouping, **results},
        "robustness": robustness,
        "bands": {
            "not_credible_below": bands[0],
            "credible_from": bands[1],
            "chosen_for_precision": BAND_PRECISION,
            "out_of_fold_at_training_base_rate": band_figures(oof_scores, data.labels, bands),
        },
        "score": "100 * P(credible) with equal class priors; probability keeps the base rate",
        "features": model.feature_names,
        "coefficients": dict(
            zip(model.feature_names, pipeline.named_steps["classifier"].coef_[0].round(4).tolist())
        ),
        "signals": list(signal_names()),
        "known_limits": KNOWN_LIMITS,
    }
    return model, card
