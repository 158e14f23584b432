"""Ingesting a corpus into a store: read, skip what is stored, analyse (in parallel), write.

The main process reads the sources, hashes each text and skips those already stored (by
content id, before any analysis); the rest go in chunks to the analysis — in this process
or in `jobs` worker processes that each load the pipeline once. The main process is the
only writer: it commits what came back in one transaction every `WRITE_ARTICLES` articles
or `WRITE_SECONDS` seconds (articles with all their rows, their sources, the errors), so a
run killed at any moment leaves whole transactions or nothing, and running it again
finishes the job.
A document that fails is recorded in `errors` with its reason and the run goes on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from dixit.core import Document, analyze_each, prepare_text
from dixit.errors import InputError
from dixit.io.sources import SourceItem, count_sources, iter_sources
from dixit.model import content_id
from dixit.store.duckdb_store import DuckDBStore
from dixit.store.rows import article_rows

CHUNK = 16  # documents per analysis chunk (also the nlp.pipe batch)
WRITE_ARTICLES = 64  # a write transaction holds up to this many articles...
WRITE_SECONDS = 5.0  # ...or what came in this long: few commits, little lost to a kill

# What the analysis sends back for one document: ("ok", source, url, rows) or ("error", source, reason).
Result = tuple[str, str, Any, Any]


@dataclass
class IngestStats:
    read: int = 0  # documents met (errors of reading included)
    stored: int = 0  # new articles written
    duplicates: int = 0  # documents whose text was already stored (or met earlier in the run)
    errors: int = 0  # documents that could not be read or analysed
    seconds: float = 0.0
    write_seconds: float = 0.0  # of which spent writing to the store (the single writer's load)

    def summary(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (f"{self.read} documents: {self.stored} stored, {self.duplicates} already stored, "
                f"{self.errors} errors ({self.seconds:.1f} s, {rate:.1f} doc/s)")


def analyse_chunk(items: list[tuple[str, str | None, Document]]) -> list[Result]:
    """Analyse (source, url, document) triples into table rows; runs in a worker process.

    A failure inside the analysis of a chunk is retried document by document, so one bad
    document costs only itself.
    """
    try:
        return _analyse(items)
    except Exception:  # noqa: BLE001 - any bug in a component must not lose the chunk
        out: list[Result] = []
        for item in items:
            try:
                out += _analyse([item])
            except Exception as err:  # noqa: BLE001
                out.append(("error", item[0], None, f"analysis failed: {type(err).__name__}: {err}"))
        return out


def _analyse(items: list[tuple[str, str | None, Document]]) -> list[Result]:
    out: list[Result] = []
    results = analyze_each((d for _, _, d in items), batch_size=CHUNK)
    for (source, url, _), res in zip(items, results, strict=True):
        if isinstance(res, InputError):
            out.append(("error", source, None, res.reason))
        else:
            out.append(("ok", source, url, article_rows(res, path=source, url=url)))
    return out


class Ingest:
    """One ingest run into an open store; `run(paths)` does the work, `stats` tells the result."""

    def __init__(
        self,
        store: DuckDBStore,
        *,
        jobs: int = 1,
        on_progress: Callable[[IngestStats, int], None] | None = None,
        on_commit: Callable[[IngestStats], None] | None = None,
    ):
        self.store, self.jobs = store, max(1, jobs)
        self.stats = IngestStats()
        self.known = store.article_ids()
        self.pending: set[str] = set()
        # what the next transaction writes
        self.rows: list[dict[str, list[dict[str, Any]]]] = []
        self.sources: list[tuple[str, str, str | None]] = []
        self.errors: list[tuple[str, str]] = []
        self.last_flush = time.monotonic()
        self.on_progress = on_progress or (lambda stats, n: None)
        self.on_commit = on_commit or (lambda stats: None)

    def run(self, items: Iterable[SourceItem | InputError]) -> IngestStats:
        start = time.monotonic()
        chunks = self._chunks(items)
        try:
            if self.jobs == 1:
                for chunk in chunks:
                    self._take(analyse_chunk(chunk))
            else:
                self._run_parallel(chunks)
        except (KeyboardInterrupt, BrokenProcessPool):
            self._flush()  # keep what was analysed; a re-run does the rest
            raise
        self._flush()
        self.stats.seconds = time.monotonic() - start
        return self.stats

    def _run_parallel(self, chunks: Iterator[list[tuple[str, str | None, Document]]]) -> None:
        import multiprocessing

        # spawn, not fork: the parent holds DuckDB and tqdm threads that a fork would copy mid-state
        with ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            running: set[Future] = set()
            for chunk in chunks:
                running.add(pool.submit(analyse_chunk, chunk))
                if len(running) >= 2 * self.jobs:  # bounded: reading never runs far ahead
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for fut in done:
                        self._take(fut.result())
            for fut in running:
                self._take(fut.result())

    def _chunks(self, items: Iterable[SourceItem | InputError]) -> Iterator[list[tuple[str, str | None, Document]]]:
        chunk: list[tuple[str, str | None, Document]] = []
        for item in items:
            if isinstance(item, InputError):
                self._error(item.source, item.reason)
                continue
            doc = item.document
            doc.text = prepare_text(doc.text)
            aid = content_id(doc.text)
            if doc.text and (aid in self.known or aid in self.pending):
                self._duplicate(item.source, aid, item.url)
                continue
            self.pending.add(aid)
            chunk.append((item.source, item.url, doc))
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _error(self, source: str, reason: str) -> None:
        self.errors.append((source, reason))
        self.stats.read += 1
        self.stats.errors += 1
        self.on_progress(self.stats, 1)
        self._flush_if_due()

    def _duplicate(self, source: str, aid: str, url: str | None) -> None:
        self.sources.append((source, aid, url))
        self.stats.read += 1
        self.stats.duplicates += 1
        self.on_progress(self.stats, 1)
        self._flush_if_due()

    def _take(self, results: list[Result]) -> None:
        """Queue a chunk's results for the next transaction."""
        for kind, source, url, payload in results:
            self.stats.read += 1
            if kind == "ok":
                self.rows.append(payload)
                self.sources.append((source, payload["articles"][0]["article_id"], url))
            else:
                self.errors.append((source, payload))
                self.stats.errors += 1
        self.on_progress(self.stats, len(results))
        self._flush_if_due()

    def _flush_if_due(self) -> None:
        queued = len(self.rows) + (len(self.sources) + len(self.errors)) // 16
        if queued >= WRITE_ARTICLES or time.monotonic() - self.last_flush >= WRITE_SECONDS:
            self._flush()

    def _flush(self) -> None:
        """One transaction: the queued articles with all their rows, their sources, the errors."""
        began = self.last_flush = time.monotonic()
        if not (self.rows or self.sources or self.errors):
            return
        new = self.store.add_batch(self.rows, self.sources, self.errors)
        self.known.update(r["articles"][0]["article_id"] for r in self.rows)
        self.stats.stored += new
        self.stats.duplicates += len(self.rows) - new  # stored meanwhile by another path
        self.rows, self.sources, self.errors = [], [], []
        self.stats.write_seconds += time.monotonic() - began
        self.on_commit(self.stats)


