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
