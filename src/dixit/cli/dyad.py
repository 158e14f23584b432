"""`dixit dyad`: the cooperation–conflict series between two actors."""

from __future__ import annotations

import click

from dixit.cli.output import emit, format_option, open_for_reading, store_option


@click.command("dyad")
@click.argument("a", metavar="X")
@click.argument("b", metavar="Y")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--all-statuses", is_flag=True, help="Count denied and hypothetical events too.")
@store_option
@format_option
def command(a, b, by, all_statuses, db, fmt) -> None:
    """Events between X and Y, both directions, per period: counts per PLOVER quad class
    (verbal/material cooperation/conflict) and summed intensity (cooperation > 0 > conflict).

    X and Y are names, aliases or state codes; a state's officials count for it. By default
    only asserted and claimed events count; events with no date (none of their own, no
    publication date: give --published to ingest) are counted in a last "undated" row.

    \b
    Example:
      dixit dyad PRK RUS --by month
    """
    from dixit.store import queries

    with open_for_reading(db) as store:
        statuses = None if all_statuses else queries.DYAD_STATUSES
        rows = queries.dyad(store, a, b, by=by, statuses=statuses)
        if fmt == "table":
            rows = [{**r, "period": r["period"] or "undated"} for r in rows]
        quads = [c for c in (rows[0] if rows else {}) if c not in {"period", "events", "a_to_b", "b_to_a",
                                                                     "intensity"}]
        emit(rows, fmt, columns=["period", "events", "a_to_b", "b_to_a", *quads, "intensity"])
