"""The Dask engine on a 2-worker LocalCluster equals the local engine, row for row."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

from scorer.batch import BatchOptions, for_flat_format, score_frame
from scorer.cli import main

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] not installed")


def partitioned_fixture(folder, labelled_rows):
    rows = pd.DataFrame(labelled_rows)
    rows.loc[3, "body"] = None  # a row that cannot be scored
    rows.loc[7, "title"] = ""
    folder.mkdir()
    for number, start in enumerate(range(0, len(rows), 14)):
        rows.iloc[start : start + 14].to_parquet(folder / f"part-{number}.parquet", index=False)
    return rows


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local.scheduler_address


def test_dask_engine_equals_local_engine(tiny_model, tiny_scorer, tmp_path, cluster, capsys):
    from fixtures import labelled_rows

    model, card_path = tiny_scorer, tiny_model[1]
    rows = partitioned_fixture(tmp_path / "in", labelled_rows())
    output = tmp_path / "out"
    argv = ["batch", str(tmp_path / "in"), "-o", str(output), "--engine", "dask"]
    code = main([*argv, "--scheduler", cluster, "--model", str(card_path), "--id-col", "id"])
    assert code == 0, capsys.readouterr().err
    assert "scored 39 of 40 rows (1 errors)" in capsys.readouterr().out
    dask_rows = pd.read_parquet(output).sort_values("id").reset_index(drop=True)
    local = for_flat_format(score_frame(rows, model, BatchOptions(id_col="id")))
    local = local.sort_values("id").reset_index(drop=True)
    assert list(dask_rows["id"]) == list(local["id"]) and len(dask_rows) == len(rows)
    np.testing.assert_allclose(
        dask_rows["score"].to_numpy(float), local["score"].to_numpy(float), atol=1e-9
    )
    np.testing.assert_allclose(
        dask_rows["probability"].to_numpy(float), local["probability"].to_numpy(float), atol=1e-9
    )
    assert dask_rows["error"].isna().tolist() == local["error"].isna().tolist()
    assert dask_rows.loc[dask_rows["id"] == rows.loc[3, "id"], "error"].item() == "missing body"


def test_single_file_output(tiny_model, tmp_path, cluster, capsys):
    from fixtures import labelled_rows

    _, card_path = tiny_model
    partitioned_fixture(tmp_path / "in", labelled_rows())
    target = tmp_path / "scored.jsonl"
    argv = ["batch", str(tmp_path / "in"), "-o", str(target), "--engine", "dask", "--single-file"]
    assert main([*argv, "--scheduler", cluster, "--model", str(card_path)]) == 0
    assert len(pd.read_json(target, lines=True)) == 40


def test_dask_evaluate_equals_local_evaluate(tiny_model, tmp_path, cluster, labelled_jsonl, capsys):
    import json

    _, card_path = tiny_model
    common = ["--label-col", "label", "--positive", "trusted", "--model", str(card_path)]
    assert main(["evaluate", str(labelled_jsonl), *common]) == 0
    local = json.loads(capsys.readouterr().out)["model"]
    assert (
        main(["evaluate", str(labelled_jsonl), *common, "--engine", "dask", "--scheduler", cluster])
        == 0
    )
    remote = json.loads(capsys.readouterr().out)["model"]
    assert remote == local


def test_clear_message_without_dask(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    source = tmp_path / "in.parquet"
    pd.DataFrame({"body": ["x"]}).to_parquet(source)
    code = main(["batch", str(source), "-o", str(tmp_path / "out"), "--engine", "dask"])
    assert code == 2 and "pip install 'credscore[dask]'" in capsys.readouterr().err


def test_dask_gives_the_local_engine_s_errors_on_bad_jsonl_rows(tiny_model, tmp_path, cluster):
    import json

    _, card_path = tiny_model
    source = tmp_path / "in.jsonl"
    good = {"title": "قال الوزير", "body": "قال الوزير إن الخطة جاهزة."}
    lines = [
        json.dumps({"id": "a", **good}, ensure_ascii=False),
        json.dumps({"id": "b", "title": "t", "body": 42}),
        json.dumps({"id": "c", "title": "t", "body": ["x"]}),
        json.dumps({"id": "d", "title": {"x": 1}, "body": "قال"}, ensure_ascii=False),
        "null",
        "{not json",
        json.dumps({"id": "g", **good}, ensure_ascii=False),
    ]
    source.write_text("\n".join(lines) + "\n", "utf-8")
    errors = {}
    for engine in ("local", "dask"):
        target = tmp_path / f"{engine}.csv"
        argv = ["batch", str(source), "-o", str(target), "--model", str(card_path)]
        extra = ["--engine", "dask", "--scheduler", cluster, "--single-file"]
        assert main(argv + (extra if engine == "dask" else [])) == 0
        errors[engine] = pd.read_csv(target)["error"].fillna("").tolist()
    assert errors["dask"] == errors["local"]
    assert errors["local"][0] == "" and "body must be text" in errors["local"][1]
    assert "JSON object" in errors["local"][4] and errors["local"][6] == ""


def test_dask_profile_equals_local_profile(tiny_model, tmp_path, cluster, capsys):
    from fixtures import labelled_rows

    _, card_path = tiny_model
    rows = pd.DataFrame(labelled_rows())
    rows["outlet"] = ["وكالة", "موقع"] * (len(rows) // 2)
    rows.loc[3, "body"] = None  # an error of its outlet
    (tmp_path / "in").mkdir()
    for number, start in enumerate(range(0, len(rows), 14)):
        rows.iloc[start : start + 14].to_parquet(tmp_path / "in" / f"part-{number}.parquet")
    single = tmp_path / "all.parquet"
    rows.to_parquet(single, index=False)
    common = ["--by", "outlet", "--model", str(card_path), "--min-articles", "5"]
    local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["profile", str(single), "-o", str(local), *common]) == 0
    dask_args = ["--engine", "dask", "--scheduler", cluster]
    assert main(["profile", str(tmp_path / "in"), "-o", str(on_dask), *common, *dask_args]) == 0
    capsys.readouterr()
    expected, found = pd.read_json(local, lines=True), pd.read_json(on_dask, lines=True)
    pd.testing.assert_frame_equal(expected, found)
    assert expected["errors"].sum() == 1
