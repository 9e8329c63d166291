"""Evaluate a model on labelled articles, beside two baselines fitted on the training data.

Metrics: ROC-AUC, PR-AUC, macro-F1 (credible when score >= 50, i.e. the evidence leans that way
with equal priors), Brier score, and the confusion matrix of true class by the model's bands.
The report is a JSON file and a self-contained HTML page (figures embedded as PNG).
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    f1_score,
    roc_auc_score,
    roc_curve,
)

from scorer.errors import InputError
from scorer.reports import render
from scorer.scoring import LABELS, ScoringModel, prior_free_score
from scorer.signals import signal_names
from scorer.training import (
    LabelledData,
    keep_unique,
    signals_only_pipeline,
    tfidf_baseline_pipeline,
)

DECISION_SCORE = 50.0


def metrics(labels: np.ndarray, probability: np.ndarray, scores: np.ndarray) -> dict[str, float]:
    """Ranking, calibration and decision metrics of one model's predictions."""
    return {
        "roc_auc": round(float(roc_auc_score(labels, probability)), 4),
        "pr_auc": round(float(average_precision_score(labels, probability)), 4),
        "macro_f1": round(
            float(f1_score(labels, (scores >= DECISION_SCORE).astype(int), average="macro")), 4
        ),
        "brier": round(float(brier_score_loss(labels, probability)), 4),
        "rows": len(labels),
        "positive_share": round(float(labels.mean()), 4),
    }


def confusion_by_band(labels: np.ndarray, predicted: list[str]) -> dict[str, dict[str, int]]:
    """Counts of each true class (``credible``/``not_credible``) in each predicted band."""
    table = {}
    for truth, name in ((1, "credible"), (0, "not_credible")):
        chosen = [p for p, label in zip(predicted, labels) if label == truth]
        table[name] = {band: chosen.count(band) for band in LABELS}
    return table


def band_precision(confusion: dict[str, dict[str, int]]) -> dict[str, str]:
    """How often each band is right: the share of its articles whose true class it names
    (``uncertain`` names none), as text for the report."""
    precision = {}
    for band in LABELS:
        total = sum(counts[band] for counts in confusion.values())
        right = confusion[band][band] if band in confusion else None
        precision[band] = "" if right is None or not total else f"{right / total:.1%}"
    return precision


def signals_by_class(labels: np.ndarray, values: list[dict[str, float]]) -> dict[str, dict]:
    """Per signal, its mean and median among credible and among not credible articles."""
    table = {}
    for name in signal_names():
        column = np.array([row[name] for row in values], dtype=float)
        table[name] = {
            f"{statistic}_{truth_name}": round(float(function(column[labels == truth])), 3)
            for truth, truth_name in ((1, "credible"), (0, "not_credible"))
            for statistic, function in (("mean", np.mean), ("median", np.median))
            if (labels == truth).any()
        }
    return table


def model_metrics(
    labels: np.ndarray, probability: np.ndarray, scores: np.ndarray, bands: list[str]
) -> dict:
    """The model's metrics, with its confusion matrix by band."""
    return {
        **metrics(labels, probability, scores),
        "confusion_by_band": confusion_by_band(labels, bands),
    }


def evaluate(
    model: ScoringModel, test: LabelledData, train: LabelledData | None = None
) -> tuple[dict, dict[str, np.ndarray]]:
    """Metrics of ``model`` on ``test`` and, given training data, of the two baselines.

    Returns the metrics and the predicted probabilities per model (for the figures).
    """
    results = model.score_articles(list(test.articles["title"]), list(test.articles["body"]))
    probability = np.array([r.probability for r in results])
    scores = np.array([r.score for r in results])
    report = report_header(model)
    report["metrics"]["model"] = model_metrics(
        test.labels, probability, scores, [r.label for r in results]
    )
    report["signals_by_class"] = signals_by_class(test.labels, [r.signals for r in results])
    predictions = {"model": probability}
    if train is None:
        report["baselines"] = "not fitted: no training data given"
    else:
        prior = float(train.labels.mean())
        for name, pipeline in (
            ("tfidf_logistic_regression", tfidf_baseline_pipeline()),
            ("signals_only", signals_only_pipeline()),
        ):
            pipeline.fit(train.articles, train.labels)
            baseline = pipeline.predict_proba(test.articles)[:, 1]
            baseline_scores = prior_free_score(baseline, prior)
            report["metrics"][name] = metrics(test.labels, baseline, baseline_scores)
            predictions[name] = baseline
    return report, predictions


