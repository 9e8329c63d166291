"""A signal is one spec and one function: adding one reaches every place that lists signals."""

import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from scorer import analyze, signals
from scorer.article import Article
from scorer.cli import text_report
from scorer.gold import agreement
from scorer.model import build_pipeline, feature_bounds
from scorer.result import SignalValue, Span
from scorer.signals.spec import Evidence, Feature, Label, SignalSpec


def exclamations(article: Article) -> SignalValue:
    """A toy signal: every "!" in title and body."""
    spans = tuple(
        Span("exclamations", field.name, index, index + 1, "!")
        for field in article.fields
        for index, character in enumerate(field.original)
        if character == "!"
    )
    return SignalValue(float(len(spans)), spans)


TOY = SignalSpec(
    Label("exclamations", "علامات تعجب", "exclamation marks"),
    Feature(exclamations, bound=(None, 0.0), subscore="sensationalism"),
    Evidence(colour="#ff8a80", gold_exact=0.5),
)


@pytest.fixture
def with_toy(monkeypatch):
    monkeypatch.setattr(signals, "SPECS", (*signals.SPECS, TOY))


def test_the_toy_signal_is_analysed_with_its_evidence(with_toy):
    analysis = analyze("قرار مفاجئ!", "قال مصدر مطلع إن القرار صدر! وانتهى.")
    assert analysis.signals["exclamations"] == 2
    assert [span.field for span in analysis.evidence if span.signal == "exclamations"] == [
        "title",
        "body",
    ]


def test_the_toy_signal_is_a_model_feature_with_its_bound(with_toy, labelled_jsonl):
    frame = pd.read_json(labelled_jsonl, lines=True)
    labels = (frame["label"] == "trusted").to_numpy().astype(int)
    pipeline = build_pipeline(cv=2).fit(frame, labels)
    names = list(pipeline.named_steps["features"].get_feature_names_out())
    assert "exclamations" in names
    bounds = feature_bounds()
    assert len(bounds) == len(names) and bounds[names.index("exclamations")] == (None, 0.0)
    assert pipeline.named_steps["classifier"].coef_[0][names.index("exclamations")] <= 0.0
    assert np.isfinite(pipeline.predict_proba(frame)).all()


def test_the_toy_signal_is_in_the_text_report_the_legend_and_the_gold_table(with_toy):
    title, body = "قرار مفاجئ!", "قال مصدر مطلع إن القرار صدر! وانتهى."
    analysis = analyze(title, body)
    result = {
        "score": 40.0,
        "label": "uncertain",
        "probability": 0.3,
        "model": {"name": "toy"},
        "subscores": {"sourcing": 0.0, "hedging": 0.0, "sensationalism": 0.0},
        "signals": analysis.signals,
        "contributions": [],
    }
    report = text_report(title, body, result, list(analysis.evidence), colour=False)
    assert "exclamations 2" in report and "marked: " in report
    assert report.splitlines()[-1].endswith("exclamations")

    from api.app import create_app

    with TestClient(create_app()) as client:
        legend = client.get("/v1/signals").json()
    assert legend[-1] == {
        "name": "exclamations",
        "label_ar": "علامات تعجب",
        "label_en": "exclamation marks",
        "subscore": "sensationalism",
        "colour": "#ff8a80",
    }

    gold = {spec.name: {"count": 0} for spec in signals.SPECS if spec.evidence.gold_exact}
    gold["attribution_depth"] = {"value": 1}
    gold["anonymous_sources"] = {"count": 1}
    gold["exclamations"] = {"count": 2}
    table = agreement([{"title": title, "body": body, "gold": gold}])
    assert next(row for row in table if row.signal == "exclamations").exact == 1.0
