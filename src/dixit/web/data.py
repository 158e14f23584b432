"""The read queries the web view needs, over the store tables (`dixit.store.rows.TABLES`).

Every value from a request is a bound parameter (`?`); only identifiers chosen from fixed
lists here are ever written into SQL text. Functions return plain dicts and lists, ready
for JSON and for the templates. When `dixit.store.queries` lands on main, the functions
that duplicate it delegate to it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from typing import Any

from dixit.lang import common_toml
from dixit.store.base import Store

INTERVALS = ("week", "month")
# What counts in a timeline or a network: events that happened or are reported to have; a
# denied or hypothetical event is listed with its status but is neither conflict nor cooperation.
COUNTED = ("asserted", "claimed")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@cache
def plover_types() -> dict[str, dict[str, Any]]:
    """PLOVER type -> {quad, quad_name, intensity}, from lang/common/plover.toml."""
    data = common_toml("plover")
    quads = {int(k): v for k, v in data.get("quads", {}).items()} or QUAD_NAMES
    return {
        name: {"quad": t.get("quad"), "quad_name": quads.get(t.get("quad"), "unknown"),
               "intensity": t.get("intensity")}
        for name, t in data.get("types", {}).items()
    }


def _like(word: str) -> str:
    """A LIKE pattern matching `word` literally anywhere (used with ESCAPE '\\')."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [{k: _iso(v) for k, v in row.items()} for row in store.query(sql, params)]


