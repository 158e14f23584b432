"""The store contract: one transaction per article, stored once, versioned schema."""

from __future__ import annotations

from dixit.store import open_store
from dixit.store.duckdb_store import SCHEMA_VERSION


def test_article_stored_once(tmp_path, analyze_fr):
    art = analyze_fr("Titre — Journal\nLe ministre a déclaré que la France soutiendrait l'Allemagne.")
    store = open_store(str(tmp_path / "t.duckdb"))
    assert store.add_article(art, path="a.txt") is True
    assert store.add_article(art, path="copy.txt") is False
    assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 1
    assert store.query("SELECT max(version) AS v FROM schema_version WHERE part = 'core'")[0]["v"] == SCHEMA_VERSION
    store.close()
    again = open_store(str(tmp_path / "t.duckdb"))  # reopening does not migrate twice
    assert again.query("SELECT count(*) AS n FROM schema_version")[0]["n"] == SCHEMA_VERSION
