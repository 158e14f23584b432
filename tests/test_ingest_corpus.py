"""The dev corpus through the store: ingested twice, stored once; queries find what analysis found.

The analysis of each article is the session's shared one (`dev_analyses`), served to the
ingest in place of a second parse, so this test costs no extra spaCy time.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dixit.cli import main
from dixit.model import content_id
from dixit.store import ingest as ingest_mod
from dixit.store import open_store
from dixit.store import queries as Q
from dixit.store.rows import article_rows

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory, dev_analyses, corpus_dir):
    by_id = {art.id: art for _, _, art in dev_analyses}
    calls: list[str] = []

    def served(items):
        calls.extend(source for source, _, _ in items)
        return [("ok", source, url, article_rows(by_id[content_id(doc.text)], path=source, url=url))
                for source, url, doc in items]

    db = str(tmp_path_factory.mktemp("dev") / "dev.duckdb")
    mp = pytest.MonkeyPatch()
    mp.setattr(ingest_mod, "analyse_chunk", served)
    try:
        txt = sorted(str(p) for p in (corpus_dir / "dev").glob("*.txt"))
        first = ingest_mod.ingest(txt, db, progress="none")
        analysed_once = len(calls)
        second = ingest_mod.ingest([str(corpus_dir / "dev")], db, progress="none")  # the folder: same texts
    finally:
        mp.undo()
    return db, first, second, analysed_once, len(calls), len(txt)


def test_dev_corpus_ingested_twice_stored_once(dev_store):
    db, first, second, analysed_once, analysed_total, n = dev_store
    assert n == 35
    assert (first.stored, first.errors) == (n, 0)
    assert (second.stored, second.duplicates, second.errors) == (0, n, 0)
    assert analysed_once == analysed_total == n  # the second run analysed nothing
    store = open_store(db, read_only=True)
    assert store.query("SELECT count(*) AS n, count(DISTINCT article_id) AS d FROM articles") == [{"n": n, "d": n}]
    store.close()


def test_kim_quotes_listed_with_outlet(dev_store, dev_analyses):
    db = dev_store[0]
    result = CliRunner().invoke(main, ["quotes", "--speaker", "Kim Jong-un", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    # what the analysis attributed to him (under any of his stored names) is what the store lists
    kim = Q.resolve_actor(db, "Kim Jong-un")
    expected = sum(1 for _, _, art in dev_analyses for q in art.quotes if q.speaker in kim)
    assert expected > 0 and len(rows) == expected
    assert all(r["outlet"] and r["article_id"] and "published" in r for r in rows)


def test_dyad_returns_a_series(dev_store):
    db = dev_store[0]
    result = CliRunner().invoke(main, ["dyad", "PRK", "RUS", "--db", db, "--format", "jsonl", "--all-statuses"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    events = Q.events(db, source="PRK", target="RUS") + Q.events(db, source="RUS", target="PRK")
    assert sum(r["events"] for r in rows) == len({(e["article_id"], e["event_no"]) for e in events})
    assert all(r["period"] is None for r in rows[-1:]) or all(r["period"] for r in rows)  # undated last
