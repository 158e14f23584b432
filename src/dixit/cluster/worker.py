"""What a worker does with one partition: read, analyse, write Parquet atomically.

This module is imported by the workers (it is what the tasks name), so the spaCy pipeline
that `dixit.nlp.load_pipeline` caches stays loaded in the worker process between tasks.
The analysis itself is the one `dixit ingest` runs (`dixit.store.ingest.analyse_chunk`).
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from typing import Any

from dixit.cluster.parquet import ERRORS_TABLE, SOURCES_TABLE, all_tables, read_manifest, write_partition
from dixit.cluster.sources import Partition, read_partition
from dixit.errors import InputError
from dixit.store.ingest import CHUNK, analyse_chunk


def run_partition(part: Partition) -> dict[str, Any]:
    """Analyse one partition and write its tables; returns its manifest.

    A partition whose manifest already exists is complete (an earlier attempt or run wrote
    it): it is not analysed again.
    """
    done = read_manifest(part.out_dir, part.key)
    if done is not None:
        return {**done, "reused": True}
    started = time.perf_counter()
    now = datetime.now(UTC).replace(tzinfo=None)  # TIMESTAMP columns hold UTC without a zone
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in all_tables()}
    items = []
    for item in read_partition(part):
        if isinstance(item, InputError):
            rows[ERRORS_TABLE].append({"source": item.source, "reason": item.reason, "occurred_at": now})
        else:
            items.append((item.source, item.url, item.document))
    seen: set[str] = set()
    n_words = duplicates = 0
    for start in range(0, len(items), CHUNK):
        for kind, source, url, payload in analyse_chunk(items[start:start + CHUNK]):
            if kind == "error":
                rows[ERRORS_TABLE].append({"source": source, "reason": payload, "occurred_at": now})
                continue
            article = payload["articles"][0]
            aid = article["article_id"]
            rows[SOURCES_TABLE].append({"source": source, "article_id": aid, "url": url, "seen_at": now})
            if aid in seen:  # the same text twice in one partition: stored once, as the store does
                duplicates += 1
                continue
            seen.add(aid)
            article["ingested_at"] = now
            n_words += len(article["text"].split())
            for table, table_rows in payload.items():
                rows[table].extend(table_rows)
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
