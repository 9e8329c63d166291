"""Shared fixtures: the bundled example article and the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "syria_withdrawal_rumour.txt"


@pytest.fixture(scope="session")
def example() -> tuple[str, str]:
    title, _, body = EXAMPLE.read_text(encoding="utf-8").partition("\n")
    return title, body


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the project")
    return SHARED


@pytest.fixture(scope="session")
def labelled_jsonl(tmp_path_factory) -> Path:
    """The hand-written labelled fixture as a JSONL file."""
    import json

    from fixtures import labelled_rows

    path = tmp_path_factory.mktemp("data") / "labelled.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in labelled_rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, labelled_jsonl):
    """A model trained on the fixture and saved with its card: (model, card path)."""
    from scorer.artifacts import save_model
    from scorer.training import train

    model, card = train(labelled_jsonl, "label", "trusted", "tiny", folds=2)
    _, card_path = save_model(model, tmp_path_factory.mktemp("models") / "tiny", card)
    return model, card_path


@pytest.fixture(scope="session")
def tiny_scorer(tiny_model):
    """The tiny model as scoring loads it (its ``ScoringModel``)."""
    from scorer.artifacts import load_model

    return load_model(tiny_model[1])[0]
