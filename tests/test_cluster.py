"""Cluster runs: partitions planned on the client, written atomically by workers, loaded once.

These tests run the worker's function in the test process (the spaCy pipeline is loaded
once per session); the Dask run with a killed worker is in test_cluster_kill.py.
"""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from dixit.cluster import load_partitions, plan_partitions
from dixit.cluster.parquet import all_tables, complete_partitions, manifest_path, table_path, write_atomic
from dixit.cluster.sources import list_sources
from dixit.cluster.worker import run_partition

TEXTS = [
    "Sommet à Lyon — Le Quotidien\nLe ministre Paul Durand a déclaré que la Belgique aiderait la Suisse.",
    "Accord signé — La Gazette\nMarie Lefèvre, présidente de l'association, a annoncé un accord avec Renault.",
    "Grève à Nantes\nLes syndicats ont appelé à manifester jeudi devant la mairie de Nantes.",
]


def write_files(folder, texts):
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_sources_listed_and_partition_keys_stable(tmp_path):
    folder = write_files(tmp_path / "in", TEXTS)
    (folder / ".hidden").write_text("x")
    sources = list_sources([str(folder)])
    assert [s.rsplit("/", 1)[1] for s in sources] == ["a00.txt", "a01.txt", "a02.txt"]
    parts = plan_partitions(sources, str(tmp_path / "out"), size=2)
    assert [p.sources for p in parts] == [tuple(sources[:2]), tuple(sources[2:])]
    again = plan_partitions(sources, str(tmp_path / "out"), size=2)
    assert [p.key for p in parts] == [p.key for p in again]  # a re-run finds its partitions
    other = plan_partitions(sources, str(tmp_path / "out"), size=2, published="2024-05-01")
    assert {p.key for p in parts}.isdisjoint(p.key for p in other)  # options change the result
    with pytest.raises(ValueError):
        plan_partitions(sources, "out", size=0)


def test_partition_written_whole_then_reused(tmp_path, analyze_fr):
    folder = write_files(tmp_path / "in", TEXTS)
    (folder / "empty.txt").write_text("   \n")
    out = tmp_path / "out"
    (part,) = plan_partitions(list_sources([str(folder)]), str(out), size=10, language="fr")
    manifest = run_partition(part)
    assert manifest["reused"] is False
    assert manifest["counts"]["articles"] == 3 and manifest["counts"]["errors"] == 1
    for table in all_tables():
        assert table_path(out, table, part.key).exists()
    assert not list(out.rglob("*.tmp"))  # no temporary file left behind
    errors = pq.read_table(table_path(out, "errors", part.key)).to_pylist()
    assert errors[0]["source"].endswith("empty.txt") and "empty" in errors[0]["reason"]
    articles = pq.read_table(table_path(out, "articles", part.key)).to_pylist()
    assert sorted(a["path"].rsplit("/", 1)[1] for a in articles) == ["a00.txt", "a01.txt", "a02.txt"]
    assert run_partition(part)["reused"] is True  # complete: not analysed again
    assert complete_partitions(out) == [part.key]


def test_retried_partition_rewrites_same_files_and_loads_once(tmp_path, analyze_fr):
    folder = write_files(tmp_path / "in", TEXTS + [TEXTS[0]])  # the same text twice: one article
    out = tmp_path / "out"
    parts = plan_partitions(list_sources([str(folder)]), str(out), size=2, language="fr")
    for p in parts:
        run_partition(p)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    manifest_path(out, parts[0].key).unlink()  # an attempt that died before its manifest
    assert complete_partitions(out) == sorted(p.key for p in parts[1:])
    run_partition(parts[0])  # the retry
    assert sorted(p for p in out.rglob("*") if p.is_file()) == files

    db = str(tmp_path / "t.duckdb")
    first = load_partitions(out, db)
    assert (first.loaded, first.skipped) == (3, 1)
    second = load_partitions(out, db)
    assert (second.loaded, second.skipped, second.errors) == (0, 4, 0)
    from dixit.store import open_store

    store = open_store(db)
    rows = store.query("SELECT count(*) AS n, count(DISTINCT article_id) AS u FROM articles")[0]
    assert rows == {"n": 3, "u": 3}
    mentions = store.query("SELECT count(*) AS n FROM mentions")[0]["n"]
    per_article = store.query("SELECT count(*) AS n FROM (SELECT DISTINCT * FROM mentions)")[0]["n"]
    assert mentions == per_article > 0  # child rows not doubled either
    # every source is recorded, the duplicate too, so the store knows what yielded what
    assert store.query("SELECT count(*) AS n, count(DISTINCT article_id) AS u FROM sources")[0] == {"n": 4, "u": 3}
    store.close()


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "t" / "part-x.parquet"
    write_atomic(target, lambda tmp: tmp.write_text("complete"))

    def broken(tmp):
        tmp.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomic(target, broken)
    assert target.read_text() == "complete"
    assert [p.name for p in target.parent.iterdir()] == ["part-x.parquet"]
