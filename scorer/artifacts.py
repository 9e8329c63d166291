"""Save and load a credibility model with its JSON card, verified on load.

A model is two files beside its card: the artefact scoring loads (``NAME.pkl.gz``, a
``ScoringModel``: numpy arrays and plain Python, so loading it imports neither scikit-learn nor
SciPy) and the fitted scikit-learn pipeline it was copied from (``NAME.pipeline.pkl.gz``, for
inspection and for checking the copy; ``load_pipeline``).

A model file is code: unpickling it can run anything, so load only models you trust.
The card's SHA-256 catches a corrupted or swapped artefact, not a replaced card: it is a check
against accidents, not a signature. A model is loaded only when its artefact, a file in the
card's own folder, matches the card's SHA-256, and only with the scikit-learn version it was
trained with; every failure is a one-line ``ModelError``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
import platform
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError
from pydantic import Field as PydanticField

from scorer.errors import ScorerError, first_problem
from scorer.scoring import ScoringModel

if TYPE_CHECKING:
    from scorer.model import CredibilityModel

DEFAULT_MODEL = "credscore-mce-2013"


class ModelError(ScorerError):
    """A model file or its card is missing, tampered with, or from another environment."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def environment() -> dict[str, str]:
    """Versions that a model artefact depends on."""
    import numpy

    from scorer import __version__

    return {
        "python": platform.python_version(),
        "scikit-learn": metadata.version("scikit-learn"),
        "numpy": numpy.__version__,
        "credscore": __version__,
    }


ARTEFACT_SUFFIX = ".pkl.gz"  # pickle protocol 5, gzip: loads ~10x faster than joblib's format
PIPELINE_SUFFIX = ".pipeline.pkl.gz"


def _write_pickle(value: object, path: Path) -> None:
    pickled = pickle.dumps(value, protocol=5)
    path.write_bytes(gzip.compress(pickled, compresslevel=6, mtime=0))  # reproducible


def save_model(model: CredibilityModel, stem: Path, card: dict) -> tuple[Path, Path]:
    """Write ``stem.pkl.gz`` (the scoring model), ``stem.pipeline.pkl.gz`` (the fitted
    pipeline) and ``stem.json`` (the card, with both files' SHA-256)."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    artefact = stem.with_name(stem.name + ARTEFACT_SUFFIX)
    pipeline = stem.with_name(stem.name + PIPELINE_SUFFIX)
    card_path = stem.with_name(stem.name + ".json")
    _write_pickle(model.scoring_model(), artefact)
    _write_pickle(model, pipeline)
    full_card = {
        **card,
        "name": model.name,
        "version": model.version,
        "artifact": artefact.name,
        "artifact_sha256": sha256_file(artefact),
        "artifact_bytes": artefact.stat().st_size,
        "pipeline_artifact": pipeline.name,
        "pipeline_artifact_sha256": sha256_file(pipeline),
        "environment": environment(),
    }
    card_path.write_text(json.dumps(full_card, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return artefact, card_path


def _card_of(path: Path) -> Path:
    """The card of a model given by its card or its artefact."""
    for suffix in (PIPELINE_SUFFIX, ARTEFACT_SUFFIX, ".joblib"):
        if path.name.endswith(suffix):
            return path.with_name(path.name.removesuffix(suffix) + ".json")
    return path.with_suffix(".json")


def default_model_path() -> Path:
    """The bundled default model's card.

    The repository keeps it in ``models/``; the build ships that folder as the package
    ``scorer.default_model``, so wheels and editable installs find it the same way.
    """
    return Path(str(resources.files("scorer.default_model") / f"{DEFAULT_MODEL}.json"))


class _Environment(BaseModel):
    scikit_learn: str = PydanticField(alias="scikit-learn")


class _CardCheck(BaseModel):
    """The fields of a model card that loading relies on; the rest is documentation."""

    artifact: str
    artifact_sha256: str = PydanticField(pattern=r"^[0-9a-f]{64}$")
    environment: _Environment


def read_card(card_path: Path) -> dict:
    """The card as a dict, checked for the fields that loading relies on."""
    try:
        card = json.loads(card_path.read_text("utf-8"))
    except FileNotFoundError as error:
        raise ModelError(f"no model card at {card_path}") from error
    except (OSError, ValueError) as error:  # JSON or UTF-8 errors are ValueErrors
        raise ModelError(f"cannot read model card {card_path}: {error}") from error
    try:
        _CardCheck.model_validate(card)
    except ValidationError as error:
        raise ModelError(f"invalid model card {card_path}: {first_problem(error)}") from error
    return card


def verify_model(path: Path | str | None = None, part: str = "artifact") -> tuple[Path, dict]:
    """Check a model's artefact (``part``: "artifact", or "pipeline_artifact" for the fitted
    pipeline) against its card without loading it: (artefact path, card).

    Raises ``ModelError`` if the card is invalid, names a file outside its own folder, the
    artefact's SHA-256 does not match, or the scikit-learn version differs from the one it was
    saved with.
    """
    card_path = _card_of(Path(path) if path is not None else default_model_path())
    card = read_card(card_path)
    name = card.get(part)
    if not isinstance(name, str) or not name or Path(name).name != name or name in (".", ".."):
        raise ModelError(f"{card_path}: the artefact must be a file beside its card, not {name!r}")
    artefact = card_path.parent / name
    if not artefact.is_file():
        raise ModelError(f"model artefact {artefact} is missing")
    if sha256_file(artefact) != card.get(f"{part}_sha256"):
        raise ModelError(f"{artefact.name}: SHA-256 does not match its card; refusing to load")
    trained_with, installed = card["environment"]["scikit-learn"], metadata.version("scikit-learn")
    if trained_with != installed:
        raise ModelError(
            f"{artefact.name} was saved with scikit-learn {trained_with}, this is "
            f"{installed}: retrain it with `credscore train` or install that version"
        )
    return artefact, card


def _unpickle(artefact: Path) -> object:
    try:
        if artefact.name.endswith(".joblib"):
            import joblib

            return joblib.load(artefact)
        return pickle.loads(gzip.decompress(artefact.read_bytes()))
    except Exception as error:  # unpickling fails in many ways; each is this one error here
        raise ModelError(f"cannot load {artefact.name}: {type(error).__name__}: {error}") from error


def load_model(path: Path | str | None = None) -> tuple[ScoringModel, dict]:
    """Load a model for scoring from its card (``.json``) or artefact path, verified first.

    Without a path, the bundled default model. Artefacts that hold a fitted pipeline (saved
    before 0.3, ``.joblib`` before 0.2) load too: their scoring model is copied out.
    """
    artefact, card = verify_model(path)
    model = _unpickle(artefact)
    if isinstance(model, ScoringModel):
        return model, card
    from scorer.model import CredibilityModel

    if isinstance(model, CredibilityModel):
        return model.scoring_model(), card
    raise ModelError(f"{artefact.name} does not hold a credscore model")


def load_pipeline(path: Path | str | None = None) -> tuple[CredibilityModel, dict]:
    """The fitted scikit-learn pipeline a model was copied from, verified first."""
    from scorer.model import CredibilityModel

    artefact, card = verify_model(path, "pipeline_artifact")
    model = _unpickle(artefact)
    if not isinstance(model, CredibilityModel):
        raise ModelError(f"{artefact.name} does not hold a credscore pipeline")
    return model, card
