"""What the provenance commands share: opening the store with its provenance index up to date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def open_indexed(db: str) -> Any:
    """Open the store, migrate the provenance tables and index the articles not indexed yet.

    So `similar` and `stories` work on a store filled by `dixit ingest` (which may not call
    `index_article`) as on one filled with it.
    """
    from dixit.provenance.index import reindex
    from dixit.store import open_store

    if not Path(db).exists():
        raise click.UsageError(f"no store at {db!r}: build one with 'dixit ingest FILES --db {db}'")
    store = open_store(db)
    n = reindex(store)
    if n:
        click.echo(f"dixit: note: indexed {n} stored article(s) for provenance", err=True)
    return store
