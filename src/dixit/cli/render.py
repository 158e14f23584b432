"""Human-readable rendering of an Article for the terminal."""

from __future__ import annotations

from dixit.model import Article


def _name(art: Article, entity_id: str | None) -> str:
    ent = art.entity(entity_id)
    return ent.name if ent else (entity_id or "?")


def _clip(s: str, n: int = 100) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_table(art: Article) -> str:
    lines = [
        f"# {art.title or '(no title)'}",
        f"  outlet: {art.outlet or '-'}   language: {art.language}   published: {art.published or '-'}"
        f"   id: {art.id}",
    ]
    if art.source:
        lines.append(f"  source: {art.source}")
    lines.append(f"\nQuotes ({len(art.quotes)})")
    for q in art.quotes:
        via = f"  (via {', '.join(_name(art, v) for v in q.via)})" if q.via else ""
        cue = f" [{q.cue.lemma}]" if q.cue else ""
        who = _name(art, q.speaker) if q.speaker else "(unknown)"
        lines.append(f"  {who} →{cue} {q.kind}: «{_clip(q.text)}»{via}")
    lines.append(f"\nEvents ({len(art.events)})")
    for ev in art.events:
        details = ", ".join(filter(None, [ev.status, ev.date, ev.location]))
        claim = f" claimed by {', '.join(_name(art, c) for c in ev.claimed_by)}" if ev.claimed_by else ""
        deny = f" denied by {', '.join(_name(art, c) for c in ev.denied_by)}" if ev.denied_by else ""
        lines.append(
            f"  {_name(art, ev.source)} —{ev.type}→ {_name(art, ev.target)} ({details}){claim}{deny}"
            f"  «{_clip(ev.text, 70)}»"
        )
    lines.append(f"\nFlags ({len(art.flags)})")
    for f in art.flags:
        lines.append(f"  {f.kind}: «{_clip(art.text[f.start:f.end], 70)}» @{f.start}")
    people = [e for e in art.entities if e.kind != "other"]
    lines.append(f"\nActors ({len(people)})")
    for e in people:
        extra = ", ".join(filter(None, [e.kind, e.country, e.role]))
        lines.append(f"  {e.name} ({extra}) ×{len(e.mentions)}")
    return "\n".join(lines)