def articles(
    store: Store, *, q: str | None = None, outlet: str | None = None, language: str | None = None,
    date_from: date | None = None, date_to: date | None = None, limit: int = 25, offset: int = 0,
) -> dict[str, Any]:
    """Articles matching every word of `q` (title or text), newest first, with their counts."""
    where, params = ["1=1"], []
    for word in (q or "").split():
        where.append("(a.text ILIKE ? ESCAPE '\\' OR a.title ILIKE ? ESCAPE '\\')")
        params += [_like(word), _like(word)]
    if outlet:
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(_like(outlet))
    if language:
        where.append("a.language = ?")
        params.append(language)
    if date_from:
        where.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        params.append(date_to)
    cond = " AND ".join(where)
    total = store.query(f"SELECT count(*) AS n FROM articles a WHERE {cond}", params)[0]["n"]
    items = _rows(store, f"""
        SELECT a.article_id, a.title, a.outlet, a.published, a.language, a.n_chars, a.path,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS n_quotes,
               (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS n_events,
               (SELECT count(*) FROM flags f WHERE f.article_id = a.article_id) AS n_flags
        FROM articles a WHERE {cond}
        ORDER BY a.published DESC NULLS LAST, a.title, a.article_id LIMIT ? OFFSET ?""",
        params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def outlets(store: Store) -> list[str]:
    return [r["outlet"] for r in store.query(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]


def languages(store: Store) -> list[str]:
    return [r["language"] for r in store.query("SELECT DISTINCT language FROM articles ORDER BY language")]


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The full record of one article (`dixit.article/1`) with its store metadata."""
    rows = store.query("SELECT record, path, url, published FROM articles WHERE article_id = ?", [article_id])
    if not rows:
        return None
    record = json.loads(rows[0]["record"])
    record.update(path=rows[0]["path"], url=rows[0]["url"])
    return record


def resolve_actor(store: Store, name: str) -> str | None:
    """An actor id from an id ("PRK", "Kim Jong-un") or a name as written, case-insensitive."""
    for sql in (
        "SELECT entity_id FROM entities WHERE entity_id = ? LIMIT 1",
        "SELECT entity_id FROM entities WHERE lower(entity_id) = lower(?) LIMIT 1",
        "SELECT entity_id FROM entities WHERE lower(name) = lower(?) "
        "GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1",
        "SELECT source_id AS entity_id FROM events WHERE source_id = ? OR source_country = ? LIMIT 1",
    ):
        rows = store.query(sql, [name] * sql.count("?"))
        if rows:
            return rows[0]["entity_id"]
    return None


def actors(store: Store, *, q: str | None = None, kind: str | None = None, limit: int = 50,
           offset: int = 0) -> dict[str, Any]:
    """Actors across articles, most present first: articles, quotes spoken, events as source/target."""
    where, params = ["1=1"], []
    if q:
        where.append("(e.entity_id ILIKE ? ESCAPE '\\' OR e.name ILIKE ? ESCAPE '\\')")
        params += [_like(q), _like(q)]
    if kind:
        where.append("e.kind = ?")
        params.append(kind)
    cond = " AND ".join(where)
    total = store.query(f"SELECT count(DISTINCT entity_id) AS n FROM entities e WHERE {cond}", params)[0]["n"]
    items = _rows(store, f"""
        WITH ent AS (
            SELECT e.entity_id, mode(e.name) AS name, mode(e.kind) AS kind, mode(e.country) AS country,
                   count(DISTINCT e.article_id) AS n_articles, sum(e.n_mentions) AS n_mentions
            FROM entities e WHERE {cond} GROUP BY e.entity_id)
        SELECT ent.*,
               (SELECT count(*) FROM quotes q WHERE q.speaker_id = ent.entity_id) AS n_quotes,
               (SELECT count(*) FROM events v WHERE v.source_id = ent.entity_id) AS n_acts,
               (SELECT count(*) FROM events v WHERE v.target_id = ent.entity_id) AS n_undergone
        FROM ent ORDER BY n_articles DESC, n_mentions DESC, entity_id LIMIT ? OFFSET ?""",
        params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


_QUOTE_COLS = """q.article_id, q.quote_no, q.start, q."end", q.text, q.kind, q.speaker_id, q.speaker_name,
    q.speaker_country, q.cue_lemma, q.via_ids, q.via_names, a.title, a.outlet, a.published"""

_EVENT_COLS = """v.article_id, v.event_no, v.type, v.mode, v.source_id, v.source_name, v.source_country,
    v.target_id, v.target_name, v.target_country, v.source_actor, v.target_actor, v.start, v."end", v.text,
    v.date, v.event_date, v.status, v.claimed_by, v.denied_by, v.intensity, v.symmetric,
    a.title, a.outlet, a.published"""


def quotes(store: Store, *, speaker: str | None = None, q: str | None = None, limit: int = 50,
           offset: int = 0) -> list[dict[str, Any]]:
    """Quotes, oldest first; `speaker` matches the speaker's id or their state."""
    where, params = ["1=1"], []
    if speaker:
        where.append("(q.speaker_id = ? OR q.speaker_country = ?)")
        params += [speaker, speaker]
    if q:
        where.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(_like(q))
    return _rows(store, f"""SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a USING (article_id)
        WHERE {' AND '.join(where)} ORDER BY a.published NULLS LAST, q.article_id, q.quote_no
        LIMIT ? OFFSET ?""", params + [limit, offset])


def events(store: Store, *, source: str | None = None, target: str | None = None, type: str | None = None,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Events, oldest first; `source`/`target` match an actor's id, their state or the acting person."""
    where, params = ["1=1"], []
    if source:
        where.append("(v.source_id = ? OR v.source_country = ? OR v.source_actor = ?)")
        params += [source] * 3
    if target:
        where.append("(v.target_id = ? OR v.target_country = ? OR v.target_actor = ?)")
        params += [target] * 3
    if type:
        where.append("v.type = ?")
        params.append(type.upper())
    rows = _rows(store, f"""SELECT {_EVENT_COLS} FROM events v JOIN articles a USING (article_id)
        WHERE {' AND '.join(where)} ORDER BY v.event_date NULLS LAST, v.article_id, v.event_no
        LIMIT ? OFFSET ?""", params + [limit, offset])
    return [_with_quad(r) for r in rows]


def _with_quad(row: dict[str, Any]) -> dict[str, Any]:
    info = plover_types().get(row["type"], {})
    row["quad"] = info.get("quad")
    row["quad_name"] = info.get("quad_name", "unknown")
    if row.get("intensity") is None:
        row["intensity"] = info.get("intensity")
    return row


def dyad(store: Store, a: str, b: str, *, interval: str = "month") -> dict[str, Any]:
    """Events between two actors, both directions, and their count per period and quad class."""
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    side = "(v.{0}_id = ? OR v.{0}_country = ? OR v.{0}_actor = ?)"
    cond = (f"(({side.format('source')} AND {side.format('target')}) OR "
            f"({side.format('source')} AND {side.format('target')}))")
    params = [a] * 3 + [b] * 3 + [b] * 3 + [a] * 3
    rows = _rows(store, f"""SELECT {_EVENT_COLS}, CAST(date_trunc('{interval}', v.event_date) AS DATE) AS period
        FROM events v JOIN articles a USING (article_id) WHERE {cond}
        ORDER BY v.event_date NULLS LAST, v.article_id, v.event_no""", params)
    rows = [_with_quad(r) for r in rows]
    counts: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        if r["period"] and r["status"] in COUNTED:
            direction = f"{a} → {b}" if _is(r, "source", a) else f"{b} → {a}"
            counts[(r["period"], r["quad_name"], direction)] += 1
    series = [{"period": p, "quad": qn, "direction": d, "n": n} for (p, qn, d), n in sorted(counts.items())]
    return {"a": a, "b": b, "interval": interval, "series": series, "events": rows}


def _is(row: dict[str, Any], side: str, actor: str) -> bool:
    return actor in (row[f"{side}_id"], row[f"{side}_country"], row[f"{side}_actor"])


def network(store: Store, *, types: list[str] | None = None, min_weight: int = 1,
            limit: int = 300) -> dict[str, Any]:
    """Who does what to whom: one edge per (source, target, type) with its count."""
    where = ["v.source_id IS NOT NULL", "v.target_id IS NOT NULL", "v.source_id <> v.target_id",
             f"v.status IN ({', '.join('?' for _ in COUNTED)})"]
    params: list[Any] = list(COUNTED)
    if types:
        where.append(f"v.type IN ({', '.join('?' for _ in types)})")
        params += [t.upper() for t in types]
    edges = _rows(store, f"""SELECT v.source_id AS source, v.target_id AS target, v.type, count(*) AS weight,
            any_value(v.source_name) AS source_name, any_value(v.target_name) AS target_name
        FROM events v WHERE {' AND '.join(where)} GROUP BY ALL HAVING count(*) >= ?
        ORDER BY weight DESC, source, target, v.type LIMIT ?""", params + [min_weight, limit])
    names: dict[str, str] = {}
    degree: Counter[str] = Counter()
    for e in edges:
        _with_quad(e)
        for side in ("source", "target"):
            names.setdefault(e[side], e.pop(f"{side}_name") or e[side])
            degree[e[side]] += e["weight"]
    kinds = _kinds(store, list(names))
    nodes = [{"id": i, "name": n, "kind": kinds.get(i, "other"), "degree": degree[i]} for i, n in names.items()]
    return {"nodes": nodes, "edges": edges}


def _kinds(store: Store, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = store.query(f"SELECT entity_id, mode(kind) AS kind FROM entities WHERE entity_id IN ({marks}) "
                       "GROUP BY entity_id", ids)
    return {r["entity_id"]: r["kind"] for r in rows}


def actor(store: Store, actor_id: str, *, limit: int = 200) -> dict[str, Any] | None:
    """One actor: names, what they said over time, what they did and underwent, whom they talk about."""
    info = store.query("""SELECT entity_id, mode(name) AS name, mode(kind) AS kind, mode(country) AS country,
            mode(role) AS role, list(DISTINCT name) AS names, count(DISTINCT article_id) AS n_articles
        FROM entities WHERE entity_id = ? GROUP BY entity_id""", [actor_id])
    acted = events(store, source=actor_id, limit=limit)
    undergone = events(store, target=actor_id, limit=limit)
    said = quotes(store, speaker=actor_id, limit=limit)
    if not info and not (acted or undergone or said):
        return None
    profile = info[0] if info else {"entity_id": actor_id, "name": actor_id, "kind": None, "country": None,
                                    "role": None, "names": [], "n_articles": 0}
    return {**profile, "quotes": said, "acted": acted, "undergone": undergone,
            "talks_about": talks_about(store, actor_id), "said_per_month": _per_month(said)}


def _per_month(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter((r["published"] or "")[:7] for r in rows if r.get("published"))
    return [{"period": p + "-01", "n": n} for p, n in sorted(counts.items())]


def talks_about(store: Store, actor_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors mentioned inside this actor's quotes, most often first."""
    rows = store.query("""SELECT m.entity_id, any_value(e.name) AS name, count(*) AS n
        FROM quotes q JOIN mentions m ON m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end"
        JOIN entities e ON e.article_id = m.article_id AND e.entity_id = m.entity_id
        WHERE (q.speaker_id = ? OR q.speaker_country = ?) AND m.entity_id <> ?
        GROUP BY m.entity_id ORDER BY n DESC, m.entity_id LIMIT ?""", [actor_id, actor_id, actor_id, limit])
    return rows


def stats(store: Store) -> dict[str, int]:
    out = {}
    for table in ("articles", "entities", "quotes", "events", "flags"):
        out[table] = store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"]
    return out


def speaker_colours(record: dict[str, Any]) -> dict[str, int]:
    """A palette index per speaker of the article, in order of first quote (stable across reloads)."""
    order: dict[str, int] = {}
    for quote in record.get("quotes", []):
        key = quote.get("speaker") or ""
        order.setdefault(key, len(order))
    return order


def group_by(items: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        out[item.get(key)].append(item)
    return out
