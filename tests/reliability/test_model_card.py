"""Broken, hostile or mismatched model cards and artefacts are one-line ModelErrors."""

from __future__ import annotations

import json
import shutil

import pytest

from scorer.artifacts import ModelError, load_model, sha256_file


@pytest.fixture
def model_copy(tiny_model, tmp_path):
    """A copy of the tiny model's card and artefact in a folder of its own: (card, artefact)."""
    _, card_path = tiny_model
    card = json.loads(card_path.read_text("utf-8"))
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(card_path, folder / card_path.name)
    shutil.copy(card_path.parent / card["artifact"], folder / card["artifact"])
    return folder / card_path.name, folder / card["artifact"]


def _edit_card(card_path, change) -> None:
    card = json.loads(card_path.read_text("utf-8"))
    change(card)
    card_path.write_text(json.dumps(card), "utf-8")


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (lambda path: path.write_text("[1, 2]", "utf-8"), "invalid model card"),
        (lambda path: path.write_bytes(b"\xff\xfe{"), "cannot read model card"),
        (lambda path: path.write_text("{", "utf-8"), "cannot read model card"),
        (lambda path: _edit_card(path, lambda c: c.update(artifact=5)), "artifact"),
        (lambda path: _edit_card(path, lambda c: c.update(environment="x")), "environment"),
        (lambda path: _edit_card(path, lambda c: c.update(artifact="/etc/passwd")), "beside"),
        (lambda path: _edit_card(path, lambda c: c.update(artifact="../x.joblib")), "beside"),
        (lambda path: _edit_card(path, lambda c: c.update(artifact_sha256="0" * 64)), "SHA-256"),
    ],
)
def test_bad_cards_are_model_errors(model_copy, write, message):
    card_path, _ = model_copy
    write(card_path)
    with pytest.raises(ModelError, match=message):
        load_model(card_path)


def test_a_truncated_artefact_whose_hash_matches_is_a_model_error(model_copy):
    card_path, artefact = model_copy
    artefact.write_bytes(artefact.read_bytes()[:1000])
    _edit_card(card_path, lambda c: c.update(artifact_sha256=sha256_file(artefact)))
    with pytest.raises(ModelError, match="cannot load"):
        load_model(card_path)
