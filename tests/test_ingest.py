"""Ingesting: stored once, skipped before analysis, errors recorded, SIGKILL-safe, resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dixit.store import ingest as ingest_mod
from dixit.store import open_store
from dixit.store import queries as Q
from dixit.store.ingest import ingest
from test_ingest_sources import make_bad_folder

REPO = Path(__file__).resolve().parents[1]

# Short sentences written for these tests, combined so that every article differs. English:
# its small pipeline loads in a second or two, which matters for tests that start processes.
OPENINGS = [
    "The farm minister announced new help for cattle breeders.",
    "The city council closed two schools after the floods.",
    "The union called a strike on the regional trains.",
    "The government presented a plan for rural hospitals.",
    "The police banned the march planned for Saturday.",
]
MIDDLES = [
    "\"We will do what is needed,\" the spokeswoman said.",
    "According to the local paper, the works will last a year.",
    "Residents complained about a lack of information.",
    "The opposition asked for a parliamentary inquiry.",
]


def generated_articles(n: int) -> list[str]:
    return [
        f"Dispatch number {i} — The Courier\n{OPENINGS[i % 5]} {MIDDLES[i % 4]} Officials counted {i + 3} cases."
        for i in range(n)
    ]


def count(store, sql: str) -> int:
    return store.query(sql)[0]["n"]


def test_ingest_twice_stores_once_and_skips_analysis(tmp_path, monkeypatch, analyze_fr):
    folder = tmp_path / "in"
    expected_errors = make_bad_folder(folder)
    db = str(tmp_path / "s.duckdb")
    first = ingest([str(folder)], db, language="fr", progress="none")
    assert (first.stored, first.errors) == (5, len(expected_errors))  # good.txt, 2 JSON lines, 2 WARC pages

    # a second run must not analyse anything: every text is known by its content id
    def no_analysis(items):
        raise AssertionError(f"analysed again: {[s for s, _, _ in items]}")

    monkeypatch.setattr(ingest_mod, "analyse_chunk", no_analysis)
    (folder / "copy.txt").write_text((folder / "good.txt").read_text(encoding="utf-8"), encoding="utf-8")
    second = ingest([str(folder)], db, language="fr", progress="none")
    assert (second.stored, second.duplicates, second.errors) == (0, 6, len(expected_errors))

    store = open_store(db, read_only=True)
    assert count(store, "SELECT count(*) AS n FROM articles") == 5
    assert count(store, "SELECT count(DISTINCT article_id) AS n FROM articles") == 5
    assert count(store, "SELECT count(*) AS n FROM sources") == 6  # copy.txt points at good.txt's article
    errors = Q.errors(store)
    assert len(errors) == len(expected_errors) and all(e["attempts"] == 2 for e in errors)
    outlet = store.query("SELECT outlet, url, published FROM articles WHERE url = 'http://x/1'")
    assert outlet == [{"outlet": "Le Jour", "url": "http://x/1", "published": __import__("datetime").date(2024, 5, 2)}]
    store.close()


def test_error_closes_when_source_succeeds(tmp_path, analyze_fr):
    path = tmp_path / "late.txt"
    path.write_bytes(b"")
    db = str(tmp_path / "s.duckdb")
    ingest([str(path)], db, language="fr", progress="none")
    assert [e["reason"] for e in Q.errors(db)] == ["empty file"]
    path.write_text("Le préfet a levé l'alerte après la décrue de la rivière.", encoding="utf-8")
    ingest([str(path)], db, language="fr", progress="none")
    assert Q.errors(db) == []
    assert [e["source"] for e in Q.errors(db, open_only=False)] == [str(path)]


@pytest.mark.slow
def test_sigkill_midway_then_rerun_finishes_without_loss_or_double(tmp_path):
    texts = generated_articles(200)
    lines = [json.dumps({"text": t, "outlet": "The Courier", "published": f"2024-03-{i % 28 + 1:02d}"})
             for i, t in enumerate(texts)]
    lines.insert(50, '{"text": broken')
    lines.insert(120, json.dumps({"text": "   "}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "k.duckdb")
    cmd = [sys.executable, "-c", "from dixit.cli import main; main()", "ingest", str(feed), "--db", db,
           "--jobs", "1", "--language", "en", "--progress", "lines"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 300
    for line in proc.stderr:  # kill as soon as the first articles are committed
        if line.startswith("committed:") and " stored=0 " not in line or time.monotonic() > deadline:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    store = open_store(db, read_only=True)  # the WAL replays: whole chunks or nothing
    partial = count(store, "SELECT count(*) AS n FROM articles")
    assert 0 < partial < 200
    orphans = "SELECT count(*) AS n FROM articles WHERE article_id NOT IN (SELECT article_id FROM sources)"
    assert count(store, orphans) == 0
    store.close()

    # the same job again (in this process: the pipeline is already loaded) finishes it
    rerun = ingest([str(feed)], db, jobs=1, language="en", progress="none")
    assert rerun.stored == 200 - partial and rerun.duplicates == partial
    store = open_store(db, read_only=True)
    assert count(store, "SELECT count(*) AS n FROM articles") == 200
    assert count(store, "SELECT count(DISTINCT article_id) AS n FROM articles") == 200
    assert {r["text"] for r in store.query("SELECT text FROM articles")} == set(texts)
    assert count(store, "SELECT count(*) AS n FROM sources") == 200
    errors = {Path(e["source"]).name: e["reason"] for e in Q.errors(store)}
    assert set(errors) == {"feed.jsonl:51", "feed.jsonl:121"}
    assert "broken JSON" in errors["feed.jsonl:51"] and "'text'" in errors["feed.jsonl:121"]
    # every article's records came with it: mentions add up to what entities announce
    assert store.query(
        "SELECT (SELECT coalesce(sum(n_mentions), 0) FROM entities) = (SELECT count(*) FROM mentions) AS ok"
    )[0]["ok"]
    store.close()


@pytest.mark.slow
def test_parallel_jobs_store_the_same(tmp_path):
    texts = generated_articles(40)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": t}) for t in texts + texts[:5]) + "\n", encoding="utf-8")
    db = str(tmp_path / "p.duckdb")
    stats = ingest([str(feed)], db, jobs=2, language="en", progress="none")
    assert (stats.stored, stats.duplicates, stats.errors) == (40, 5, 0)
    serial = ingest([str(feed)], str(tmp_path / "s.duckdb"), jobs=1, language="en", progress="none")
    assert serial.stored == 40
    a, b = open_store(db, read_only=True), open_store(str(tmp_path / "s.duckdb"), read_only=True)
    sql = "SELECT article_id, record FROM articles ORDER BY article_id"
    assert [r["article_id"] for r in a.query(sql)] == [r["article_id"] for r in b.query(sql)]
    a.close()
    b.close()
