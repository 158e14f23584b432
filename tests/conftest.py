"""Shared fixtures. Tests that read ../shared/corpus are marked `corpus` and skip cleanly
when it is absent; unit tests use short sentences written for them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIXIT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
CHROMIUM = "/usr/bin/chromium"  # Debian's, driven by Playwright in the `browser` tests
SHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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


@pytest.fixture(scope="session")
def dev_analyses(corpus_dir):
    """Every dev article analysed once per test session: [(path, gold dict or None, Article)].

    Tests that need the whole dev set share this instead of analysing it again.
    """
    import json

    from dixit.core import Document, analyze_many

    paths = sorted((corpus_dir / "dev").glob("*.txt"))
    docs = [Document(p.read_text(encoding="utf-8"), source=str(p)) for p in paths]
    out = []
    for p, art in zip(paths, analyze_many(docs), strict=True):
        gold_path = p.with_name(p.name.removesuffix(".txt") + ".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else None
        out.append((p, gold, art))
    return out


@pytest.fixture(scope="session")
def dev_summary(dev_analyses):
    """The dev set's scores for one language (`dixit eval`'s summary), from the shared analyses."""
    from dixit.evaluate.gold import score_article, summarize

    def summary(language: str) -> dict:
        return summarize([score_article(p.name, gold, art.to_dict()) for p, gold, art in dev_analyses
                          if gold is not None and gold.get("language") == language])

    return summary


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the session (Playwright allows one sync driver)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
