import json

import pandas as pd
import pytest

from scorer.batch import BatchOptions, for_flat_format, score_frame
from scorer.cli import main
from scorer.signals import signal_names
from scorer.tabular import read_table, write_table


def rows_with_a_bad_one():
    return pd.DataFrame(
        {
            "id": ["x1", "x2", "x3", "x4"],
            "title": ["مصدر: قرار", "عنوان", None, None],
            "body": ["قال مصدر مطلع إن القرار ربما يتأخر.", 42, "قال الوزير إن الخطة جاهزة.", None],
            "source": ["a", "b", "c", "d"],
        }
    )


def test_bad_rows_are_kept_with_an_error_and_order_is_kept(tiny_scorer):
    model = tiny_scorer
    out = score_frame(rows_with_a_bad_one(), model, BatchOptions(id_col="id"))
    assert list(out["id"]) == ["x1", "x2", "x3", "x4"]
    assert list(out["source"]) == ["a", "b", "c", "d"]
    assert out["error"].isna().tolist() == [True, False, True, False]
    assert "body must be text" in out["error"][1] and out["error"][3] == "missing body"
    assert out["score"].notna().tolist() == [True, False, True, False]
    assert set(signal_names()) <= set(out.columns)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
@pytest.mark.parametrize("workers", ["1", "2"])
def test_round_trips(tiny_model, tmp_path, suffix, workers, capsys, monkeypatch):
    _, card_path = tiny_model
    monkeypatch.setattr("scorer.batch.CHUNK_ROWS", 3)  # two chunks, streamed in order
    source = tmp_path / f"in{suffix}"
    frame = rows_with_a_bad_one().astype({"body": object})
    frame["body"] = frame["body"].map(lambda b: b if isinstance(b, str) or b is None else str(b))
    write_table(frame if suffix != ".csv" else frame.fillna(""), source)
    target = tmp_path / f"out{suffix}"
    options = ["--model", str(card_path), "--evidence", "--workers", workers]
    code = main(["batch", str(source), "-o", str(target), *options])
    assert code == 0
    out = read_table(target)
    assert list(out["id"]) == ["x1", "x2", "x3", "x4"] and len(out) == 4
    assert out["error"].astype(str).str.contains("missing body|empty").iloc[3]
    evidence = out["evidence"][0]
    spans = evidence if suffix == ".jsonl" else json.loads(evidence)
    assert any(span["signal"] == "anonymous_sources" for span in spans)
    if suffix == ".jsonl":
        assert isinstance(out["signals"][0], dict)
    assert "scored 3 of 4 rows" in capsys.readouterr().out


def test_input_columns_named_like_results_are_kept(tiny_scorer):
    model = tiny_scorer
    frame = rows_with_a_bad_one().assign(label=["trusted", "untrusted", "trusted", "x"])
    out = score_frame(frame, model, BatchOptions())
    assert list(out["label_input"]) == ["trusted", "untrusted", "trusted", "x"]
    assert set(out["label"].dropna()) <= {"credible", "uncertain", "not_credible"}


def test_flat_format_serialises_nested_columns():
    frame = pd.DataFrame({"evidence": [[{"a": 1}], None]})
    flat = for_flat_format(frame)["evidence"]
    assert flat[0] == '[{"a": 1}]' and pd.isna(flat[1])


def test_atomic_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_json", boom)
    with pytest.raises(RuntimeError):
        write_table(pd.DataFrame({"a": [1]}), target)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_and_missing_column(tiny_model, tmp_path, capsys):
    _, card_path = tiny_model
    assert main(["batch", "in.txt", "-o", "out.jsonl", "--model", str(card_path)]) == 2
    source = tmp_path / "in.jsonl"
    write_table(pd.DataFrame({"text": ["x"]}), source)
    assert (
        main(["batch", str(source), "-o", str(tmp_path / "o.csv"), "--model", str(card_path)]) == 2
    )
    assert "no body column" in capsys.readouterr().err


def test_input_columns_named_like_results_are_kept_under_free_names(tiny_scorer):
    from scorer.batch import BatchOptions, score_frame

    model = tiny_scorer
    frame = pd.DataFrame(
        {"body": ["قال الوزير إن الخطة جاهزة."], "label": ["trusted"], "label_input": ["x"]}
    )
    scored = score_frame(frame, model, BatchOptions())
    assert scored.columns.is_unique
    assert scored.loc[0, "label_input"] == "x" and scored.loc[0, "label_input_2"] == "trusted"
