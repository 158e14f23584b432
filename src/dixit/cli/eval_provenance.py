"""`dixit eval-provenance DIR`: how well `similar` finds and labels copies in annotated clusters."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("eval-provenance")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List the copies found, missed and the false copies.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def command(folder: Path, verbose: bool, fmt: str) -> None:
    """Score provenance on the clusters in FOLDER (each with a cluster.json).

    Each cluster's members are ingested into one fresh in-memory store; from the cluster's
    source, the copies among French and English members must be found (precision, recall),
    labelled (labels), and independent or same-topic reports kept out (kept-out).
    Translations are searched both ways (from the source and back).

    \b
    Example:
      dixit eval-provenance ../shared/corpus/provenance -v
    """
    from dixit.provenance.evaluation import evaluate

    results, figures = evaluate(folder)
    if fmt == "json":
        click.echo(json.dumps({"figures": figures, "clusters": [r.__dict__ for r in results]},
                              ensure_ascii=False, indent=2))
        return
    for r in results:
        for failure in r.failures:
            click.echo(f"dixit: warning: {failure}", err=True)
        click.echo(f"{r.name}  (source {r.source}): {len(r.found)} found, {len(r.missed)} missed, "
                   f"{len(r.false)} false, {r.kept_out}/{r.negatives} kept out")
        if verbose:
            for file, pred, gold in r.found:
                mark = "ok " if pred == gold else "LBL"
                click.echo(f"   {mark} {file}: {pred} (gold {gold})")
            for file, gold in r.missed:
                click.echo(f"   MISS {file} (gold {gold})")
            for file, pred, gold in r.false:
                click.echo(f"   FALSE {file}: {pred} (gold {gold})")
            for t in r.translations:
                click.echo(f"   translation {t['file']} ({t['language']}): from source {t['from_source']}, "
                           f"back to source {t['to_source']}")
    click.echo("")
    click.echo(f"copies   precision {figures['precision']:.3f}  recall {figures['recall']:.3f}  "
               f"(of {int(figures['copies'])} French/English copies)")
    click.echo(f"labels   {figures['labels']:.3f} of the copies found have the right kind")
    click.echo(f"kept out {figures['kept_out']:.3f} of {int(figures['negatives'])} independent/same-topic members")
    click.echo(f"translations found both ways: {figures['translations_both_ways']:.3f}")
