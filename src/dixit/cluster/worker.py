"""What a worker does with one partition: read, analyse, write Parquet atomically.

This module is imported by the workers (it is what the tasks name), so the spaCy pipeline
that `dixit.nlp.load_pipeline` caches stays loaded in the worker process between tasks.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from dixit.cluster.parquet import ERRORS_TABLE, all_tables, read_manifest, write_partition
from dixit.cluster.sources import Partition, read_partition
from dixit.core import Document, analyze_each
from dixit.errors import InputError
from dixit.model import Article
from dixit.store.rows import article_rows


def run_partition(part: Partition, batch_size: int = 16) -> dict[str, Any]:
    """Analyse one partition and write its tables; returns its manifest.

    A partition whose manifest already exists is complete (an earlier attempt or run wrote
    it): it is not analysed again.
    """
    done = read_manifest(part.out_dir, part.key)
    if done is not None:
        return {**done, "reused": True}
    started = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in all_tables()}
    seen: set[str] = set()
    n_words = duplicates = 0
    now = datetime.now(UTC)
    for result in _analyse(list(read_partition(part)), batch_size):
        if isinstance(result, InputError):
            rows[ERRORS_TABLE].append({"source": result.source, "reason": result.reason, "occurred_at": now})
            continue
        if result.id in seen:  # the same text twice in one partition: stored once, as the store does
            duplicates += 1
            continue
        seen.add(result.id)
        n_words += len(result.text.split())
        for table, items in article_rows(result, path=result.source, ingested_at=now).items():
            rows[table].extend(items)
    manifest = {
        "key": part.key,
        "index": part.index,
        "sources": list(part.sources),
        "counts": {t: len(r) for t, r in rows.items()},
        "duplicates": duplicates,
        "words": n_words,
        "seconds": round(time.perf_counter() - started, 3),
        "pid": os.getpid(),
    }
    write_partition(part.out_dir, part.key, rows, manifest)
    return {**manifest, "reused": False}


def _analyse(items: list[Document | InputError], batch_size: int) -> Iterator[Article | InputError]:
    """Analyse in batches; should a batch fail on an unexpected error, redo it one by one so
    that only the document that breaks the analysis is lost, with its reason."""
    docs = [d for d in items if isinstance(d, Document)]
    try:
        results = list(analyze_each(docs, batch_size=batch_size))
    except Exception:  # a bug in a component: isolate the document that triggers it
        results = [_analyse_one(d) for d in docs]
    analysed = iter(results)
    for item in items:
        yield item if isinstance(item, InputError) else next(analysed)


def _analyse_one(doc: Document) -> Article | InputError:
    try:
        return next(analyze_each([doc]))
    except Exception as err:  # noqa: BLE001 - recorded as this document's error, the run goes on
        return InputError(doc.source, f"analysis failed: {type(err).__name__}: {err}")
