"""DuckDB, the embedded default store.

Consistency: each article and all its rows are written in one transaction, so a run killed
at any moment (SIGKILL included) leaves whole articles or none; re-running skips what is
stored. The schema is versioned per part: `MIGRATIONS[i]` takes the core tables from
version i to i+1; a feature with tables of its own (provenance...) keeps its own list and
calls `migrate_part(con, "name", its_migrations)`. `schema_version` records each part.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from dixit.model import Article
from dixit.store.rows import TABLES, article_rows

_KEYS = {
    "articles": "PRIMARY KEY (article_id)",
    "entities": "PRIMARY KEY (article_id, entity_id)",
    "quotes": "PRIMARY KEY (article_id, quote_no)",
    "events": "PRIMARY KEY (article_id, event_no)",
    "flags": "PRIMARY KEY (article_id, flag_no)",
}


def _create(table: str) -> str:
    cols = ", ".join(f'"{c}" {t}' for c, t in TABLES[table])
    key = _KEYS.get(table)
    return f"CREATE TABLE {table} ({cols}{', ' + key if key else ''})"


# The store's own tables (not article rows): column layout for batch inserts.
_OWN_TABLES: dict[str, list[tuple[str, str]]] = {
    "sources": [("source", "VARCHAR"), ("article_id", "VARCHAR"), ("url", "VARCHAR"), ("seen_at", "TIMESTAMP")],
    "errors": [("source", "VARCHAR"), ("reason", "VARCHAR"), ("occurred_at", "TIMESTAMP")],
}

MIGRATIONS: list[list[str]] = [
    # 0 -> 1: the first layout
    [_create(t) for t in TABLES]
    + [
        "CREATE TABLE errors (source VARCHAR, reason VARCHAR, occurred_at TIMESTAMP)",
        "CREATE INDEX quotes_speaker ON quotes (speaker_name)",
        "CREATE INDEX events_dyad ON events (source_country, target_country)",
    ],
    # 1 -> 2: every source that yielded an article (duplicates included), so an error is
    # "open" only until its source succeeds, and a re-run knows what it has done.
    [
        "CREATE TABLE sources (source VARCHAR PRIMARY KEY, article_id VARCHAR, url VARCHAR, seen_at TIMESTAMP)",
        "CREATE INDEX errors_source ON errors (source)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


def part_version(con: duckdb.DuckDBPyConnection, part: str) -> int:
    # Create the table only when missing: a store opened read-only can still be asked its versions.
    if not con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone():
        con.execute("CREATE TABLE schema_version (part VARCHAR, version INTEGER, applied_at TIMESTAMP)")
    row = con.execute("SELECT max(version) FROM schema_version WHERE part = ?", [part]).fetchone()
    return row[0] or 0


def migrate_part(con: duckdb.DuckDBPyConnection, part: str, migrations: list[list[str]]) -> None:
    """Apply the migrations of `part` not applied yet, each in its own transaction."""
    for target in range(part_version(con, part) + 1, len(migrations) + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migrations[target - 1]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [part, target, datetime.now(UTC)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


# Arrow types that carry each DuckDB column type; DATE and JSON travel as text and are cast.
_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "INTEGER": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
    "DATE": pa.string(), "JSON": pa.string(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
}


def _utc_naive(value: Any) -> Any:
    """TIMESTAMP columns hold UTC without a zone."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


