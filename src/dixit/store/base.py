"""The store interface: what the CLI, the web view and the cluster loader may ask of a store."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from dixit.model import Article


class Store(Protocol):
    def has_article(self, article_id: str) -> bool: ...

    def add_article(self, art: Article, *, path: str | None = None, url: str | None = None) -> bool:
        """Store an article and all its records atomically; False if it was already there."""
        ...

    def add_batch(
        self,
        articles: list[dict[str, list[dict[str, Any]]]],
        sources: Iterable[tuple[str, str, str | None]] = (),
        errors: Iterable[tuple[str, str]] = (),
    ) -> int:
        """Articles as `rows.article_rows`, (source, article_id, url) and (source, reason) in
        one transaction; already stored articles are left out. Returns how many were new."""
        ...

    def article_ids(self) -> set[str]: ...

    def record_error(self, source: str, reason: str) -> None: ...

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Read-only SQL with bound parameters, rows as dicts."""
        ...

    def export(self, out: str, fmt: str = "parquet") -> list[str]:
        """Every table as OUT/<table>.<fmt> plus OUT/schema.json; the files written."""
        ...

    def close(self) -> None: ...


def open_store(path: str = "dixit.duckdb", *, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at `path`. DuckDB is the default."""
    from dixit.store.duckdb_store import DuckDBStore

    return DuckDBStore(path, read_only=read_only)
