"""Batch on malformed files: every row comes out, in order, with an error where it is bad, and
files that cannot be read or written are one-line errors (exit 2), never a traceback."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from scorer.cli import main
from scorer.tabular import read_table

GOOD = {"title": "قال الوزير", "body": "قال الوزير إن الخطة جاهزة."}


def _batch(card_path, source, target, *extra: str) -> int:
    return main(["batch", str(source), "-o", str(target), "--model", str(card_path), *extra])


def _read(path) -> pd.DataFrame:
    """The output as pandas reads it (CSV empty cells as missing)."""
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_csv(path) if path.suffix == ".csv" else read_table(path)


def _lines(path, rows: list[str]) -> None:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_bad_jsonl_lines_are_row_errors_in_place(tiny_model, tmp_path, capsys):
    _, card = tiny_model
    source = tmp_path / "in.jsonl"
    huge_id = 123456789012345678901234567890
    _lines(
        source,
        [
            json.dumps({"id": "a", **GOOD}),
            "null",
            "{not json",
            json.dumps({"id": huge_id, **GOOD}),
            json.dumps({"id": "e", "title": "x", "body": "\ud800"}),
            json.dumps({"id": "f", "title": "\u200b", "body": "\u200f "}),
            json.dumps({"id": "g", **GOOD}),
        ],
    )
    for suffix in (".csv", ".parquet", ".jsonl"):
        target = tmp_path / f"out{suffix}"
        assert _batch(card, source, target) == 0
        out = _read(target)
        assert len(out) == 7
        errors = out["error"].tolist()
        assert [isinstance(e, str) for e in errors] == [False, True, True, True, True, True, False]
        assert "JSON object" in errors[1] and "invalid JSON" in errors[2]
        assert "beyond 64 bits" in errors[3]
        assert "lone surrogate" in errors[4] and "empty" in errors[5]
        assert str(out["id"][3]) == str(huge_id) and out["id"][6] == "g"
    capsys.readouterr()


def test_a_column_that_appears_late_never_shifts_csv_rows(tiny_model, tmp_path, monkeypatch):
    _, card = tiny_model
    monkeypatch.setattr("scorer.batch.CHUNK_ROWS", 2)
    source = tmp_path / "in.jsonl"
    rows = [{"id": i, **GOOD} | ({"late": "x"} if i >= 2 else {}) for i in range(5)]
    _lines(source, [json.dumps(row) for row in rows])
    for suffix in (".csv", ".parquet"):
        target = tmp_path / f"out{suffix}"
        assert _batch(card, source, target) == 0
        out = _read(target)
        assert out["id"].astype(int).tolist() == [0, 1, 2, 3, 4]
        assert out["error"].isna().all() and out["score"].notna().all()


def test_a_csv_row_with_the_wrong_number_of_fields_is_its_error(tiny_model, tmp_path):
    _, card = tiny_model
    source = tmp_path / "in.csv"
    source.write_text("id,title,body\n1,t,قال الوزير,extra\n2,t,قال الوزير\n3,t\n", "utf-8")
    target = tmp_path / "out.csv"
    assert _batch(card, source, target) == 0
    out = pd.read_csv(target)
    assert len(out) == 3 and out["id"].tolist()[1] == 2
    assert "4 fields" in out["error"][0] and "2 fields" in out["error"][2]
    assert pd.isna(out["error"][1])


def test_chunks_without_a_body_column_are_missing_bodies(tiny_model, tmp_path, monkeypatch):
    _, card = tiny_model
    monkeypatch.setattr("scorer.batch.CHUNK_ROWS", 2)
    source = tmp_path / "in.jsonl"
    _lines(source, [json.dumps({"id": i, **GOOD}) for i in range(2)] + ['{"id": 2}'] * 2)
    target = tmp_path / "out.jsonl"
    assert _batch(card, source, target) == 0
    assert _read(target)["error"].tolist()[2:] == ["missing body", "missing body"]


def test_parquet_type_drift_is_a_one_line_error(tiny_model, tmp_path, capsys, monkeypatch):
    _, card = tiny_model
    monkeypatch.setattr("scorer.batch.CHUNK_ROWS", 2)
    source = tmp_path / "in.jsonl"
    _lines(
        source,
        [json.dumps({"id": i, **GOOD}) for i in range(2)] + [json.dumps({"id": "x", **GOOD})],
    )
    target = tmp_path / "out.parquet"
    assert _batch(card, source, target) == 2
    err = capsys.readouterr().err
    assert "'id'" in err and "changes type" in err and "Traceback" not in err
    assert not target.exists() and not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


@pytest.mark.parametrize("case", ["directory", "parent_is_file", "same_as_input", "empty_input"])
def test_unusable_outputs_and_inputs_are_one_line_errors(tiny_model, tmp_path, capsys, case):
    _, card = tiny_model
    source = tmp_path / "in.jsonl"
    _lines(source, [json.dumps(GOOD)])
    target = {
        "directory": tmp_path,
        "parent_is_file": source / "out.csv",
        "same_as_input": source,
        "empty_input": tmp_path / "out.csv",
    }[case]
    if case == "empty_input":
        source.write_text("", "utf-8")
    assert _batch(card, source, target) == 2
    err = capsys.readouterr().err
    assert err.startswith("credscore: error:") and err.count("\n") == 1
    if case == "same_as_input":
        assert source.read_text("utf-8").strip() == json.dumps(GOOD)


def test_output_files_respect_the_umask(tiny_model, tmp_path):
    _, card = tiny_model
    source = tmp_path / "in.jsonl"
    _lines(source, [json.dumps(GOOD)])
    old = os.umask(0o022)
    try:
        assert _batch(card, source, tmp_path / "out.csv") == 0
    finally:
        os.umask(old)
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o644


def test_a_jsonl_file_with_a_bom_is_read(tiny_model, tmp_path):
    _, card = tiny_model
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(GOOD) + "\n", "utf-8-sig")
    assert _batch(card, source, tmp_path / "out.csv") == 0
    assert _read(tmp_path / "out.csv")["error"].isna().all()


def _die_once_then_score(args):
    """Stands in for the worker's chunk function: the first call anywhere kills its process."""
    from scorer import batch

    try:
        os.remove(os.environ["CREDSCORE_TEST_DIE_FLAG"])  # atomic: one worker wins the flag
    except FileNotFoundError:
        pass
    else:
        os._exit(9)  # as a kill -9 or the OOM killer would
    return batch.score_chunk(batch.worker_model(args[2]), args[0], args[1])


def _always_die(args):
    os._exit(9)


@pytest.mark.parametrize(("chunk_function", "code"), [(_die_once_then_score, 0), (_always_die, 2)])
def test_a_killed_worker_is_retried_once_then_fails_cleanly(
    tiny_model, tmp_path, monkeypatch, capsys, chunk_function, code
):
    _, card = tiny_model
    flag = tmp_path / "die"
    flag.write_text("", "utf-8")
    monkeypatch.setenv("CREDSCORE_TEST_DIE_FLAG", str(flag))
    monkeypatch.setattr("scorer.batch._score_chunk_in_worker", chunk_function)
    monkeypatch.setattr("scorer.batch.CHUNK_ROWS", 2)
    source = tmp_path / "in.jsonl"
    _lines(source, [json.dumps({"id": i, **GOOD}) for i in range(9)])
    target = tmp_path / "out.csv"
    assert _batch(card, source, target, "--workers", "2") == code
    if code == 0:
        assert not flag.exists()  # a worker did die
        assert _read(target)["id"].tolist() == list(range(9))
    else:
        err = capsys.readouterr().err
        assert "died twice" in err and err.count("\n") == 1 and not target.exists()
