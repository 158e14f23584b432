"""The query API over a store: who said what, who did what to whom, over time.

Every function takes a `Store` (or a path to one, opened read-only) and returns a plain
list of dicts whose values are JSON-ready (dates as ISO strings), so the CLI, the web view
and notebooks share one implementation. All SQL takes its values as bound parameters.

Names go through `resolve_actor`: "Poutine", "Putin" and "Vladimir Poutine" find the same
actor, "RUS", "Russie" and "Moscou" the state RUS, from what the store itself knows (entity
ids, names, mention texts) plus the alias tables shipped under `dixit/lang/`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from dixit.lang import LANG_ROOT, common_toml
from dixit.store.base import Store, open_store

StoreLike = Store | str | Path
T = TypeVar("T")

# Events counted in a dyad series unless the caller asks otherwise: what happened or is
# reported to have happened; denied and hypothetical events are not conflict or cooperation.
DYAD_STATUSES = ("asserted", "claimed")
PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}

# Alias tables: TSV files with an id column and one or more name columns (names may hold
# several aliases separated by "|" or ";"). Any of these files, in lang/common or in a
# language folder, feeds resolution; the column names are looked up, not assumed.
_ALIAS_FILES = ("aliases", "actors", "countries", "persons", "organizations", "places", "capitals", "demonyms")
_ID_COLUMNS = ("id", "entity_id", "code", "iso3", "alpha3", "country", "key")
_NAME_PREFIXES = ("alias", "name", "label", "capital", "demonym", "variant")


def _with_store(fn: Callable[..., T]) -> Callable[..., T]:
    """Let `fn` take a path as well as a Store: opened read-only for the call, then closed."""

    @wraps(fn)
    def call(store: StoreLike, *args: Any, **kwargs: Any) -> T:
        if not isinstance(store, str | Path):
            return fn(store, *args, **kwargs)
        opened = open_store(str(store), read_only=True)
        try:
            return fn(opened, *args, **kwargs)
        finally:
            opened.close()

    return call


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _rows(store: StoreLike, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in store.query(sql, params)]


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_name(name: str) -> str:
    """A key to compare names on: no accents, no case, hyphens and apostrophes as spaces."""
    return " ".join(re.sub(r"[-‐‑–—'’.]", " ", _unaccented(name).casefold()).split())


# --- names -------------------------------------------------------------------------------

@cache
def alias_index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """From every alias TSV under dixit/lang (common and languages): normalised alias -> ids,
    and id -> its normalised aliases."""
    by_alias: dict[str, set[str]] = {}
    by_id: dict[str, set[str]] = {}
    for folder in sorted(p for p in LANG_ROOT.iterdir() if p.is_dir()):
        for stem in _ALIAS_FILES:
            path = folder / f"{stem}.tsv"
            if path.exists():
                for ident, alias in _alias_pairs(path):
                    key = normalize_name(alias)
                    by_alias.setdefault(key, set()).add(ident)
                    by_id.setdefault(ident, set()).add(key)
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    return freeze(by_alias), freeze(by_id)


def _alias_pairs(path: Path) -> Iterable[tuple[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        columns = [c.strip().lower() for c in (reader.fieldnames or [])]
        id_col = next((c for c in _ID_COLUMNS if c in columns), None)
        if id_col is None:
            return
        # aliases, names, capitals, demonyms_fr...; a two-letter column is a language's name
        name_cols = [c for c in columns if c != id_col and (c.startswith(_NAME_PREFIXES) or len(c) == 2)]
        for raw in reader:
            row = {k.strip().lower(): (v or "") for k, v in raw.items() if k}
            ident = row.get(id_col, "").strip()
            if not ident:
                continue
            yield ident, ident
            for col in name_cols:
                for alias in re.split(r"[|;]", row.get(col, "")):
                    if alias.strip():
                        yield ident, alias.strip()


@_with_store
def resolve_actor(store: StoreLike, name: str) -> set[str]:
    """The entity ids and country codes a name stands for.

    Exact matches first (an id, a stored entity name, a stored mention text, an alias from
    the tables, all compared without case or accents); failing those, the stored actors
    whose name contains every word of the query ("Poutine" -> "Vladimir Poutine").
    """
    key = normalize_name(name)
    if not key:
        return set()
    by_alias, by_id = alias_index()
    ids: set[str] = set(by_alias.get(key, ()))
    # the stored names and mentions of every alias of those ids count: "Poutine" finds an actor
    # stored under "Vladimir Poutine" even when it was given another id
    keys = sorted({key} | {k for i in ids for k in by_id.get(i, ())})
    rows = store.query(
        "SELECT DISTINCT entity_id FROM entities WHERE lower(entity_id) IN ? "
        f"UNION SELECT DISTINCT entity_id FROM entities WHERE {_norm_sql('name')} IN ? "
        f"UNION SELECT DISTINCT entity_id FROM mentions WHERE {_norm_sql('text')} IN ?",
        [sorted({name.strip().lower()} | {i.lower() for i in ids}), keys, keys],
    )
    ids |= {r["entity_id"] for r in rows}
    ids |= {other for i in list(ids) for other in by_alias.get(normalize_name(i), ())}
    if ids:
        return ids
    words = key.split()
    likes = " AND ".join("(' ' || n || ' ') LIKE ?" for _ in words)
    rows = store.query(
        f"SELECT DISTINCT entity_id FROM (SELECT entity_id, {_norm_sql('name')} AS n FROM entities) WHERE {likes}",
        [f"% {w} %" for w in words],
    )
    return {r["entity_id"] for r in rows}


def _norm_sql(column: str) -> str:
    """`normalize_name` in SQL, so stored names compare with the query's key."""
    folded = f"regexp_replace(lower(strip_accents({column})), '[-‐‑–—''’.]', ' ', 'g')"
    return f"trim(regexp_replace({folded}, '\\s+', ' ', 'g'))"


