"""`dixit export`: every table of a store as Parquet, CSV or JSON Lines files."""

from __future__ import annotations

import click

from dixit.cli.output import open_for_reading, store_option


@click.command("export")
@click.argument("out", metavar="OUT")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), default="parquet",
              show_default=True)
@store_option
def command(out: str, fmt: str, db: str) -> None:
    """Write every table of the store to the folder OUT, one file per table
    (articles, entities, mentions, quotes, events, flags, sources, errors, schema_version...)
    and OUT/schema.json with their columns and types; docs/store.md explains each column.

    \b
    Examples:
      dixit export --format parquet corpus-parquet/
      python -c "import pandas; print(pandas.read_parquet('corpus-parquet/quotes.parquet'))"
    """
    with open_for_reading(db) as store:
        for path in store.export(out, fmt):
            click.echo(path)
