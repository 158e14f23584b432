"""`dixit actors`: who speaks most, who is spoken of."""

from __future__ import annotations

import click

from dixit.cli.output import emit, format_option, open_for_reading, store_option


@click.command("actors")
@click.option("--kind", type=click.Choice(["person", "organization", "country", "bloc", "location", "document",
                                           "weapon", "group", "other"]))
@click.option("--limit", type=int, default=50, show_default=True)
@store_option
@format_option
def command(kind, limit, db, fmt) -> None:
    """Actors across the store, most quoted first: quotes spoken, quotes relayed (via),
    articles and mentions, events as source and as target."""
    from dixit.store import queries

    with open_for_reading(db) as store:
        rows = queries.actors(store, kind=kind, limit=limit)
        emit(rows, fmt, columns=["entity_id", "name", "kind", "country", "quotes", "relayed", "articles", "mentions",
                                 "as_source", "as_target"])
