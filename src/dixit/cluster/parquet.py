"""Parquet partitions: the store's tables (`rows.TABLES`) plus `errors` and `sources`, one
file per table per partition, each written atomically, and a manifest written last.

Layout of an output folder:

    <out_dir>/<table>/part-<key>.parquet     one per table (articles, entities, ..., errors, sources)
    <out_dir>/_manifests/part-<key>.json     written last: the partition is complete

Every file is written under a temporary name, flushed to disk and renamed over its final
name, so a file that exists is whole; a retried task writes the same names again, so a
partition never appears twice. Readers trust a partition only once its manifest exists.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dixit.store.rows import TABLES

ERRORS_TABLE = "errors"
SOURCES_TABLE = "sources"
MANIFESTS = "_manifests"

# Beside the article tables, as in the store: what could not be read or analysed and why,
# and every source that yielded an article (duplicates included), which closes its errors.
EXTRA_TABLES: dict[str, list[tuple[str, str]]] = {
    ERRORS_TABLE: [("source", "VARCHAR"), ("reason", "VARCHAR"), ("occurred_at", "TIMESTAMP")],
    SOURCES_TABLE: [("source", "VARCHAR"), ("article_id", "VARCHAR"), ("url", "VARCHAR"), ("seen_at", "TIMESTAMP")],
}

_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def table_columns(table: str) -> list[tuple[str, str]]:
    return EXTRA_TABLES.get(table) or TABLES[table]


def all_tables() -> list[str]:
    return [*TABLES, *EXTRA_TABLES]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[kind]) for name, kind in table_columns(table)])


def _as_date(value: Any) -> date | None:
    """A DATE column value from the ISO string the model carries; None when it is not a day."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_timestamp(value: Any) -> Any:
    # DuckDB's TIMESTAMP has no zone: store UTC wall time, as the DuckDB store does.
    return value.replace(tzinfo=None) if getattr(value, "tzinfo", None) else value


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (dicts as `article_rows` makes them) as an Arrow table in the contract's column order."""
    columns = {}
    for name, kind in table_columns(table):
        values = [r.get(name) for r in rows]
        if kind == "DATE":
            values = [_as_date(v) for v in values]
        elif kind == "TIMESTAMP":
            values = [_as_timestamp(v) for v in values]
        columns[name] = values
    return pa.table(columns, schema=arrow_schema(table))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some filesystems (and Windows) do not open folders
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, write: Any) -> None:
    """Call `write(tmp_path)`, flush the file to disk, then rename it to `path` in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def table_path(out_dir: str | Path, table: str, key: str) -> Path:
    return Path(out_dir) / table / f"part-{key}.parquet"


def manifest_path(out_dir: str | Path, key: str) -> Path:
    return Path(out_dir) / MANIFESTS / f"part-{key}.json"


def write_partition(out_dir: str | Path, key: str, rows: dict[str, list[dict[str, Any]]], manifest: dict) -> None:
    """Write every table of one partition, then its manifest (the mark that it is complete)."""
    for table in all_tables():
        arrow = to_arrow(table, rows.get(table, []))
        write_atomic(table_path(out_dir, table, key), lambda tmp, t=arrow: pq.write_table(t, tmp))
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True)
    write_atomic(manifest_path(out_dir, key), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def read_manifest(out_dir: str | Path, key: str) -> dict | None:
    path = manifest_path(out_dir, key)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def complete_partitions(out_dir: str | Path) -> list[str]:
    """Keys of the partitions whose manifest exists, in name order."""
    folder = Path(out_dir) / MANIFESTS
    if not folder.is_dir():
        return []
    return sorted(p.name[len("part-"):-len(".json")] for p in folder.glob("part-*.json"))
