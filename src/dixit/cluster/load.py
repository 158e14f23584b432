"""Loading Parquet partitions into the store: whole partitions, articles already stored skipped.

With the DuckDB store, a partition is copied by DuckDB itself (`read_parquet`) in one
transaction; any other store receives the articles one by one from their `record` column.
Loading is idempotent: loading the same folder twice adds nothing the second time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from dixit.cluster.parquet import ERRORS_TABLE, SOURCES_TABLE, complete_partitions, table_columns, table_path
from dixit.model import Article
from dixit.store import Store, open_store
from dixit.store.rows import TABLES


@dataclass
class LoadCount:
    loaded: int = 0  # articles added to the store
    skipped: int = 0  # articles the store already had
    errors: int = 0  # error rows added

    def add(self, other: LoadCount) -> None:
        self.loaded += other.loaded
        self.skipped += other.skipped
        self.errors += other.errors


def load_partitions(out_dir: str | Path, db: str | Store) -> LoadCount:
    """Load every complete partition of `out_dir` into the store at `db` (a path or an open Store)."""
    store = open_store(db) if isinstance(db, str | Path) else db
    total = LoadCount()
    try:
        for key in complete_partitions(out_dir):
            total.add(load_partition(store, out_dir, key))
    finally:
        if store is not db:
            store.close()
    return total


def load_partition(store: Store, out_dir: str | Path, key: str) -> LoadCount:
    con = getattr(store, "con", None)
    if con is not None and hasattr(con, "execute"):
        return _load_duckdb(con, out_dir, key)
    return _load_generic(store, out_dir, key)


def _load_duckdb(con, out_dir: str | Path, key: str) -> LoadCount:
    articles = str(table_path(out_dir, "articles", key))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _dixit_new AS SELECT DISTINCT article_id FROM read_parquet(?) "
            "WHERE article_id NOT IN (SELECT article_id FROM articles)",
            [articles],
        )
        loaded = con.execute("SELECT count(*) FROM _dixit_new").fetchone()[0]
        in_file = con.execute("SELECT count(DISTINCT article_id) FROM read_parquet(?)", [articles]).fetchone()[0]
        for table in TABLES:
            cols = ", ".join(f'"{c}"' for c, _ in TABLES[table])
            con.execute(
                f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet(?) "
                "WHERE article_id IN (SELECT article_id FROM _dixit_new)",
                [str(table_path(out_dir, table, key))],
            )
        errors = _load_errors_duckdb(con, out_dir, key)
        _load_sources_duckdb(con, out_dir, key)
        con.execute("DROP TABLE _dixit_new")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return LoadCount(loaded=loaded, skipped=in_file - loaded, errors=errors)


def _load_errors_duckdb(con, out_dir: str | Path, key: str) -> int:
    """Errors not recorded yet (same source and reason), so a second load adds none."""
    path = str(table_path(out_dir, ERRORS_TABLE, key))
    before = con.execute("SELECT count(*) FROM errors").fetchone()[0]
    con.execute(
        "INSERT INTO errors (source, reason, occurred_at) SELECT p.source, p.reason, p.occurred_at "
        "FROM read_parquet(?) p WHERE NOT EXISTS "
        "(SELECT 1 FROM errors e WHERE e.source = p.source AND e.reason = p.reason)",
        [path],
    )
    return con.execute("SELECT count(*) FROM errors").fetchone()[0] - before


def _load_sources_duckdb(con, out_dir: str | Path, key: str) -> None:
    """Every source that yielded an article, so the store knows its errors are closed."""
    if not con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'sources'").fetchone():
        return  # a store from before the sources table
    cols = ", ".join(c for c, _ in table_columns(SOURCES_TABLE))
    con.execute(
        f"INSERT OR REPLACE INTO sources ({cols}) SELECT {cols} FROM read_parquet(?)",
        [str(table_path(out_dir, SOURCES_TABLE, key))],
    )


def _load_generic(store: Store, out_dir: str | Path, key: str) -> LoadCount:
    count = LoadCount()
    articles = pq.read_table(table_path(out_dir, "articles", key), columns=["path", "url", "record"])
    for row in articles.to_pylist():
        art = Article.from_dict(json.loads(row["record"]))
        if store.add_article(art, path=row["path"], url=row["url"]):
            count.loaded += 1
        else:
            count.skipped += 1
    names = [c for c, _ in table_columns(ERRORS_TABLE)]
    for err in pq.read_table(table_path(out_dir, ERRORS_TABLE, key), columns=names).to_pylist():
        store.record_error(err["source"], err["reason"])
        count.errors += 1
    return count
