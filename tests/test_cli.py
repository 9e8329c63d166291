import io
import json
import sys

import pytest

from scorer.cli import main, parse_args


def run(capsys, argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_args():
    assert parse_args(["signals", "x.txt"]).file == "x.txt"


def test_plain_text_file(capsys, tmp_path, example):
    path = tmp_path / "a.txt"
    path.write_text("\n".join(example), encoding="utf-8")
    code, out, _ = run(capsys, ["signals", str(path)])
    result = json.loads(out)
    assert code == 0 and result["signals"]["attribution_depth"] == 3
    assert {"signal", "field", "start", "end", "text"} <= set(result["evidence"][0])


def test_jsonl_keeps_order_ids_and_reports_bad_rows(capsys, tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        json.dumps(
            {"id": "a", "title": "مصدر: خبر", "body": "قال مصدر مطلع إن"}, ensure_ascii=False
        ),
        json.dumps({"id": "b", "title": 5, "body": "x"}),
        "{not json",
        json.dumps(
            {"id": "d", "title": "", "body": "قال الوزير إن الخطة جاهزة"}, ensure_ascii=False
        ),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, ["signals", str(path)])
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line.get("id") for line in lines] == ["a", "b", 3, "d"]
    assert "error" in lines[1] and "error" in lines[2]
    assert lines[3]["signals"]["named_sources"] == 1


def test_stdin(capsys, monkeypatch):
    code, out, _ = run(capsys, ["signals", "-"], "عنوان\nقال الوزير إن".encode(), monkeypatch)
    assert code == 0 and json.loads(out)["signals"]["named_sources"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00\x01", "not a text file"),
        (b"\xff\xfe", "not valid UTF-8"),
        (b"  \n", "empty"),
    ],
)
def test_bad_input_is_one_line_error(capsys, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, ["signals", str(path)])
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, ["signals", str(tmp_path / "missing.txt")])
    assert code == 2 and "cannot read" in err


def test_score_json_and_text_formats(capsys, tmp_path, tiny_model):
    _, card_path = tiny_model
    article = tmp_path / "a.json"
    article.write_text(
        json.dumps({"title": "مصدر: قرار!", "body": "قال مصدر مطلع إن القرار قد يصدر."}),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, ["score", str(article), "--model", str(card_path)])
    result = json.loads(out)
    assert code == 0 and set(result) == {
        "score", "label", "probability", "subscores", "signals", "contributions", "evidence", "model"
    }  # fmt: skip
    code, out, _ = run(
        capsys, ["score", str(article), "--model", str(card_path), "--format", "text"]
    )
    assert code == 0 and "[[مصدر مطلع]]" in out and "sub-scores:" in out


def test_score_bad_json_and_bad_model(capsys, tmp_path, tiny_model):
    _, card_path = tiny_model
    article = tmp_path / "a.json"
    article.write_text('{"title": "x"', encoding="utf-8")
    code, _, err = run(capsys, ["score", str(article), "--model", str(card_path)])
    assert code == 2 and "invalid JSON" in err
    article.write_text('{"title": "x"}', encoding="utf-8")
    code, _, err = run(capsys, ["score", str(article), "--model", str(card_path)])
    assert code == 2 and "must be an object" in err
    article.write_text('{"title": "x", "body": "قال الوزير إن"}', encoding="utf-8")
    code, _, err = run(capsys, ["score", str(article), "--model", str(tmp_path / "none.json")])
    assert code == 2 and "no model card" in err
