"""What the web view asks of the store. Articles, quotes, events, pairs and name resolution are
`dixit.store.queries` (the same answers as the command line); the few views the command line
has no query for (actor search, one actor's profile, the network, counts) are written here.

Every value from a request is a bound parameter (`?`); only identifiers chosen from fixed
lists here are ever written into SQL text. Functions return plain dicts and lists, ready
for JSON and for the templates.
"""

from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from typing import Any

from dixit.lang import common_toml
from dixit.store import queries
from dixit.store.base import Store

INTERVALS = ("week", "month")
# What counts in a timeline or a network (as in `dixit dyad`): events that happened or are reported
# to have; a denied or hypothetical event is listed with its status but is neither conflict nor cooperation.
COUNTED = queries.DYAD_STATUSES
QUAD_NAMES = queries.quad_names() or {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                                      4: "material conflict"}


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
    """One page of articles (`queries.articles`: every word of `q` in title or text, newest first)."""
    items = queries.articles(store, q=q, outlet=outlet, language=language, since=_iso(date_from),
                             until=_iso(date_to), limit=limit + 1, offset=offset)
    return {"limit": limit, "offset": offset, "has_next": len(items) > limit, "items": items[:limit]}


def outlets(store: Store) -> list[str]:
    return [r["outlet"] for r in store.query(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]


def languages(store: Store) -> list[str]:
    return [r["language"] for r in store.query("SELECT DISTINCT language FROM articles ORDER BY language")]


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The full record of one article (`dixit.article/1`) with its store metadata."""
    return queries.article(store, article_id)


def resolve_actor(store: Store, name: str) -> str | None:
    """The one actor id a name stands for (`queries.resolve_actor`): the id itself when it is
    one, else the candidate present in most articles."""
    ids = queries.resolve_actor(store, name)
    if not ids:
        return None
    if name in ids:
        return name
    rows = store.query("SELECT entity_id, count(*) AS n FROM entities WHERE entity_id IN ? "
                       "GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT 1", [sorted(ids)])
    return rows[0]["entity_id"] if rows else sorted(ids)[0]


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


def quotes(store: Store, *, speaker: str | None = None, q: str | None = None, via: str | None = None,
           since: date | None = None, until: date | None = None, limit: int = 50,
           offset: int = 0) -> list[dict[str, Any]]:
    """Quotes, newest first (`queries.quotes`); `speaker` is a name or id, a state finds its officials'."""
    return queries.quotes(store, speaker=speaker, contains=q, via=via, since=_iso(since), until=_iso(until),
                          limit=limit, offset=offset)


def events(store: Store, *, source: str | None = None, target: str | None = None, type: str | None = None,
           status: str | None = None, since: date | None = None, until: date | None = None,
           limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Events, newest first (`queries.events`), with their PLOVER quad class."""
    rows = queries.events(store, source=source, target=target, type=type, status=status, since=_iso(since),
                          until=_iso(until), limit=limit, offset=offset)
    return [_with_quad(r) for r in rows]


def _with_quad(row: dict[str, Any]) -> dict[str, Any]:
    info = plover_types().get(row["type"], {})
    row["quad"] = info.get("quad")
    row["quad_name"] = info.get("quad_name", "unknown")
    if row.get("intensity") is None:
        row["intensity"] = info.get("intensity")
    return row


def dyad(store: Store, a: str, b: str, *, interval: str = "month") -> dict[str, Any]:
    """The pair's series (`queries.dyad`: asserted and claimed events, both directions) as one
    point per period and quad class, and every event between them (any status), oldest first."""
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    series = []
    for row in queries.dyad(store, a, b, by=interval):
        period = period_start(row["period"])
        for quad in QUAD_NAMES.values():
            n = row.get(_column(quad)) or 0
            if n:
                series.append({"period": period, "quad": quad, "n": n, "a_to_b": row["a_to_b"],
                               "b_to_a": row["b_to_a"], "intensity": row["intensity"]})
    found = {(e["article_id"], e["event_no"]): e for e in events(store, source=a, target=b, limit=None)}
    found.update({(e["article_id"], e["event_no"]): e for e in events(store, source=b, target=a, limit=None)})
    rows = sorted(found.values(), key=lambda e: (e["event_date"] or "9999", e["article_id"], e["event_no"]))
    for e in rows:
        e["period"] = _bucket(e["event_date"], interval)
    return {"a": a, "b": b, "interval": interval, "series": series, "events": rows}


def period_start(period: str) -> str:
    """The first day of a `queries.PERIODS` label: '2024-11' -> 2024-11-01, '2024-W48' -> its Monday."""
    if "-W" in period:
        year, week = period.split("-W")
        return date.fromisocalendar(int(year), int(week), 1).isoformat()
    return (period + "-01-01")[:10] if len(period) == 4 else (period + "-01")[:10]


def _bucket(day: str | None, interval: str) -> str | None:
    if not day:
        return None
    d = date.fromisoformat(day[:10])
    return period_start(d.strftime(queries.PERIODS[interval]))


def _column(quad_name: str) -> str:
    """The column `queries.dyad` gives a quad class ('verbal cooperation' -> verbal_cooperation)."""
    return re.sub(r"\W+", "_", quad_name.strip().lower())


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


# ---------------------------------------------------------------- stories (dixit.provenance)
# The provenance functions read the store's DuckDB connection themselves: the app runs them
# through `store.call`, under the same lock as every other query.


def has_provenance(store: Store) -> bool:
    """Whether the store was indexed for provenance (a read-only store cannot create the tables)."""
    return bool(store.query("SELECT 1 AS found FROM information_schema.tables WHERE table_name = 'prov_links'"))


def stories(store: Store, *, limit: int = 25, offset: int = 0) -> dict[str, Any]:
    """One page of the store's stories (`provenance.stories`: biggest first, earliest version first)."""
    from dixit import provenance

    found = getattr(store, "stories_found", None)
    if found is None:  # the served store is read-only: its stories are grouped once
        found = store.call(provenance.stories) if has_provenance(store) else []
        store.stories_found = found
    items = [_describe(store, copy.deepcopy(item)) for item in found[offset:offset + limit]]
    return {"limit": limit, "offset": offset, "total": len(found), "items": items}


def story(store: Store, article_id: str) -> dict[str, Any] | None:
    """The story an article belongs to, each copy with the passages it shares with its source."""
    from dixit import provenance

    if not has_provenance(store):
        return None
    try:
        found = store.call(provenance.story, article_id)
    except KeyError:
        return None
    return _describe(store, found)


def story_texts(store: Store, ids: list[str]) -> dict[str, str]:
    """The indexed texts (the offsets of shared passages point into these)."""
    from dixit.provenance.index import load

    return {aid: s.text for aid, s in store.call(load, ids).items()}


def _describe(store: Store, found: dict[str, Any]) -> dict[str, Any]:
    """Add title and outlet to a story's members, and list the independent reports linked to them."""
    ids = [m["article_id"] for m in found["members"]]
    links = store.query(
        "SELECT article_id, other_id, score FROM prov_links WHERE label = 'independent' "
        "AND (article_id IN ? OR other_id IN ?) ORDER BY score DESC", [ids, ids])
    independent: dict[str, dict[str, Any]] = {}
    for link in links:
        other, member = (link["other_id"], link["article_id"]) if link["article_id"] in ids else (
            link["article_id"], link["other_id"])
        if other not in ids and other not in independent:
            independent[other] = {"article_id": other, "score": link["score"], "linked_to": member}
    meta = _story_meta(store, ids + list(independent))
    for row in [*found["members"], *independent.values()]:
        row.update({k: v for k, v in meta.get(row["article_id"], {}).items() if v is not None or k not in row})
    found["independent"] = list(independent.values())
    return found


def _story_meta(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = _rows(store, "SELECT f.article_id, a.title, a.outlet, coalesce(f.path, a.path) AS path, "
                        "coalesce(f.url, a.url) AS url, f.language, "
                        "coalesce(f.published, CAST(a.published AS VARCHAR)) AS published "
                        "FROM prov_fingerprints f LEFT JOIN articles a USING (article_id) "
                        "WHERE f.article_id IN ?", [ids])
    return {r.pop("article_id"): r for r in rows}


def copy_links(store: Store, article_id: str) -> int:
    """How many copy relations (not independent reports) an article has: its page links to its story."""
    from dixit.provenance.compare import COPY_LABELS

    if not has_provenance(store):
        return 0
    return store.query("SELECT count(*) AS n FROM prov_links WHERE (article_id = ? OR other_id = ?) AND label IN ?",
                       [article_id, article_id, list(COPY_LABELS)])[0]["n"]


def shared_names(a: str, b: str) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Where two texts in different languages name the same names and numbers (what a translation
    keeps), as (start, end, number) spans in each, one number per name, as `markup.shared` marks them.

    Names are capitalised words a text never writes in lower case, matched by their spelling-tolerant
    key (`provenance.text.skeleton`: 'Moscow'/'Moscou'); numbers by value ('90,000'/'90 000').
    """
    found_a, found_b = _names_and_numbers(a), _names_and_numbers(b)
    in_b = {k for k, _, _ in found_b}
    keys = {k: i for i, k in enumerate(dict.fromkeys(k for k, _, _ in found_a if k in in_b))}
    return ([(s, e, keys[k]) for k, s, e in found_a if k in keys],
            [(s, e, keys[k]) for k, s, e in found_b if k in keys])


def _names_and_numbers(text: str) -> list[tuple[str, int, int]]:
    from dixit.provenance.text import numbers, skeleton, tokens

    toks = tokens(text)
    lower = {t.norm for t in toks if not t.capital}
    names = [("n:" + skeleton(t.norm), t.start, t.end) for t in toks
             if t.capital and len(t.norm) >= 3 and t.norm not in lower and not t.norm.isdigit()]
    return sorted(names + [("d:" + value, start, end) for value, start, end in numbers(text)], key=lambda x: x[1])
