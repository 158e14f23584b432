"""`dixit quotes`: who said what, from the store."""

from __future__ import annotations

import click

from dixit.cli.output import emit, format_option, limit_option, open_for_reading, store_option


@click.command("quotes")
@click.option("--speaker", metavar="NAME", help="Speaker: a name in any stored form or alias, or a state code.")
@click.option("--via", metavar="NAME", help="Quotes relayed through this intermediary (an agency, a spokesman).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this date.")
@click.option("--contains", metavar="WORDS", help="Quote text holds every one of these words (case, accents ignored).")
@limit_option
@store_option
@format_option
def command(speaker, via, since, until, contains, limit, db, fmt) -> None:
    """List quotes with speaker, kind, via chain, outlet and date, newest first.

    \b
    Examples:
      dixit quotes --speaker "Kim Jong-un"
      dixit quotes --speaker Poutine --since 2024-11-01 --format csv > poutine.csv
      dixit quotes --via KCNA --format jsonl
    """
    from dixit.store import queries

    with open_for_reading(db) as store:
        rows = queries.quotes(store, speaker=speaker, via=via, since=since, until=until, contains=contains,
                              limit=limit)
        emit(rows, fmt, columns=["published", "outlet", "speaker_name", "kind", "text", "via_names", "cue_lemma",
                                 "article_id", "start", "end"])