def ingest(
    paths: Iterable[str],
    db: str = "dixit.duckdb",
    *,
    jobs: int = 1,
    published: str | None = None,
    language: str | None = None,
    progress: str = "auto",
) -> IngestStats:
    """Ingest files, folders, JSON Lines and WARC files into the DuckDB store at `db`.

    `progress`: "bar" (tqdm on stderr: rate and time left), "lines" (one line per commit,
    for logs), "none", or "auto" (a bar on a terminal, else nothing).
    """
    paths = list(paths)
    if progress == "auto":
        progress = "bar" if sys.stderr.isatty() else "none"
    store = DuckDBStore(db)
    bar = None
    on_progress = on_commit = None
    if progress == "bar":
        from tqdm import tqdm

        bar = tqdm(total=count_sources(paths), unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

        def on_progress(stats: IngestStats, n: int) -> None:
            bar.update(n)

        def on_commit(stats: IngestStats) -> None:
            bar.set_postfix(stored=stats.stored, dup=stats.duplicates, err=stats.errors)
    elif progress == "lines":
        def on_commit(stats: IngestStats) -> None:
            print(f"committed: read={stats.read} stored={stats.stored} duplicates={stats.duplicates} "
                  f"errors={stats.errors}", file=sys.stderr, flush=True)
    try:
        run = Ingest(store, jobs=jobs, on_progress=on_progress, on_commit=on_commit)
        return run.run(iter_sources(paths, published=published, language=language))
    finally:
        if bar is not None:
            bar.close()
        store.close()