def evaluate_dask(
    model: ScoringModel,
    source: str,
    label_col: str,
    positive: str,
    title_col: str,
    body_col: str,
    model_path: str | None,
    scheduler: str | None,
) -> tuple[dict, np.ndarray, dict[str, np.ndarray]]:
    """The model's metrics computed from partitions scored on Dask.

    Rows are cleaned as the local engine cleans them (no body dropped, duplicates and
    conflicting duplicates removed), so both engines report the same figures. Baselines need
    the test texts in one place and are fitted by the local engine only.
    """
    from scorer.batch import BatchOptions
    from scorer.distributed import DaskRun, evaluation_rows

    options = BatchOptions(title_col=title_col, body_col=body_col)
    rows = evaluation_rows(source, label_col, positive, options, DaskRun(model_path, scheduler))
    rows = rows.reset_index(drop=True)
    keep, _, _ = keep_unique(rows["key"], rows["truth"])
    rows = rows[keep]
    labels = rows["truth"].to_numpy()
    if len(set(labels)) < 2:
        raise InputError(f"labels need both classes; is {positive!r} the positive label?")
    probability = rows["probability"].to_numpy(dtype=float)
    report = report_header(model)
    report["metrics"]["model"] = model_metrics(
        labels, probability, rows["score"].to_numpy(dtype=float), rows["label"].tolist()
    )
    report["baselines"] = "not fitted with --engine dask (use the local engine)"
    return report, labels, {"model": probability}


def report_header(model: ScoringModel) -> dict:
    return {
        "model": {"name": model.name, "version": model.version},
        "bands": {"not_credible_below": model.bands[0], "credible_from": model.bands[1]},
        "metrics": {},
    }


def _figure_png(figure: object) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _figures(labels: np.ndarray, predictions: dict[str, np.ndarray]) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    images = {}
    figure, axes = plt.subplots(figsize=(5, 5))
    for name, probability in predictions.items():
        fpr, tpr, _ = roc_curve(labels, probability)
        axes.plot(fpr, tpr, label=f"{name} (AUC {roc_auc_score(labels, probability):.3f})")
    axes.plot([0, 1], [0, 1], "k:", linewidth=1)
    axes.set(xlabel="false positive rate", ylabel="true positive rate", title="ROC")
    axes.legend(loc="lower right", fontsize=8)
    images["roc"] = _figure_png(figure)
    plt.close(figure)

    probability = predictions["model"]
    figure, axes = plt.subplots(figsize=(5, 5))
    observed, centres = calibration_curve(labels, probability, n_bins=10)
    axes.plot([0, 1], [0, 1], "k:", linewidth=1)
    axes.plot(centres, observed, "o-")
    axes.set(xlabel="predicted P(credible)", ylabel="observed share credible", title="Reliability")
    images["reliability"] = _figure_png(figure)
    plt.close(figure)

    figure, axes = plt.subplots(figsize=(6, 4))
    for truth, name in ((1, "credible"), (0, "not credible")):
        axes.hist(probability[labels == truth], bins=20, range=(0, 1), alpha=0.6, label=name)
    axes.set(xlabel="predicted P(credible)", ylabel="articles", title="Scores by true class")
    axes.legend()
    images["distribution"] = _figure_png(figure)
    plt.close(figure)
    return images


def write_report(
    report: dict, labels: np.ndarray, predictions: dict[str, np.ndarray], directory: Path
) -> tuple[Path, Path]:
    """Write ``metrics.json`` and ``report.html`` under ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    json_path, html_path = directory / "metrics.json", directory / "report.html"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    confusion = report["metrics"]["model"]["confusion_by_band"]
    page = render(
        "evaluation.html",
        model=report["model"],
        metrics=report["metrics"],
        bands=LABELS,
        confusion=confusion,
        precision=band_precision(confusion),
        signals=report.get("signals_by_class", {}),
        images=_figures(labels, predictions),
    )
    html_path.write_text(page, "utf-8")
    return json_path, html_path
