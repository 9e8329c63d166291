import json

from scorer.cli import main


def test_evaluate_writes_metrics_and_html(tiny_model, labelled_jsonl, tmp_path, capsys):
    _, card_path = tiny_model
    report = tmp_path / "report"
    code = main(
        [
            "evaluate", str(labelled_jsonl), "--label-col", "label", "--positive", "trusted",
            "--report", str(report), "--train", str(labelled_jsonl), "--model", str(card_path),
        ]
    )  # fmt: skip
    assert code == 0
    metrics = json.loads((report / "metrics.json").read_text("utf-8"))["metrics"]
    assert set(metrics) == {"model", "tfidf_logistic_regression", "signals_only"}
    for values in metrics.values():
        assert {"roc_auc", "pr_auc", "macro_f1", "brier"} <= set(values)
    confusion = metrics["model"]["confusion_by_band"]
    assert sum(sum(band.values()) for band in confusion.values()) == 40
    page = (report / "report.html").read_text("utf-8")
    assert page.count("data:image/png;base64,") == 3
    assert "<th>precision of the band</th>" in page and "{" not in page.split("<body>")[1]
    by_class = json.loads((report / "metrics.json").read_text("utf-8"))["signals_by_class"]
    assert set(by_class["anonymous_sources"]) == {
        "mean_credible",
        "mean_not_credible",
        "median_credible",
        "median_not_credible",
    }
    assert "<h2>Signals by true class</h2>" in page
    assert json.loads(capsys.readouterr().out)["model"]["roc_auc"] >= 0.5


def test_evaluate_without_both_classes_is_an_error(tiny_model, tmp_path, capsys):
    _, card_path = tiny_model
    path = tmp_path / "one.jsonl"
    path.write_text('{"title": "a", "body": "b", "label": "trusted"}\n', "utf-8")
    code = main(["evaluate", str(path), "--label-col", "label", "--model", str(card_path)])
    assert code == 2 and "both classes" in capsys.readouterr().err


def test_band_precision_is_the_share_of_each_band_that_is_right():
    from scorer.evaluation import band_precision

    confusion = {
        "credible": {"not_credible": 1, "uncertain": 2, "credible": 6},
        "not_credible": {"not_credible": 9, "uncertain": 3, "credible": 2},
    }
    assert band_precision(confusion) == {
        "not_credible": "90.0%",
        "uncertain": "",
        "credible": "75.0%",
    }
