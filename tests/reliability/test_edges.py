"""Hostile input at the CLI and the service: one-line errors and 4xx, never a traceback or 500."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from scorer.cli import main

CLI = [sys.executable, "-m", "scorer.cli"]


@pytest.fixture(scope="module")
def client(tiny_model):
    _, card_path = tiny_model
    with TestClient(create_app(Settings(model_path=str(card_path)))) as test_client:
        yield test_client


def _post(client, path: str, raw_json: str):
    return client.post(path, content=raw_json, headers={"Content-Type": "application/json"})


def test_lone_surrogates_are_4xx_and_per_item_errors(client):
    response = _post(client, "/v1/score", '{"title": "x", "body": "\\ud800 قال"}')
    assert response.status_code == 422 and "surrogate" in response.json()["error"]
    batch = (
        '{"articles": [{"title": "t", "body": "\\udfff"}, {"title": "t", "body": "قال الوزير"}]}'
    )
    response = _post(client, "/v1/score/batch", batch)
    results = response.json()["results"]
    assert response.status_code == 200
    assert "surrogate" in results[0]["error"] and results[1]["result"] is not None


def test_invisible_only_text_is_empty(client):
    response = client.post("/v1/score", json={"title": "\u200b", "body": "\u200f\u200b \n"})
    assert response.status_code == 422 and "empty" in response.json()["error"]


def test_cli_refuses_over_long_text_in_one_line(tmp_path, capsys, tiny_model):
    path = tmp_path / "a.txt"
    path.write_text("عنوان\n" + "قال " * 100, "utf-8")
    assert main(["signals", str(path), "--max-chars", "50"]) == 2
    assert capsys.readouterr().err == "credscore: error: body is over 50 characters\n"


def test_cli_lone_surrogate_in_json_input_is_one_line(tmp_path, capsys, tiny_model):
    _, card_path = tiny_model
    path = tmp_path / "a.json"
    path.write_text('{"title": "x", "body": "\\ud800"}', "utf-8")
    assert main(["score", str(path), "--model", str(card_path)]) == 2
    assert "lone surrogate" in capsys.readouterr().err


def test_closed_stdin_is_a_one_line_error():
    done = subprocess.run([*CLI, "signals", "-"], stdin=subprocess.DEVNULL, capture_output=True)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    closed = subprocess.run(
        [*CLI, "signals", "-"], capture_output=True, preexec_fn=lambda: __import__("os").close(0)
    )
    assert closed.returncode == 2
    assert closed.stderr.decode().strip() == "credscore: error: standard input is closed"


def test_a_reader_that_goes_away_ends_the_output_quietly(tmp_path):
    path = tmp_path / "many.jsonl"
    row = json.dumps({"title": "قال الوزير", "body": "قال الوزير إن الخطة جاهزة"})
    path.write_text((row + "\n") * 3000, "utf-8")
    process = subprocess.Popen(
        [*CLI, "signals", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout.readline().startswith(b"{")
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode == 1 and b"Traceback" not in stderr


def test_a_batch_item_of_the_wrong_shape_is_that_item_s_error(client):
    items = [{"title": 5, "body": "x"}, {"body": "قال الوزير", "extra": 1}, {"body": "قال الوزير"}]
    response = client.post("/v1/score/batch", json={"articles": items})
    results = response.json()["results"]
    assert response.status_code == 200 and [r["index"] for r in results] == [0, 1, 2]
    assert "title" in results[0]["error"] and "extra" in results[1]["error"]
    assert results[2]["error"] is None and results[2]["result"]["score"] >= 0
