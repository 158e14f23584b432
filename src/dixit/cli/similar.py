"""`dixit similar ARTICLE|ID`: the stored articles that share a source with an article."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click


@click.command("similar")
@click.argument("article", metavar="ARTICLE|ID")
@click.option("--db", default="dixit.duckdb", show_default=True, help="The DuckDB store to search.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None,
              help="table (default on a terminal) or jsonl (one object per related article; default when piped).")
@click.option("--copies-only", is_flag=True, help="Leave out independent reports of the same event.")
def command(article: str, db: str, fmt: str | None, copies_only: bool) -> None:
    """Find the copies of an article in the store: verbatim, near_verbatim (cuts, later
    editions), spun (synonyms swapped), summary, translation; and independent reports of the
    same event. Each comes with a score and evidence (shared passages with offsets, shared
    quotes with speakers, shared events).

    ARTICLE is a file (stored or not; any language) or the id or path of a stored article.

    \b
    Examples:
      dixit similar ../shared/corpus/dev/rt-kim-belousov.txt --db dixit.duckdb
      dixit similar 3f2a9c0d1e2b4a5c --format jsonl
    """
    from dixit.provenance.cli_support import open_indexed
    from dixit.provenance.query import similar, similar_text

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    store = open_indexed(db)
    try:
        stored = _stored_id(store, article)
        if stored:
            result = similar(store, stored, copies_only=copies_only)
        elif Path(article).is_file():
            from dixit.io.reading import read_document

            doc, _ = read_document(article)
            result = similar_text(store, doc.text, copies_only=copies_only, path=article)
        else:
            raise click.UsageError(f"{article!r} is neither a file nor the id or path of a stored article")
    finally:
        store.close()
    if fmt == "jsonl":
        for entry in result["related"]:
            click.echo(json.dumps(entry, ensure_ascii=False))
    else:
        click.echo(render(result))


def _stored_id(store: Any, article: str) -> str | None:
    """The id of the stored article named by id (or id prefix), by path, or by a file's content."""
    from dixit.provenance.index import connection

    con = connection(store)
    if Path(article).is_file():
        from dixit.core import prepare_text
        from dixit.io.reading import read_document
        from dixit.model import content_id

        doc, _ = read_document(article)
        aid = content_id(prepare_text(doc.text))
        if con.execute("SELECT 1 FROM prov_fingerprints WHERE article_id = ?", [aid]).fetchone():
            return aid
    row = con.execute("SELECT article_id FROM prov_fingerprints WHERE article_id LIKE ? || '%' OR path = ? "
                      "ORDER BY seq LIMIT 1", [article, article]).fetchone()
    return row[0] if row else None


def render(result: dict[str, Any]) -> str:
    me = result["article"]
    lines = [f"{me['path'] or me['article_id']} ({me['language']}): {len(result['related'])} related"]
    for e in result["related"]:
        where = e["path"] or e["url"] or e["article_id"]
        chain = f"  (copy of {e['copied_from']})" if e["copied_from"] else ""
        lines.append(f"  {e['label']:<14} {e['score']:.2f}  {e['language'] or '?':<3} {where}{chain}")
        ev = e["evidence"]
        for p in sorted(ev["shared_passages"], key=lambda p: -p["words"])[:2]:
            text = p["text"] if len(p["text"]) <= 100 else p["text"][:97] + "..."
            lines.append(f"      shared ({p['words']} words): \"{text}\"")
        for q in ev["shared_quotes"][:3]:
            lines.append(f"      shared quote by {q['speaker']} at {q['start']}-{q['end']}")
        if ev["shared_events"]:
            lines.append(f"      shared events: {', '.join(ev['shared_events'][:5])}")
    return "\n".join(lines)
