"""Fixtures shared by every test folder: where the repo and ../shared are."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real pages; tests that need it skip when it is absent."""
    if not (CORPUS / "readability-pages").is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it sits beside the repo in CI)")
    return CORPUS
