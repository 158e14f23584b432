"""`dixit events`: who did what to whom, from the store."""

from __future__ import annotations

import click

from dixit.cli.output import emit, format_option, limit_option, open_for_reading, store_option


@click.command("events")
@click.option("--source", metavar="X", help="Actor that acts: a name, alias or state code (its officials count).")
@click.option("--target", metavar="Y", help="Actor acted upon.")
@click.option("--type", "type_", metavar="T", help="PLOVER type (AID, ASSAULT, ACCUSE...).")
@click.option("--status", type=click.Choice(["asserted", "claimed", "denied", "hypothetical"]))
@click.option("--since", metavar="YYYY-MM-DD", help="Event date (else publication date) on or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Event date (else publication date) on or before.")
@limit_option
@store_option
@format_option
def command(source, target, type_, status, since, until, limit, db, fmt) -> None:
    """List PLOVER events with source, target, status and evidence, newest first.

    \b
    Examples:
      dixit events --source RUS --target UKR --type ASSAULT
      dixit events --status denied --format jsonl
    """
    from dixit.store import queries

    with open_for_reading(db) as store:
        rows = queries.events(store, source=source, target=target, type=type_, status=status, since=since,
                              until=until, limit=limit)
        emit(rows, fmt, columns=["event_date", "type", "mode", "status", "source_name", "source_country",
                                 "target_name", "target_country", "claimed_by", "denied_by", "text", "outlet",
                                 "article_id"])
