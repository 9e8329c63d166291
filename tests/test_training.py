import numpy as np
import pandas as pd
import pytest

from scorer.errors import InputError
from scorer.training import choose_bands, prepare_labelled


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
    assert (labels[scores < low] == 0).mean() >= 0.75
    assert (labels[scores >= high] == 1).mean() >= 0.75
