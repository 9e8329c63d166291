import numpy as np
import pandas as pd
import pytest

from scorer.errors import InputError
from scorer.training import (
    auc_standard_error,
    band_figures,
    choose_bands,
    choose_text_cap,
    prepare_labelled,
    topic_groups,
)


def test_deduplicates_and_drops_conflicting_and_empty_rows():
    frame = pd.DataFrame(
        {
            "title": ["ا", "ا ", "ب", "ب", "ج", "د"],
            "text": ["نص  واحد", "نص واحد", "نص", "نص", "", "نص آخر"],
            "label": ["trusted", "trusted", "trusted", "untrusted", "trusted", "untrusted"],
        }
    )
    data = prepare_labelled(frame, "label", "trusted", body_col="text")
    assert data.rows_read == 6 and data.rows_dropped_empty == 1
    assert data.duplicates_dropped == 1 and data.conflicting_dropped == 1
    assert list(data.labels) == [1, 0]
    assert len(set(data.groups)) == 2


def test_same_title_shares_a_group():
    frame = pd.DataFrame(
        {"title": ["خبر", "خبر", "آخر"], "body": ["نص أ", "نص ب", "نص ج"], "label": ["t", "u", "t"]}
    )
    data = prepare_labelled(frame, "label", "t")
    assert data.groups[0] == data.groups[1] != data.groups[2]


def test_group_column_keeps_each_source_in_one_group():
    frame = pd.DataFrame(
        {
            "title": ["خبر", "خبر", "آخر", "ثالث"],
            "body": ["نص أ", "نص ب", "نص ج", "نص د"],
            "label": ["t", "u", "t", "u"],
            "source": ["جريدة", "موقع", "جريدة", None],
        }
    )
    data = prepare_labelled(frame, "label", "t", group_col="source")
    assert data.groups[0] == data.groups[2] != data.groups[1] != data.groups[3]
    assert data.grouping.startswith("by source")
    with pytest.raises(InputError, match="no column 'outlet'"):
        prepare_labelled(frame, "label", "t", group_col="outlet")


def test_missing_column_and_single_class():
    with pytest.raises(InputError, match="no column"):
        prepare_labelled(pd.DataFrame({"body": ["x"]}), "label", "t")
    with pytest.raises(InputError, match="both classes"):
        prepare_labelled(pd.DataFrame({"body": ["x"], "label": ["t"]}), "label", "t")


def test_bands_reach_the_precision_they_promise():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 2000)
    scores = np.clip(50 + 30 * (labels - 0.5) + rng.normal(0, 15, 2000), 0, 100)
    low, high = choose_bands(scores, labels)
    assert low < high
    assert (labels[scores < low] == 0).mean() >= 0.90
    assert (labels[scores >= high] == 1).mean() >= 0.70


def _candidate(cap, pooled, worst, se, beats=True):
    return {
        "text_cap": cap,
        "pooled_roc_auc": pooled,
        "worst_group_roc_auc": worst,
        "worst_group_se": se,
        "beats_baseline": beats,
    }


def test_text_cap_leans_on_the_signals_only_within_one_standard_error():
    candidates = [
        _candidate(None, 0.82, 0.780, 0.02),
        _candidate(1.0, 0.82, 0.775, 0.02),
        _candidate(0.5, 0.81, 0.765, 0.02),
        _candidate(0.3, 0.80, 0.740, 0.02),
    ]
    assert choose_text_cap(candidates)["text_cap"] == 0.5
    candidates[2]["beats_baseline"] = False  # too weak in-domain: the next one up
    assert choose_text_cap(candidates)["text_cap"] == 1.0
    tight = [_candidate(None, 0.82, 0.78, 0.001), _candidate(0.5, 0.81, 0.77, 0.001)]
    assert choose_text_cap(tight)["text_cap"] is None


def test_auc_standard_error_matches_hanley_and_mcneil():
    # by hand: Q1 = 0.8 / 1.2, Q2 = 2 * 0.64 / 1.8,
    # var = (0.16 + 49 * (Q1 - 0.64) + 49 * (Q2 - 0.64)) / 2500 = 0.00198, SE = 0.0445
    assert auc_standard_error(0.8, 50, 50) == pytest.approx(0.0445, abs=0.0002)
    assert auc_standard_error(0.8, 500, 500) < auc_standard_error(0.8, 50, 50)


def test_band_figures_report_share_and_precision_at_the_base_rate():
    labels = np.array([0, 0, 0, 1, 0, 1, 1, 1])
    scores = np.array([10, 20, 30, 35, 60, 70, 80, 90.0])
    figures = band_figures(scores, labels, (40.0, 65.0))
    assert figures["not_credible"] == {"share": 0.5, "precision": 0.75}
    assert figures["credible"] == {"share": 0.375, "precision": 1.0}


def test_bands_promise_precision_at_the_base_rate_not_with_equal_weights():
    rng = np.random.default_rng(1)
    labels = (rng.random(4000) < 0.25).astype(int)  # a quarter credible, as in MCE
    scores = np.clip(50 + 30 * (labels - 0.5) + rng.normal(0, 20, 4000), 0, 100)
    low, high = choose_bands(scores, labels)
    assert (labels[scores >= high] == 1).mean() >= 0.70
    assert (labels[scores < low] == 0).mean() >= 0.90
    weights = np.where(labels == 1, 3.0, 1.0)  # equal class weights would promise more
    assert np.average(labels[scores >= high] == 1, weights=weights[scores >= high]) > 0.8


def test_topic_groups_are_reproducible():
    words = ["الانتخابات البرلمانية", "مباراة الأهلي", "أسعار النفط", "الدستور الجديد"]
    frame = pd.DataFrame(
        {"title": [f"{w} {i}" for i in range(30) for w in words], "body": ["نص الخبر"] * 120}
    )
    first, second = topic_groups(frame, count=4), topic_groups(frame, count=4)
    assert list(first) == list(second) and len(set(first)) == 4
