"""`dixit analyze`: analyse article files and print their records."""

from __future__ import annotations

import json
import sys

import click

from dixit.core import analyze_each
from dixit.errors import InputError


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, to resolve 'vendredi', 'last month'.")
@click.option("--language", metavar="CODE", help="Skip language detection and analyse as this language (fr, en).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default=None,
    help="table (default on a terminal), json (indented), jsonl (one object per file; default when piped).",
)
def command(paths: tuple[str, ...], published: str | None, language: str | None, fmt: str | None) -> None:
    """Analyse articles: actors, quotes with speakers and 'via' chains, events, flags.

    PATH is a text or HTML file; '-' reads standard input. Files are analysed in the order
    given; a file that cannot be analysed is reported on standard error with its reason and
    the others still are (the exit status is then 1).

    \b
    Examples:
      dixit analyze article.txt
      dixit analyze --published 2024-11-30 --format json article.txt
      cat article.txt | dixit analyze --format jsonl -
    """
    from dixit.io.reading import read_document

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    failed = 0

    def documents():
        nonlocal failed
        for path in paths:
            try:
                doc, note = read_document(path, published=published, language=language)
            except InputError as err:
                failed += 1
                click.echo(f"dixit: error: {err}", err=True)
                continue
            if note:
                click.echo(f"dixit: note: {doc.source}: {note}", err=True)
            yield doc

    for result in analyze_each(documents()):
        if isinstance(result, InputError):
            failed += 1
            click.echo(f"dixit: error: {result}", err=True)
            continue
        data = result.to_dict()
        if fmt == "jsonl":
            click.echo(json.dumps(data, ensure_ascii=False))
        elif fmt == "json":
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            from dixit.cli.render import render_table

            click.echo(render_table(result) + "\n")
    if failed:
        sys.exit(1)
