"""`dixit eval`: score the analysis against a folder of gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dixit.core import Document, analyze_each
from dixit.errors import InputError
from dixit.evaluate.flags import FlagScore, score_flags, summarize_flags
from dixit.evaluate.gold import ArticleScore, score_article, summarize


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--lang", "lang", metavar="CODE", help="Only the gold files of this language (fr, en).")
@click.option("--verbose", "-v", is_flag=True, help="Per article: counts, missed quotes, wrong speakers, extras.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.option("--min", "minimums", multiple=True, metavar="FIELD=VALUE",
              help="Exit 1 unless a summary field reaches the value, e.g. --min quote_f1=0.85.")
def command(gold_dir: str, lang: str | None, verbose: bool, as_json: bool, minimums: tuple[str, ...]) -> None:
    """Score quotes, speaker attribution and events against gold annotations.

    Runs the analysis on every NAME.txt of GOLD_DIR that has a NAME.gold.json beside it
    (format and matching rules: ../shared/corpus/ANNOTATION.md) and prints precision,
    recall and F1 for quote detection, attribution and events, then the quotes it missed.
    """
    items = []
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if lang and gold.get("language") != lang:
            continue
        txt = gold_path.with_name(gold.get("file") or gold_path.name.replace(".gold.json", ".txt"))
        items.append((gold_path.name.removesuffix(".gold.json"), gold, txt))
    if not items:
        raise click.ClickException(f"{gold_dir}: no *.gold.json files" + (f" in language {lang}" if lang else ""))

    docs = (Document(t.read_text(encoding="utf-8"), source=str(t)) for _, _, t in items)
    scores: list[ArticleScore] = []
    flag_score = FlagScore()
    for (name, gold, _), art in zip(items, analyze_each(docs), strict=True):
        if isinstance(art, InputError):
            scores.append(ArticleScore(name, len(gold["quotes"]), 0, 0, 0, len(gold["events"]), 0, 0,
                                       error=str(art)))
            flag_score.add(score_flags(gold, {}))
        else:
            scores.append(score_article(name, gold, art.to_dict()))
            flag_score.add(score_flags(gold, art.to_dict()))
    summary = {**summarize(scores), **summarize_flags(flag_score)}
    if verbose:
        _print_details(scores)
        _print_flag_details(flag_score)
    if as_json:
        click.echo(json.dumps(summary))
    click.echo(
        f"{summary['articles']} articles, {summary['errors']} errors | quotes P {summary['quote_p']:.2f} "
        f"R {summary['quote_r']:.2f} F1 {summary['quote_f1']:.2f} | attribution F1 {summary['attr_f1']:.2f} "
        f"| events P {summary['event_p']:.2f} R {summary['event_r']:.2f} F1 {summary['event_f1']:.2f}"
    )
    click.echo(
        f"flags P {summary['flag_p']:.2f} R {summary['flag_r']:.2f} F1 {summary['flag_f1']:.2f} "
        f"(sys {summary['flags_sys']}, gold {summary['flags_gold']}; P whatever the kind "
        f"{summary['flag_p_any_kind']:.2f}) | "
        + ", ".join(f"{k} {v['p']:.2f}/{v['r']:.2f}" for k, v in summary["flag_kinds"].items())
    )
    short = []
    for cond in minimums:
        field, _, value = cond.partition("=")
        if field not in summary:
            raise click.BadParameter(f"unknown field {field!r}", param_hint="--min")
        if not isinstance(summary[field], int | float):
            raise click.BadParameter(f"{field} is not a number", param_hint="--min")
        if summary[field] < float(value):
            short.append(f"{field} {summary[field]:.2f} < {value}")
    if short:
        click.echo("SHORT: " + "; ".join(short), err=True)
        sys.exit(1)


def _print_details(scores: list[ArticleScore]) -> None:
    for s in scores:
        click.echo(
            f"{s.name}: quotes {s.quotes_tp}/{s.quotes_gold} (sys {s.quotes_sys}), speakers {s.attr_tp}, "
            f"events {s.events_tp}/{s.events_gold} (sys {s.events_sys})" + (f" ERROR {s.error}" if s.error else ""),
            err=True,
        )
        for t in s.missed:
            click.echo(f"   missed: {t}", err=True)
        for t, want, got in s.wrong_speaker:
            click.echo(f"   speaker: {t!r} gold={want} sys={got}", err=True)
        for t in s.extra:
            click.echo(f"   extra: {t}", err=True)


def _print_flag_details(score: FlagScore) -> None:
    for kind, text in score.missed:
        click.echo(f"   flag missed: {kind}: {text[:90]!r}", err=True)
    for kind, text in score.extra:
        click.echo(f"   flag extra: {kind}: {text[:90]!r}", err=True)
