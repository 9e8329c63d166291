import json
import shutil

import pytest

from scorer.artifacts import ModelError, load_model


@pytest.fixture()
def model_copy(tiny_model, tmp_path):
    _, card_path = tiny_model
    for path in card_path.parent.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / card_path.name


def test_card_describes_the_model(model_copy):
    card = json.loads(model_copy.read_text("utf-8"))
    assert card["training_data"]["sha256"] and card["training_data"]["rows_used"] == 40
    assert {"tfidf_baseline", "text_only", "signals_only", "combined"} <= set(
        card["cross_validation"]
    )
    assert card["environment"]["scikit-learn"] and card["artifact_sha256"]
    assert (
        card["features"][-3:] == ["text_tfidf", "text_nb_word", "text_nb_char"]
        and card["known_limits"]
    )
    model, loaded_card = load_model(model_copy)
    assert loaded_card == card and model.name == "tiny"


def test_tampered_artefact_is_refused(model_copy):
    artefact = model_copy.with_name("tiny.pkl.gz")
    artefact.write_bytes(artefact.read_bytes() + b"\0")
    with pytest.raises(ModelError, match="SHA-256"):
        load_model(model_copy)


def test_other_scikit_learn_version_is_refused(model_copy):
    card = json.loads(model_copy.read_text("utf-8"))
    card["environment"]["scikit-learn"] = "0.1"
    model_copy.write_text(json.dumps(card), "utf-8")
    with pytest.raises(ModelError, match=r"scikit-learn 0\.1"):
        load_model(model_copy)


def test_missing_card_or_artefact(model_copy, tmp_path):
    with pytest.raises(ModelError, match="no model card"):
        load_model(tmp_path / "absent.json")
    model_copy.with_name("tiny.pkl.gz").unlink()
    with pytest.raises(ModelError, match="missing"):
        load_model(model_copy)
