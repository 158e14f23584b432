"""`dixit analyze`: analyse article files and print their records."""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterator

import click

from dixit.core import Document, analyze_each
from dixit.errors import DixitError, InputError
from dixit.io.reading import MAX_BYTES, MIN_ARTICLE_WORDS


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, to resolve 'vendredi', 'last month'.")
@click.option("--language", metavar="CODE", help="Skip language detection and analyse as this language (fr, en).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default=None,
    help="table (default on a terminal), json (indented), jsonl (one object per file; default when piped).",
)
def command(paths: tuple[str, ...], published: str | None, language: str | None, fmt: str | None) -> None:
    """Analyse articles: actors, quotes with speakers and 'via' chains, events, flags."""
    if language:
        _check_language(language)
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    try:
        failed = _print_results(paths, published, language, fmt)
    except DixitError as err:  # a setup problem (a pipeline not installed): nothing more can be analysed
        click.echo(f"dixit: error: {err}", err=True)
        sys.exit(2)
    if failed:
        sys.exit(1)


def _print_results(paths: tuple[str, ...], published: str | None, language: str | None, fmt: str) -> int:
    """Print each input's records or its error, in order; the number of inputs that failed."""
    failed = 0
    for result, note in _results(paths, published, language):
        source = result.source if isinstance(result, InputError) else (result.source or "<text>")
        if note:
            click.echo(f"dixit: note: {source}: {note}", err=True)
        if isinstance(result, InputError):
            failed += 1
            click.echo(f"dixit: error: {result}", err=True)
        elif fmt == "jsonl":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        elif fmt == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            from dixit.cli.render import render_table

            click.echo(render_table(result) + "\n")
    return failed


command.help = f"""Analyse articles: actors, quotes with speakers and 'via' chains, events, flags.

    PATH is a text or HTML file, a JSON Lines file (one article per line, with "text"), a WARC
    archive, a folder (its .txt, .html, .jsonl and .warc files, recursively, in sorted order:
    French and English files can be mixed) or '-' for standard input. Inputs are analysed in
    the order given. An input that cannot be analysed is reported on
    standard error in one line, "dixit: error: PATH: REASON", and the others still are; the
    exit status is then 1. The reasons: no such file or folder; a folder with no text or
    HTML file; empty file; binary file (PDF, image, archive, NUL bytes); file too large
    (the limit is {MAX_BYTES:,} bytes, {MAX_BYTES // 2**20} MiB); an HTML page with no article in it
    (fewer than {MIN_ARTICLE_WORDS} words of text extracted); a language dixit does not
    analyse (it is named; --language overrides a wrong detection); a language that
    cannot be told; a broken line of a JSON Lines file, or one without "text" (named
    FILE:LINE); a truncated record of a WARC archive.

    A file that is not UTF-8 is read in the encoding charset-normalizer detects, and a note
    on standard error names it ("dixit: note: PATH: not UTF-8: read as cp1252"). An HTML
    page is reduced to its article (title, site and body) with trafilatura, and noted too.

    \b
    Examples:
      dixit analyze article.txt
      dixit analyze --published 2024-11-30 --format json article.txt
      dixit analyze corpus/                      every article file under corpus/
      cat article.txt | dixit analyze --format jsonl -
    """


def _results(paths: tuple[str, ...], published: str | None, language: str | None):
    """(Article or InputError, reading note) for every input, in order."""
    from dixit.io.sources import SourceItem, iter_sources

    notes: deque[str | None] = deque()

    def inputs() -> Iterator[Document | InputError]:
        items = iter_sources(paths, published=published, language=language)
        while True:
            try:
                item = next(items)
            except StopIteration:
                return
            except Exception as err:  # noqa: BLE001 - a reader's bug must not hide the other inputs
                notes.append(None)
                yield InputError("input", f"could not be read ({type(err).__name__}: {err})")
                return
            notes.append(item.note if isinstance(item, SourceItem) else None)
            yield item.document if isinstance(item, SourceItem) else item

    for result in analyze_each(inputs()):
        yield result, notes.popleft()


def _check_language(code: str) -> None:
    """Refuse an unsupported --language before reading anything, listing the supported ones."""
    from dixit.errors import UnsupportedLanguage
    from dixit.lang import get_language

    try:
        get_language(code)
    except UnsupportedLanguage as err:
        raise click.BadParameter(err.short, param_hint="--language") from err
