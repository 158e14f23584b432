"""An Article as table rows: the layout shared by the DuckDB store, `dixit export` and the
Parquet partitions that cluster runs write. Column order and types are the contract
(documented in docs/store.md); offsets always index into `articles.text`.
"""

from __future__ import annotations

from typing import Any

from dixit.model import Article

# table -> [(column, DuckDB type)]; the first column of every table is article_id.
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", "VARCHAR"), ("path", "VARCHAR"), ("url", "VARCHAR"), ("title", "VARCHAR"),
        ("outlet", "VARCHAR"), ("published", "DATE"), ("language", "VARCHAR"), ("n_chars", "INTEGER"),
        ("text", "VARCHAR"), ("record", "JSON"), ("ingested_at", "TIMESTAMP"),
    ],
    "entities": [
        ("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR"),
        ("country", "VARCHAR"), ("role", "VARCHAR"), ("n_mentions", "INTEGER"),
    ],
    "mentions": [
        ("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "quotes": [
        ("article_id", "VARCHAR"), ("quote_no", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("text", "VARCHAR"), ("kind", "VARCHAR"), ("speaker_id", "VARCHAR"), ("speaker_name", "VARCHAR"),
        ("speaker_country", "VARCHAR"), ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"),
        ("cue_lemma", "VARCHAR"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"),
        ("via_ids", "VARCHAR[]"), ("via_names", "VARCHAR[]"), ("addressee_id", "VARCHAR"),
    ],
    "events": [
        ("article_id", "VARCHAR"), ("event_no", "INTEGER"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
        ("source_id", "VARCHAR"), ("source_name", "VARCHAR"), ("source_country", "VARCHAR"),
        ("target_id", "VARCHAR"), ("target_name", "VARCHAR"), ("target_country", "VARCHAR"),
        ("source_actor", "VARCHAR"), ("target_actor", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("date", "VARCHAR"), ("date_precision", "VARCHAR"), ("event_date", "DATE"),
        ("location", "VARCHAR"), ("status", "VARCHAR"), ("claimed_by", "VARCHAR[]"),
        ("denied_by", "VARCHAR[]"), ("intensity", "DOUBLE"), ("symmetric", "BOOLEAN"),
    ],
    "flags": [
        ("article_id", "VARCHAR"), ("flag_no", "INTEGER"), ("kind", "VARCHAR"), ("start", "INTEGER"),
        ("end", "INTEGER"), ("text", "VARCHAR"),
    ],
}


def _event_date(date: str | None, published: str | None) -> str | None:
    """A DATE to sort and bucket on: the event's date at its first day, else publication."""
    if date:
        parts = date.split("-") + ["01", "01"]
        return "-".join(parts[:3])
    return published


def article_rows(
    art: Article, *, path: str | None = None, url: str | None = None, ingested_at: Any = None
) -> dict[str, list[dict[str, Any]]]:
    """All the rows one article contributes, table by table."""
    import json

    aid, text = art.id, art.text
    ents = {e.id: e for e in art.entities}

    def name(eid: str | None) -> str | None:
        return ents[eid].name if eid in ents else eid

    def country(eid: str | None) -> str | None:
        e = ents.get(eid)
        return (e.country or (e.id if e.kind == "country" else None)) if e else None

    record = art.to_dict()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["articles"].append(dict(
        article_id=aid, path=path, url=url, title=art.title, outlet=art.outlet, published=art.published,
        language=art.language, n_chars=len(text), text=text, record=json.dumps(record, ensure_ascii=False),
        ingested_at=ingested_at,
    ))
    for e in art.entities:
        rows["entities"].append(dict(article_id=aid, entity_id=e.id, name=e.name, kind=e.kind,
                                     country=e.country, role=e.role, n_mentions=len(e.mentions)))
        for m in e.mentions:
            rows["mentions"].append(dict(article_id=aid, entity_id=e.id, start=m.start, end=m.end,
                                         text=text[m.start:m.end]))
    for i, q in enumerate(art.quotes):
        rows["quotes"].append(dict(
            article_id=aid, quote_no=i, start=q.start, end=q.end, text=q.text, kind=q.kind,
            speaker_id=q.speaker, speaker_name=name(q.speaker), speaker_country=country(q.speaker),
            speaker_start=q.speaker_mention.start if q.speaker_mention else None,
            speaker_end=q.speaker_mention.end if q.speaker_mention else None,
            cue_lemma=q.cue.lemma if q.cue else None, cue_start=q.cue.start if q.cue else None,
            cue_end=q.cue.end if q.cue else None, via_ids=list(q.via), via_names=[name(v) for v in q.via],
            addressee_id=q.addressee,
        ))
    for i, ev in enumerate(art.events):
        rows["events"].append(dict(
            article_id=aid, event_no=i, type=ev.type, mode=ev.mode,
            source_id=ev.source, source_name=name(ev.source), source_country=country(ev.source),
            target_id=ev.target, target_name=name(ev.target), target_country=country(ev.target),
            source_actor=ev.source_actor, target_actor=ev.target_actor, start=ev.start, end=ev.end,
            text=ev.text, date=ev.date, date_precision=ev.date_precision,
            event_date=_event_date(ev.date, art.published), location=ev.location, status=ev.status,
            claimed_by=list(ev.claimed_by), denied_by=list(ev.denied_by), intensity=ev.intensity,
            symmetric=ev.symmetric,
        ))
    for i, f in enumerate(art.flags):
        rows["flags"].append(dict(article_id=aid, flag_no=i, kind=f.kind, start=f.start, end=f.end,
                                  text=text[f.start:f.end]))
    return rows
