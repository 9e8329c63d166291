"""The committed lock (constraints.txt) covers pyproject.toml and the bundled model's versions."""

from __future__ import annotations

import json
import tomllib

from conftest import ROOT
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

LOCK = ROOT / "constraints.txt"


def locked_versions() -> dict[str, Version]:
    """Pins of the lock that apply to this interpreter, by canonical name."""
    pins: dict[str, Version] = {}
    for line in LOCK.read_text("utf-8").splitlines():
        requirement, _, marker = line.partition(";")
        if not requirement.strip() or line.startswith(("#", " ")):
            continue
        if marker.strip() and not Marker(marker).evaluate():
            continue
        name, _, version = requirement.partition("==")
        assert version, f"not an exact pin: {line!r}"
        pins[canonicalize_name(name)] = Version(version.strip())
    return pins


def declared_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared.extend(extra)
    return [Requirement(text) for text in declared]


def test_every_declared_dependency_is_pinned_within_its_bounds():
    pins = locked_versions()
    for requirement in declared_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in constraints.txt: refresh the lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {name}=={pins[name]}, outside pyproject's {requirement}"
        )


def test_lock_pins_the_scikit_learn_the_default_model_was_saved_with():
    card = json.loads((ROOT / "models" / "credscore-mce-2013.json").read_text("utf-8"))
    assert locked_versions()["scikit-learn"] == Version(card["environment"]["scikit-learn"])
