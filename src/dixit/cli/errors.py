"""`dixit errors`: the documents an ingest could not store, and why."""

from __future__ import annotations

import click

from dixit.cli.output import emit, format_option, open_for_reading, store_option


@click.command("errors")
@store_option
@format_option
@click.option("--all", "show_all", is_flag=True, help="Also list sources that succeeded after failing.")
def command(db: str, fmt: str, show_all: bool) -> None:
    """List the documents that failed, one per source, with the latest reason.

    A source that was stored on a later run is no longer listed (unless --all).
    """
    from dixit.store import queries

    with open_for_reading(db) as store:
        emit(queries.errors(store, open_only=not show_all), fmt,
             columns=["source", "reason", "attempts", "occurred_at"])