class DuckDBStore:
    def __init__(self, path: str, *, read_only: bool = False):
        self.path = path
        self.con = duckdb.connect(path, read_only=read_only)
        if not read_only:
            self.migrate()

    def version(self, part: str = "core") -> int:
        return part_version(self.con, part)

    def migrate(self) -> None:
        migrate_part(self.con, "core", MIGRATIONS)

    def has_article(self, article_id: str) -> bool:
        return bool(self.con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone())

    def article_ids(self) -> set[str]:
        """Every stored article id: what an ingest run can skip without analysing."""
        return {r[0] for r in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def add_article(self, art: Article, *, path: str | None = None, url: str | None = None) -> bool:
        if self.has_article(art.id):
            return False
        rows = article_rows(art, path=path, url=url, ingested_at=datetime.now(UTC))
        self.add_batch([rows], [(path, art.id, url)] if path else [])
        return True

    def add_batch(
        self,
        articles: list[dict[str, list[dict[str, Any]]]],
        sources: Iterable[tuple[str, str, str | None]] = (),
        errors: Iterable[tuple[str, str]] = (),
    ) -> int:
        """Store several articles (each as `rows.article_rows`), the sources that yielded them
        (source, article id, url) and failures (source, reason) in ONE transaction; articles
        already stored are left out. Returns how many articles were new.

        Rows go in as Arrow tables, one INSERT per table: far cheaper than row-by-row inserts.
        """
        stored = self._stored([a["articles"][0]["article_id"] for a in articles])
        fresh: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for a in articles:
            aid = a["articles"][0]["article_id"]
            if aid not in stored and aid not in fresh:
                fresh[aid] = a
        now = _utc_naive(datetime.now(UTC))
        # one row per source (the last one wins), as INSERT OR REPLACE takes a key once per statement
        seen = {s: {"source": s, "article_id": a, "url": u, "seen_at": now} for s, a, u in sources}
        failed = [{"source": s, "reason": r, "occurred_at": now} for s, r in errors]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                items = [r for a in fresh.values() for r in a[table]]
                if table == "articles":
                    items = [{**r, "ingested_at": r.get("ingested_at") or now} for r in items]
                if items:
                    self._insert(table, items)
            if seen:
                self._insert("sources", list(seen.values()), verb="INSERT OR REPLACE")
            if failed:
                self._insert("errors", failed)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(fresh)

    def add_sources(self, sources: list[tuple[str, str, str | None]]) -> None:
        """Record sources whose article is already stored (the same text met again)."""
        self.add_batch([], sources)

    def _stored(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT article_id FROM articles WHERE article_id IN ?", [ids]).fetchall()
        return {r[0] for r in rows}

    def _insert(self, table: str, items: list[dict[str, Any]], verb: str = "INSERT") -> None:
        columns = TABLES.get(table) or _OWN_TABLES[table]
        data = pa.table({
            c: pa.array([_utc_naive(r.get(c)) if t == "TIMESTAMP" else r.get(c) for r in items], type=_ARROW[t])
            for c, t in columns
        })
        casts = ", ".join(f'CAST("{c}" AS {t})' for c, t in columns)
        self.con.register("_dixit_batch", data)
        try:
            self.con.execute(f"{verb} INTO {table} SELECT {casts} FROM _dixit_batch")
        finally:
            self.con.unregister("_dixit_batch")

    def record_error(self, source: str, reason: str) -> None:
        self.con.execute("INSERT INTO errors VALUES (?, ?, ?)", [source, reason, _utc_naive(datetime.now(UTC))])

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def export(self, out: str, fmt: str = "parquet") -> list[str]:
        """Every table as OUT/<table>.<ext> (DuckDB COPY), plus OUT/schema.json listing the
        columns and types of each table and the schema versions; returns the files written."""
        import json
        import os

        options = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true", "jsonl": "FORMAT json"}
        if fmt not in options:
            raise ValueError(f"format must be one of {', '.join(options)}, not {fmt!r}")
        os.makedirs(out, exist_ok=True)
        written, schema = [], {"format": fmt, "tables": {}, "versions": self.query(
            "SELECT part, max(version) AS version FROM schema_version GROUP BY part ORDER BY part")}
        for table in self.tables():
            target = os.path.join(out, f"{table}.{fmt}")
            literal = target.replace("'", "''")  # COPY takes its file name as a literal, not a parameter
            self.con.execute(f'COPY (SELECT * FROM "{table}") TO \'{literal}\' ({options[fmt]})')
            schema["tables"][table] = self.query(
                "SELECT column_name AS name, data_type AS type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table])
            written.append(target)
        path = os.path.join(out, "schema.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(schema, f, indent=2)
        return [*written, path]

    def close(self) -> None:
        self.con.close()
