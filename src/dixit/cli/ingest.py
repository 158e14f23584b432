"""`dixit ingest`: analyse files, folders, JSON Lines and WARC archives into a store."""

from __future__ import annotations

import os
import sys

import click


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", default="dixit.duckdb", show_default=True, help="The DuckDB store (created if missing).")
@click.option("--jobs", "-j", type=int, default=1, show_default=True,
              help="Analysis processes (each loads the language model once); 0 = one per core.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for documents that do not give one.")
@click.option("--language", metavar="CODE", help="Language of documents that do not give one (skips detection).")
@click.option("--progress", type=click.Choice(["auto", "bar", "lines", "none"]), default="auto", show_default=True,
              help="bar: rate and time left; lines: one line per commit (for logs); auto: bar on a terminal.")
@click.option("--cluster", "cluster", metavar="ADDRESS",
              help="Analyse on a Dask cluster (scheduler address) instead of local processes.")
def command(paths: tuple[str, ...], db: str, jobs: int, published: str | None, language: str | None,
            progress: str, cluster: str | None) -> None:
    """Analyse documents and store their actors, quotes, events and flags.

    PATH is a file or a folder (read recursively: .txt, .html, .jsonl[.gz], .warc[.gz] files).
    JSON Lines hold one article per line: "text" and optional "title", "url", "outlet",
    "published", "language". An article whose text is already stored is skipped without
    being analysed; a document that fails is recorded with its reason (see `dixit errors`)
    and the run goes on. A run stopped at any moment can be run again to finish the job.

    \b
    Examples:
      dixit ingest ../shared/corpus/dev --db dev.duckdb
      dixit ingest feed.jsonl crawl.warc.gz --jobs 4
    """
    if cluster:
        _ingest_on_cluster(list(paths), cluster, db, published, language)
        return
    from concurrent.futures.process import BrokenProcessPool

    import duckdb

    from dixit.store.ingest import ingest

    try:
        stats = ingest(paths, db, jobs=jobs or os.cpu_count() or 1, published=published, language=language,
                       progress=progress)
    except BrokenProcessPool:
        click.echo("dixit: error: an analysis process died (out of memory?); what was analysed is stored: "
                   "run the same command again to finish", err=True)
        sys.exit(1)
    except duckdb.IOException as err:  # another process holds the store
        click.echo(f"dixit: error: cannot open {db} for writing: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("\ndixit: interrupted; what was analysed is stored: run the same command again to finish",
                   err=True)
        sys.exit(130)
    click.echo(f"dixit: {stats.summary()}", err=True)
    if stats.errors:
        click.echo(f"dixit: see the errors with: dixit errors --db {db}", err=True)


def _ingest_on_cluster(paths: list[str], address: str, db: str, published: str | None,
                       language: str | None) -> None:
    try:
        from dixit.cluster import ingest_on_cluster
    except ImportError as err:
        click.echo(f"dixit: error: cluster ingest is not available in this installation ({err})", err=True)
        sys.exit(2)
    result = ingest_on_cluster(paths, address, db=db, published=published, language=language)
    if result is not None:
        click.echo(f"dixit: {result}", err=True)