def _resolve_all(store: Store, name: str | None) -> list[str] | None:
    """None when no filter was asked; else the ids (the name itself when nothing is known)."""
    if name is None:
        return None
    return sorted(resolve_actor(store, name) or {name})


# --- quotes and events ---------------------------------------------------------------------

@_with_store
def quotes(
    store: StoreLike,
    speaker: str | None = None,
    via: str | None = None,
    since: str | None = None,
    until: str | None = None,
    contains: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes with their speaker, cue, via chain, article, outlet and date; newest first.

    `since`/`until` bound the article's publication date (inclusive); `contains` keeps the
    quotes whose text holds every word given (case and accents ignored).
    """
    where, params = ["TRUE"], []
    speakers = _resolve_all(store, speaker)
    if speakers is not None:
        where.append("(q.speaker_id IN ? OR q.speaker_country IN ?)")
        params += [speakers, speakers]
    vias = _resolve_all(store, via)
    if vias is not None:
        where.append("list_has_any(q.via_ids, ?::VARCHAR[])")
        params.append(vias)
    _date_range(where, params, "a.published", since, until)
    for word in (contains or "").split():
        where.append("lower(strip_accents(q.text)) LIKE ?")
        params.append(f"%{_fold(word)}%")
    sql = (
        "SELECT q.article_id, q.quote_no, q.speaker_id, q.speaker_name, q.speaker_country, q.kind, q.text, "
        "q.cue_lemma, q.via_ids, q.via_names, q.start, q.\"end\", a.title, a.outlet, a.published, a.url, "
        "a.path, a.language FROM quotes q JOIN articles a USING (article_id) "
        f"WHERE {' AND '.join(where)} ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote_no"
    )
    return _rows(store, *_paged(sql, params, limit, offset))


@_with_store
def events(
    store: StoreLike,
    source: str | None = None,
    target: str | None = None,
    type: str | None = None,  # noqa: A002 - the PLOVER word, as in the CLI option
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events (PLOVER) with source, target, status, claimants, date and evidence; newest first.

    An actor filter matches the event's actor, the state it acts for, or the official who
    acted for it; `since`/`until` bound the event date (its own date, else publication).
    """
    where, params = ["TRUE"], []
    for side, name in (("source", source), ("target", target)):
        ids = _resolve_all(store, name)
        if ids is not None:
            where.append(f"(e.{side}_id IN ? OR e.{side}_country IN ? OR e.{side}_actor IN ?)")
            params += [ids, ids, ids]
    if type:
        where.append("upper(e.type) = upper(?)")
        params.append(type)
    if status:
        where.append("e.status = ?")
        params.append(status)
    _date_range(where, params, "e.event_date", since, until)
    sql = (
        "SELECT e.article_id, e.event_no, e.type, e.mode, e.status, e.source_id, e.source_name, "
        "e.source_country, e.source_actor, e.target_id, e.target_name, e.target_country, e.target_actor, "
        "e.date, e.event_date, e.location, e.claimed_by, e.denied_by, e.intensity, e.text, e.start, e.\"end\", "
        "a.title, a.outlet, a.published, a.url FROM events e JOIN articles a USING (article_id) "
        f"WHERE {' AND '.join(where)} ORDER BY e.event_date DESC NULLS LAST, e.article_id, e.event_no"
    )
    return _rows(store, *_paged(sql, params, limit, offset))


@cache
def _plover() -> tuple[tuple[str, int, float], ...]:
    """(type, quad class, base intensity) of every PLOVER type."""
    types = common_toml("plover").get("types", {})
    return tuple((name, int(t["quad"]), float(t["intensity"])) for name, t in types.items())


def quad_names() -> dict[int, str]:
    return {int(k): v for k, v in common_toml("plover").get("quads", {}).items()}


@_with_store
def dyad(
    store: StoreLike,
    a: str,
    b: str,
    by: str = "month",
    statuses: Iterable[str] | None = DYAD_STATUSES,
    undated: bool = True,
) -> list[dict[str, Any]]:
    """The cooperation–conflict series between two actors, both directions, one row per period.

    Each row: `period`, `events`, `a_to_b`, `b_to_a`, counts per PLOVER quad class
    (`verbal_cooperation`, `material_cooperation`, `verbal_conflict`, `material_conflict`)
    and `intensity` (the sum of the events' intensities; an event without one counts the
    base intensity of its type). Periods without events are not listed. Events with no date
    at all (none of their own, no publication date) make a last row whose `period` is None,
    unless `undated` is False: they are not lost, only not placed in time.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    side_a, side_b = _resolve_all(store, a), _resolve_all(store, b)
    types = _plover()
    values = ", ".join("(?, ?, ?)" for _ in types) or "(NULL, NULL, NULL)"
    type_params = [v for t in types for v in t]

    def side(col: str) -> str:
        return f"(e.{col}_id IN ? OR e.{col}_country IN ? OR e.{col}_actor IN ?)"

    quads = quad_names()
    quad_cols = ", ".join(
        f"count(*) FILTER (WHERE p.quad = {n}) AS {_column(name)}" for n, name in sorted(quads.items())
    )
    status_sql, status_params = "TRUE", []
    if statuses is not None:
        status_sql, status_params = "e.status IN ?", [list(statuses)]
    sql = (
        f"WITH p(type, quad, base) AS (VALUES {values}), d AS ("
        f"  SELECT e.*, {side('source')} AND {side('target')} AS ab, "
        f"  {side('source')} AND {side('target')} AS ba FROM events e WHERE {status_sql}) "
        f"SELECT strftime(d.event_date, ?) AS period, count(*) AS events, "
        f"count(*) FILTER (WHERE d.ab) AS a_to_b, count(*) FILTER (WHERE d.ba) AS b_to_a, {quad_cols}, "
        f"round(sum(coalesce(d.intensity, p.base, 0)), 3) AS intensity "
        f"FROM d LEFT JOIN p ON upper(d.type) = p.type "
        f"WHERE (d.ab OR d.ba) {'' if undated else 'AND d.event_date IS NOT NULL'} "
        "GROUP BY period ORDER BY period NULLS LAST"
    )
    params = (
        type_params
        + [side_a, side_a, side_a, side_b, side_b, side_b]
        + [side_b, side_b, side_b, side_a, side_a, side_a]
        + status_params
        + [PERIODS[by]]
    )
    return _rows(store, sql, params)


def _column(quad_name: str) -> str:
    return re.sub(r"\W+", "_", quad_name.strip().lower())


# --- actors and articles -------------------------------------------------------------------

@_with_store
def actors(
    store: StoreLike, kind: str | None = None, limit: int | None = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Actors across the store: how many quotes they speak, articles and mentions they get,
    events they take part in; most quoted first, then most mentioned."""
    where, params = ["TRUE"], []
    if kind:
        where.append("e.kind = ?")
        params.append(kind)
    sql = (
        "WITH ent AS (SELECT entity_id, mode(name) AS name, mode(kind) AS kind, mode(country) AS country, "
        "  count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions FROM entities e "
        f"  WHERE {' AND '.join(where)} GROUP BY entity_id), "
        "qs AS (SELECT speaker_id AS entity_id, count(*) AS quotes FROM quotes GROUP BY speaker_id), "
        "vs AS (SELECT unnest(via_ids) AS entity_id, count(*) AS relayed FROM quotes GROUP BY 1), "
        "src AS (SELECT source_id AS entity_id, count(*) AS as_source FROM events GROUP BY 1), "
        "tgt AS (SELECT target_id AS entity_id, count(*) AS as_target FROM events GROUP BY 1) "
        "SELECT ent.entity_id, ent.name, ent.kind, ent.country, coalesce(qs.quotes, 0) AS quotes, "
        "coalesce(vs.relayed, 0) AS relayed, ent.articles, ent.mentions, coalesce(src.as_source, 0) AS as_source, "
        "coalesce(tgt.as_target, 0) AS as_target FROM ent LEFT JOIN qs USING (entity_id) "
        "LEFT JOIN vs USING (entity_id) LEFT JOIN src USING (entity_id) LEFT JOIN tgt USING (entity_id) "
        "ORDER BY quotes DESC, mentions DESC, ent.entity_id"
    )
    return _rows(store, *_paged(sql, params, limit, offset))


@_with_store
def articles(
    store: StoreLike,
    q: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stored articles (without their text), newest first; `q` keeps those whose title or
    text holds every word given (case and accents ignored)."""
    where, params = ["TRUE"], []
    for word in (q or "").split():
        where.append("(lower(strip_accents(coalesce(a.title, ''))) LIKE ? OR lower(strip_accents(a.text)) LIKE ?)")
        params += [f"%{_fold(word)}%"] * 2
    if outlet:
        where.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if language:
        where.append("a.language = ?")
        params.append(language)
    _date_range(where, params, "a.published", since, until)
    sql = (
        "SELECT a.article_id, a.title, a.outlet, a.published, a.language, a.url, a.path, a.n_chars, a.ingested_at, "
        "(SELECT count(*) FROM quotes x WHERE x.article_id = a.article_id) AS quotes, "
        "(SELECT count(*) FROM events x WHERE x.article_id = a.article_id) AS events, "
        "(SELECT count(*) FROM entities x WHERE x.article_id = a.article_id) AS entities "
        f"FROM articles a WHERE {' AND '.join(where)} "
        "ORDER BY a.published DESC NULLS LAST, a.ingested_at DESC, a.article_id"
    )
    return _rows(store, *_paged(sql, params, limit, offset))


@_with_store
def article(store: StoreLike, article_id: str) -> dict[str, Any] | None:
    """The stored record of one article (the `dixit.article/1` JSON) with where it came from."""
    rows = _rows(
        store, "SELECT record, path, url, ingested_at FROM articles WHERE article_id = ?", [article_id]
    )
    if not rows:
        return None
    row = rows[0]
    record = row["record"] if isinstance(row["record"], dict) else json.loads(row["record"])
    return {**record, "path": row["path"], "url": row["url"], "ingested_at": row["ingested_at"]}


@_with_store
def errors(store: StoreLike, open_only: bool = True) -> list[dict[str, Any]]:
    """Recorded failures, one row per source with its latest reason and how many attempts
    failed; `open_only` drops the sources that yielded an article after their last failure."""
    # `sources` is written by `dixit ingest`; a writer that fills only `articles` (the cluster
    # loader) still closes an error through `articles.path`
    extra = (
        "WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.source = g.source AND s.seen_at >= g.occurred_at) "
        "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.path = g.source AND a.ingested_at >= g.occurred_at)"
        if open_only else ""
    )
    sql = (
        "SELECT * FROM (SELECT source, arg_max(reason, occurred_at) AS reason, max(occurred_at) AS occurred_at, "
        f"count(*) AS attempts FROM errors GROUP BY source) g {extra} ORDER BY source"
    )
    return _rows(store, sql, [])


# --- helpers -------------------------------------------------------------------------------

def _fold(word: str) -> str:
    """What `lower(strip_accents(...))` gives in SQL, for LIKE patterns (drops % and _)."""
    return _unaccented(word).lower().replace("%", "").replace("_", "")


def _date_range(where: list[str], params: list[Any], column: str, since: str | None, until: str | None) -> None:
    if since:
        where.append(f"{column} >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append(f"{column} <= CAST(? AS DATE)")
        params.append(until)


def _paged(sql: str, params: list[Any], limit: int | None, offset: int = 0) -> tuple[str, list[Any]]:
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    if offset:
        sql += " OFFSET ?"
        params = [*params, int(offset)]
    return sql, params
