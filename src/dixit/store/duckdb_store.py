"""DuckDB, the embedded default store.

Consistency: each article and all its rows are written in one transaction, so a run killed
at any moment (SIGKILL included) leaves whole articles or none; re-running skips what is
stored. The schema is versioned per part: `MIGRATIONS[i]` takes the core tables from
version i to i+1; a feature with tables of its own (provenance...) keeps its own list and
calls `migrate_part(con, "name", its_migrations)`. `schema_version` records each part.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb

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


MIGRATIONS: list[list[str]] = [
    # 0 -> 1: the first layout
    [_create(t) for t in TABLES]
    + [
        "CREATE TABLE errors (source VARCHAR, reason VARCHAR, occurred_at TIMESTAMP)",
        "CREATE INDEX quotes_speaker ON quotes (speaker_name)",
        "CREATE INDEX events_dyad ON events (source_country, target_country)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


def part_version(con: duckdb.DuckDBPyConnection, part: str) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (part VARCHAR, version INTEGER, applied_at TIMESTAMP)"
    )
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

    def add_article(self, art: Article, *, path: str | None = None, url: str | None = None) -> bool:
        if self.has_article(art.id):
            return False
        rows = article_rows(art, path=path, url=url, ingested_at=datetime.now(UTC))
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, items in rows.items():
                if items:
                    cols = [c for c, _ in TABLES[table]]
                    marks = ", ".join("?" for _ in cols)
                    self.con.executemany(
                        f"INSERT INTO {table} VALUES ({marks})", [[r.get(c) for c in cols] for r in items]
                    )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return True

    def record_error(self, source: str, reason: str) -> None:
        self.con.execute("INSERT INTO errors VALUES (?, ?, ?)", [source, reason, datetime.now(UTC)])

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        self.con.close()
