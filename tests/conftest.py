"""Shared fixtures. Tests that read ../shared/corpus are marked `corpus` and skip cleanly
when it is absent; unit tests use short sentences written for them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIXIT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS / "dev").is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def analyze_fr():
    """Analyse a French text (the pipeline is loaded once for the whole session)."""
    from dixit import analyze

    return lambda text, **kw: analyze(text, language="fr", **kw)


@pytest.fixture(scope="session")
def analyze_en():
    from dixit import analyze

    return lambda text, **kw: analyze(text, language="en", **kw)
