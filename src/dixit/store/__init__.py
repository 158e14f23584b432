"""The corpus store: articles and their records in tables keyed by article id and offsets.

`Store` is the one small interface the CLI, the web view and the cluster loader use; DuckDB
is the embedded default (`dixit.store.duckdb_store`). Table layout: `rows.TABLES`.
"""

from dixit.store.base import Store, open_store

__all__ = ["Store", "open_store"]
