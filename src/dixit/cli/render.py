"""Human-readable rendering of an Article for the terminal (`dixit analyze --format table`).

One block per article: a header (title, outlet, language, date, id), then quotes as
`speaker → «words»`, events as `SOURCE —TYPE→ TARGET (status, date, place)`, flags with the
flagged text, and actors. Headings are bold on a terminal (click drops the styling when the
output is piped). The JSON output is the contract; this view may change.
"""

from __future__ import annotations

import shutil
import textwrap

import click

from dixit.model import Article, Event, Quote

QUOTE_CHARS = 240  # a longer quotation is cut: the offsets lead to the full text
EVIDENCE_CHARS = 90


def _name(art: Article, entity_id: str | None) -> str:
    ent = art.entity(entity_id)
    return ent.name if ent else (entity_id or "?")


def _names(art: Article, ids: list[str]) -> str:
    return ", ".join(_name(art, i) for i in ids)


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _heading(title: str, count: int) -> str:
    return click.style(f"{title} ({count})", bold=True)


def _wrap(first: str, rest: str, width: int) -> list[str]:
    """A long line folded under its own indentation."""
    indent = " " * (len(first) - len(first.lstrip()) + 4)
    return textwrap.wrap(first + rest, width=width, subsequent_indent=indent, break_on_hyphens=False) or [first]


def _language(code: str) -> str:
    from dixit.lang.detect import language_name

    name = language_name(code)
    return f"{name} ({code})" if name else code


def _header(art: Article) -> list[str]:
    facts = [
        f"outlet: {art.outlet or '-'}",
        f"language: {_language(art.language)}",
        f"published: {art.published or '-'}",
        f"id: {art.id}",
    ]
    lines = [click.style(f"# {art.title or '(no title)'}", bold=True), "  " + "   ".join(facts)]
    if art.source:
        lines.append(f"  source: {art.source}")
    return lines


def quote_line(art: Article, q: Quote) -> str:
    who = _name(art, q.speaker) if q.speaker else "(speaker unknown)"
    if q.co_speakers:
        who += f" + {_names(art, q.co_speakers)}"
    extras = [q.kind]
    if q.cue:
        extras.append(f"cue “{q.cue.lemma}”")
    if q.via:
        extras.append("via " + " ← ".join(_name(art, v) for v in q.via))
    if q.addressee:
        extras.append(f"to {_name(art, q.addressee)}")
    return f"  {who} → «{_clip(q.text, QUOTE_CHARS)}»  [{'; '.join(extras)}] @{q.start}"


def event_line(art: Article, ev: Event) -> str:
    details = ", ".join(filter(None, [ev.status, ev.date, ev.location]))
    line = f"  {_name(art, ev.source)} —{ev.type}→ {_name(art, ev.target)} ({details})"
    if ev.claimed_by:
        line += f" claimed by {_names(art, ev.claimed_by)}"
    if ev.denied_by:
        line += f" denied by {_names(art, ev.denied_by)}"
    return line + f"  «{_clip(ev.text, EVIDENCE_CHARS)}» @{ev.start}"


def render_table(art: Article, width: int | None = None) -> str:
    width = width or max(60, min(shutil.get_terminal_size((120, 24)).columns, 160))
    lines = _header(art)
    lines += ["", _heading("Quotes", len(art.quotes))]
    for q in art.quotes:
        lines += _wrap(quote_line(art, q), "", width)
    lines += ["", _heading("Events", len(art.events))]
    for ev in art.events:
        lines += _wrap(event_line(art, ev), "", width)
    lines += ["", _heading("Flags", len(art.flags))]
    for f in art.flags:
        lines += _wrap(f"  {f.kind}: «{_clip(art.text[f.start:f.end], EVIDENCE_CHARS)}» @{f.start}", "", width)
    actors = [e for e in art.entities if e.kind != "other"]
    lines += ["", _heading("Actors", len(actors))]
    for e in actors:
        extra = ", ".join(filter(None, [e.kind, e.country, e.role]))
        lines.append(f"  {e.name} ({extra}) ×{len(e.mentions)}")
    return "\n".join(lines)
