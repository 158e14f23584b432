"""`dixit stories`: the store grouped into stories and copy chains."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


@click.command("stories")
@click.option("--db", default="dixit.duckdb", show_default=True, help="The DuckDB store to group.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None,
              help="table (default on a terminal), jsonl (one story per line), csv (one member per row).")
@click.option("--story", "story_id", metavar="ID", help="Show one story (by its id or a member's id) with the "
              "passages each copy shares with the version it was copied from.")
@click.option("--min-size", default=2, show_default=True, help="Leave out stories with fewer articles.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here (default: stdout).")
def command(db: str, fmt: str | None, story_id: str | None, min_size: int, output) -> None:
    """Group the stored articles into stories: each copy chain with its earliest (or, at equal
    dates, most complete) version first, who copies whom, with what kind of copy, and in
    which languages.

    \b
    Examples:
      dixit stories --db dixit.duckdb
      dixit stories --format jsonl -o stories.jsonl
      dixit stories --story 3f2a9c0d1e2b4a5c --format jsonl
    """
    from dixit.provenance.cli_support import open_indexed
    from dixit.provenance.query import stories, story

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    store = open_indexed(db)
    try:
        if story_id:
            try:
                found = [story(store, story_id)]
            except KeyError as err:
                raise click.UsageError(f"no story with an article {story_id!r}") from err
        else:
            found = stories(store, min_size=min_size)
    finally:
        store.close()
    if fmt == "jsonl":
        for s in found:
            output.write(json.dumps(s, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _csv(found, output)
    else:
        output.write(render(found) + "\n")


def _csv(found: list[dict[str, Any]], output) -> None:
    import csv

    cols = ["story_id", "article_id", "copied_from", "label", "score", "language", "published", "path", "url"]
    writer = csv.DictWriter(output, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    for s in found:
        for m in s["members"]:
            writer.writerow({**m, "story_id": s["story_id"]})


def render(found: list[dict[str, Any]]) -> str:
    if not found:
        return "no stories (no two stored articles share a source)"
    lines = []
    for s in found:
        lines.append(f"story {s['story_id']}: {s['size']} articles, languages {', '.join(s['languages'])}")
        for m in s["members"]:
            where = m["path"] or m["url"] or m["article_id"]
            how = "source" if not m["copied_from"] else f"{m['label']} of {m['copied_from']} ({m['score']:.2f})"
            lines.append(f"  {m['article_id']}  {m['language'] or '?':<3} {where}\n      {how}")
    return "\n".join(lines)
