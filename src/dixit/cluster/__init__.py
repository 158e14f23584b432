"""Running the analysis on a Dask distributed cluster.

The client lists the input files and cuts them into partitions; each worker reads and
analyses its partitions (the spaCy pipeline loaded once per worker process and kept) and
writes the store's tables as Parquet files, atomically; the client loads every finished
partition into the DuckDB store while the others run. A worker that dies loses nothing:
Dask runs its task again elsewhere, which rewrites the same files (see docs/cluster.md).

    from dixit.cluster import ingest_on_cluster
    report = ingest_on_cluster(["articles/"], "local:2", db="corpus.duckdb")
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dixit.cluster.load import LoadCount, load_partition, load_partitions
from dixit.cluster.sources import Partition, list_sources, plan_partitions
from dixit.store import open_store

__all__ = [
    "ClusterReport", "Partition", "connect", "ingest_on_cluster", "load_partitions", "plan_partitions",
    "run_partitions",
]


@dataclass
class ClusterReport:
    """What a cluster run did, for the CLI to print and for tests to check."""

    address: str
    out_dir: str
    db: str
    sources: int = 0
    partitions: int = 0
    reused: int = 0  # partitions a previous run had already written
    articles: int = 0  # articles analysed (written to Parquet)
    words: int = 0
    loaded: int = 0  # articles added to the store
    skipped: int = 0  # articles the store already had
    errors: int = 0  # documents that could not be read or analysed
    failed: list[str] = field(default_factory=list)  # partitions that failed after all retries, with why
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        text = (
            f"{self.articles} articles analysed in {self.partitions} partitions ({self.reused} reused) "
            f"in {self.seconds:.1f} s ({rate:,.0f} words/s); {self.loaded} added to {self.db}, "
            f"{self.skipped} already there; {self.errors} errors; Parquet in {self.out_dir}"
        )
        return text + (f"; {len(self.failed)} partitions FAILED" if self.failed else "")

    def __str__(self) -> str:
        return self.summary()


@contextmanager
def connect(address: str):
    """A Dask client: `local:N` starts a local cluster of N single-threaded worker processes
    (spaCy holds the GIL: one thread per process is what scales); anything else is the
    address of a running scheduler (tcp://host:8786)."""
    from dask.distributed import Client, LocalCluster

    if address.startswith("local:"):
        n = int(address.split(":", 1)[1] or 1)
        with (
            LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            yield client
    else:
        with Client(address) as client:
            yield client


def ingest_on_cluster(
    paths: Iterable[str],
    address: str,
    *,
    db: str,
    out_dir: str | None = None,
    published: str | None = None,
    language: str | None = None,
    partition_size: int = 64,
    retries: int = 3,
    on_partition: Callable[[Any, dict], None] | None = None,
) -> ClusterReport:
    """Analyse files on a Dask cluster, write Parquet partitions and load them into `db`.

    `out_dir` (default: `<db>.parts/`) must be reachable by every worker and the client
    under the same path (a shared filesystem on a real cluster). Partitions hold at most
    `partition_size` sources, fewer when the input is small for the cluster (see
    `balanced_size`); partitions already written by an earlier run over the same files on
    the same cluster are reused. `on_partition(client, manifest)` is
    called on the client after each partition is loaded (progress bars, tests).
    """
    started = time.perf_counter()
    out = str(Path(out_dir) if out_dir else Path(f"{db}.parts"))
    Path(out).mkdir(parents=True, exist_ok=True)
    sources = list_sources(paths)
    report = ClusterReport(address=address, out_dir=out, db=str(db), sources=len(sources))
    with connect(address) as client:
        size = balanced_size(len(sources), partition_size, sum(client.nthreads().values()))
        parts = plan_partitions(sources, out, size=size, published=published, language=language)
        report.partitions = len(parts)
        run_partitions(client, parts, db=str(db), report=report, retries=retries, on_partition=on_partition)
    report.seconds = time.perf_counter() - started
    return report


def balanced_size(n_sources: int, partition_size: int, n_threads: int) -> int:
    """At most `partition_size`, and small enough that every worker thread gets about four
    partitions: a small input is then spread over the whole cluster, not run by one worker."""
    return max(1, min(partition_size, math.ceil(n_sources / (4 * max(1, n_threads)))))


def run_partitions(
    client: Any,
    parts: list[Partition],
    *,
    db: str,
    report: ClusterReport,
    retries: int = 3,
    on_partition: Callable[[Any, dict], None] | None = None,
) -> ClusterReport:
    """Submit the partitions to `client`'s cluster and load each into `db` as it finishes."""
    from dask.distributed import as_completed

    from dixit.cluster.worker import run_partition

    store = open_store(db)
    try:
        futures = {
            client.submit(run_partition, p, key=f"dixit-partition-{p.key}", retries=retries, pure=False): p
            for p in parts
        }
        for future in as_completed(futures):
            part = futures.pop(future)
            try:
                manifest = future.result()
            except Exception as err:  # noqa: BLE001 - the run goes on; the partition is reported
                report.failed.append(f"partition {part.index} ({part.sources[0]}...): {err!r}")
                continue
            _count(report, manifest, load_partition(store, part.out_dir, part.key))
            if on_partition is not None:
                on_partition(client, manifest)
    finally:
        store.close()
    return report


def _count(report: ClusterReport, manifest: dict, loaded: LoadCount) -> None:
    report.reused += bool(manifest.get("reused"))
    report.articles += manifest["counts"]["articles"]
    report.words += manifest.get("words", 0)
    report.errors += manifest["counts"]["errors"]
    report.loaded += loaded.loaded
    report.skipped += loaded.skipped
