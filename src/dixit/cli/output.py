"""What the store's query commands share: the --db and --format options and row output."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

store_option = click.option("--db", default="dixit.duckdb", show_default=True, help="The DuckDB store to read.")
format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
    help="table (aligned columns, long texts clipped), jsonl (one object per row), csv (header row first).",
)
limit_option = click.option("--limit", type=int, default=None, help="At most this many rows.")


@contextmanager
def open_for_reading(db: str) -> Iterator[Any]:
    """The store at `db`, read-only; a clear error when it does not exist."""
    if not Path(db).exists():
        click.echo(f"dixit: error: no store at {db} (create one with: dixit ingest PATH --db {db})", err=True)
        sys.exit(2)
    import duckdb

    from dixit.store import open_store

    try:
        store = open_store(db, read_only=True)
    except duckdb.IOException as err:  # another process (an ingest) holds the file
        click.echo(f"dixit: error: cannot open {db}: {err} (is an ingest writing to it?)", err=True)
        sys.exit(2)
    try:
        yield store
    finally:
        store.close()


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    """Print rows: every field in jsonl; the given columns in csv and table."""
    out = click.get_text_stream("stdout")
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c), None) for c in columns])
    else:
        out.write(render_table(rows, columns) + "\n")


def render_table(rows: list[dict[str, Any]], columns: list[str], width: int = 60) -> str:
    if not rows:
        return "(no rows)"
    cells = [[_cell(row.get(c), width) for c in columns] for row in rows]
    sizes = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(s) for c, s in zip(columns, sizes, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(s) for v, s in zip(r, sizes, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _cell(value: Any, width: int | None) -> str:
    if value is None:
        return ""
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"
