"""`dixit serve`: browse a store in a web browser (read-only)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.option("--db", default="dixit.duckdb", show_default=True, metavar="PATH", help="The store to show.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers only this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def command(db: str, host: str, port: int) -> None:
    """Browse a store: articles with their quotes and events in place, actors, pairs, network.

    The store is opened read-only. The JSON API is under /api/ (OpenAPI at /api/openapi.json).

    \b
    Example:
      dixit ingest ../shared/corpus/dev --db dixit.duckdb
      dixit serve --db dixit.duckdb        then open http://127.0.0.1:8000/
    """
    if not Path(db).is_file():
        raise click.UsageError(f"no store at {db!r}: build one with 'dixit ingest FILES --db {db}'")
    import duckdb
    import uvicorn

    from dixit.store import open_store
    from dixit.web import create_app

    try:
        store = open_store(db, read_only=True)
    except duckdb.Error as err:
        raise click.ClickException(f"cannot open the store {db!r}: {err}") from err
    click.echo(f"dixit: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"dixit: note: listening on {host}: other machines can read this store", err=True)
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
