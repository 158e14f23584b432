"""A worker killed (SIGKILL) in the middle of a cluster run loses no document and doubles none."""

from __future__ import annotations

import os
import signal

import pyarrow.parquet as pq
import pytest

from dixit.cluster import ingest_on_cluster
from dixit.cluster.parquet import complete_partitions, table_path

PLACES = ["Lyon", "Nantes", "Lille", "Rennes", "Dijon", "Brest", "Metz", "Nice"]


def article(i: int) -> str:
    """A short, distinct French article (a few sentences so that a partition takes a moment)."""
    place = PLACES[i % len(PLACES)]
    body = " ".join(
        f"Le maire de {place} a déclaré le {d} mars que la ville ouvrirait {i + d} nouvelles écoles."
        for d in range(1, 13)
    )
    return f"Conseil municipal n° {i} — Le Journal\n{body}"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_worker_loses_and_doubles_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    n_docs = 24
    for i in range(n_docs):
        (folder / f"a{i:02d}.txt").write_text(article(i), encoding="utf-8")
    killed: list[int] = []
    in_flight: list[str] = []  # partition keys the killed worker was running
    writers: dict[str, int] = {}  # partition key -> pid of the process that wrote it

    def kill_a_busy_worker(client, manifest):
        writers[manifest["key"]] = manifest["pid"]
        if killed:
            return
        pids = client.run(os.getpid)
        busy = {addr: keys for addr, keys in client.processing().items() if keys}
        # Prefer a worker still in its first partition (loading the model): surely mid-task.
        victim = next((a for a in busy if pids[a] != manifest["pid"]), next(iter(busy), None))
        if victim is None:
            return
        in_flight.extend(k.removeprefix("dixit-partition-") for k in busy[victim])
        os.kill(pids[victim], signal.SIGKILL)
        killed.append(pids[victim])

    out, db = tmp_path / "parts", str(tmp_path / "t.duckdb")
    report = ingest_on_cluster(
        [str(folder)], "local:2", db=db, out_dir=str(out), language="fr", partition_size=3,
        on_partition=kill_a_busy_worker,
    )
    assert killed, "no worker was killed"
    assert in_flight and all(writers[k] != killed[0] for k in in_flight)  # redone by another process
    assert report.failed == []
    assert report.partitions == 8 and len(complete_partitions(out)) == 8
    assert (report.loaded, report.errors) == (n_docs, 0)

    ids = [r["article_id"] for key in complete_partitions(out)
           for r in pq.read_table(table_path(out, "articles", key), columns=["article_id"]).to_pylist()]
    assert len(ids) == len(set(ids)) == n_docs  # every document once in the Parquet output
    from dixit.store import open_store

    store = open_store(db)
    assert store.query("SELECT count(DISTINCT path) AS n FROM articles")[0]["n"] == n_docs
    assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == n_docs
    store.close()
