"""The provenance tables of the store, and the candidate search that avoids comparing all pairs.

Tables (own versioned migrations, part "provenance"):
- `prov_fingerprints`: one row per indexed article: fingerprint, path, url, language, and the
  text itself only for articles dixit could not analyse (the others' is in `articles.text`);
- `prov_keys`: postings `key -> article_id` (MinHash bands, sampled word fragments,
  language-independent pairs of names/numbers/cognates), indexed on `key`;
- `prov_key_df`: how many articles hold each key. A key held by more than `DF_CAP` articles
  stops getting postings and is skipped in searches: a lookup then reads at most
  `DF_CAP` postings per key, whatever the size of the store;
- `prov_links`: the relations found when an article was indexed (copy labels or
  `independent`), from the newer article to the older one. Stories are built from them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from dixit.model import Article
from dixit.provenance.compare import Relation, Text, compare
from dixit.provenance.fingerprint import index_keys, text_fingerprint
from dixit.store.duckdb_store import migrate_part

KINDS = {"band": 1, "fragment": 2, "cross": 3}
DF_CAP = 200  # postings kept per key; beyond, the key is too common to point at a source
MAX_CANDIDATES = 50  # compared exactly per lookup, best key matches first
# A candidate shares at least one MinHash band, two text fragments or four cross-language keys.
MIN_HITS = {"band": 1, "fragment": 2, "cross": 4}
WEIGHTS = {"band": 3.0, "fragment": 2.0, "cross": 1.0}

MIGRATIONS: list[list[str]] = [
    # 0 -> 1
    [
        "CREATE SEQUENCE prov_seq START 1",
        "CREATE TABLE prov_fingerprints (article_id VARCHAR PRIMARY KEY, seq BIGINT DEFAULT nextval('prov_seq'), "
        "path VARCHAR, url VARCHAR, language VARCHAR, published VARCHAR, analysed BOOLEAN, n_words INTEGER, "
        "fingerprint JSON, text VARCHAR, indexed_at TIMESTAMP)",
        "CREATE TABLE prov_keys (key BIGINT, kind TINYINT, article_id VARCHAR)",
        "CREATE INDEX prov_keys_key ON prov_keys (key)",
        "CREATE TABLE prov_key_df (key BIGINT PRIMARY KEY, df INTEGER)",
        "CREATE TABLE prov_links (article_id VARCHAR, other_id VARCHAR, label VARCHAR, score DOUBLE, "
        "features JSON)",
        "CREATE INDEX prov_links_article ON prov_links (article_id)",
        "CREATE INDEX prov_links_other ON prov_links (other_id)",
    ],
]


def connection(store: Any):
    """The DuckDB connection of a store, with the provenance tables migrated."""
    con = store.con
    if not getattr(store, "_prov_migrated", False):
        migrate_part(con, "provenance", MIGRATIONS)
        store._prov_migrated = True
    return con


def _in_list(keys: list[int]) -> str:
    # A literal list of our own integers: DuckDB answers `key IN (...)` from the ART index,
    # whereas a list parameter makes it scan the table.
    return ",".join(str(int(k)) for k in keys)


@dataclass
class Stored:
    """An indexed article as the provenance code needs it."""

    article_id: str
    text: str
    language: str | None
    fingerprint: dict[str, Any]
    path: str | None = None
    url: str | None = None
    published: str | None = None
    seq: int = 0
    n_words: int = 0
    hits: dict[str, int] = field(default_factory=dict)

    @property
    def view(self) -> Text:
        return Text(self.text, self.language, self.fingerprint)

    def meta(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "path": self.path, "url": self.url, "language": self.language,
                "published": self.published, "n_words": self.n_words}


def load(store: Any, ids: list[str]) -> dict[str, Stored]:
    if not ids:
        return {}
    con = connection(store)
    marks = ",".join("?" for _ in ids)
    has_articles = _has_table(con, "articles")
    text = "coalesce(f.text, a.text)" if has_articles else "f.text"
    join = "LEFT JOIN articles a USING (article_id)" if has_articles else ""
    rows = con.execute(
        f"SELECT f.article_id, {text}, f.language, f.fingerprint, f.path, f.url, f.published, f.seq, f.n_words "
        f"FROM prov_fingerprints f {join} WHERE f.article_id IN ({marks})", ids).fetchall()
    return {r[0]: Stored(r[0], r[1] or "", r[2], json.loads(r[3]), r[4], r[5], r[6], r[7], r[8] or 0) for r in rows}


def _has_table(con, name: str) -> bool:
    return bool(con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = ?", [name]).fetchone())


def is_indexed(store: Any, article_id: str) -> bool:
    con = connection(store)
    return bool(con.execute("SELECT 1 FROM prov_fingerprints WHERE article_id = ?", [article_id]).fetchone())


def candidates(store: Any, text: str, fingerprint: dict[str, Any], exclude: str | None = None) -> list[Stored]:
    """Stored articles that share enough index keys with this text, best first (a few lookups)."""
    con = connection(store)
    by_key = _keys_by_kind(text, fingerprint)
    if not by_key:
        return []
    usable = [k for k, df in con.execute(
        f"SELECT key, df FROM prov_key_df WHERE key IN ({_in_list(list(by_key))})").fetchall() if df <= DF_CAP]
    if not usable:
        return []
    hits: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names = {v: k for k, v in KINDS.items()}
    for aid, kind, n in con.execute(
            f"SELECT article_id, kind, count(*) FROM prov_keys WHERE key IN ({_in_list(usable)}) "
            "GROUP BY article_id, kind").fetchall():
        if aid != exclude:
            hits[aid][names[kind]] += n
    ranked = sorted(
        (aid for aid, h in hits.items() if any(h.get(k, 0) >= m for k, m in MIN_HITS.items())),
        key=lambda aid: -sum(WEIGHTS[k] * n for k, n in hits[aid].items()))[:MAX_CANDIDATES]
    found = load(store, ranked)
    for aid in ranked:
        if aid in found:
            found[aid].hits = dict(hits[aid])
    return [found[aid] for aid in ranked if aid in found]


def _keys_by_kind(text: str, fingerprint: dict[str, Any]) -> dict[int, int]:
    out: dict[int, int] = {}
    for kind, keys in index_keys(text, fingerprint).items():
        for k in keys:
            out.setdefault(k, KINDS[kind])
    return out


def related(store: Any, text: str, language: str | None, fingerprint: dict[str, Any],
            exclude: str | None = None) -> list[tuple[Stored, Relation]]:
    """Candidates compared exactly with this text; unrelated ones dropped, best score first."""
    me = Text(text, language, fingerprint)
    out = []
    for cand in candidates(store, text, fingerprint, exclude):
        rel = compare(me, cand.view)
        if rel.label:
            out.append((cand, rel))
    return sorted(out, key=lambda cr: (not cr[1].is_copy, -cr[1].score))


def index_article(store: Any, article: Article, path: str | None = None, url: str | None = None, *,
                  link: bool = True) -> bool:
    """File an article (already added to `articles`, or not) under its keys; False if it already was.

    With `link`, also records its relations to the articles indexed before it (prov_links),
    from which `stories` groups the store. Call it after `DuckDBStore.add_article`.
    """
    con = connection(store)
    aid = article.id
    if is_indexed(store, aid):
        return False
    fp = article.fingerprint or text_fingerprint(article.text, article.language)
    links = related(store, article.text, article.language, fp, exclude=aid) if link else []
    by_key = _keys_by_kind(article.text, fp)
    in_articles = _has_table(con, "articles") and bool(
        con.execute("SELECT 1 FROM articles WHERE article_id = ?", [aid]).fetchone())
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO prov_fingerprints (article_id, path, url, language, published, analysed, n_words, "
            "fingerprint, text, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, path, url, article.language, article.published, bool(article.entities or article.quotes),
             fp.get("n_words", 0), json.dumps(fp), None if in_articles else article.text, datetime.now(UTC)])
        _post(con, aid, by_key)
        for other, rel in links:
            con.execute("INSERT INTO prov_links VALUES (?, ?, ?, ?, ?)",
                        [aid, other.article_id, rel.label, rel.score, json.dumps(rel.features)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return True


def _post(con, aid: str, by_key: dict[int, int]) -> None:
    if not by_key:
        return
    keys = list(by_key)
    df = dict(con.execute(f"SELECT key, df FROM prov_key_df WHERE key IN ({_in_list(keys)})").fetchall())
    open_keys = [k for k in keys if df.get(k, 0) < DF_CAP]
    con.execute("INSERT INTO prov_key_df SELECT unnest(?::BIGINT[]), 1 "
                "ON CONFLICT (key) DO UPDATE SET df = df + 1", [keys])
    if open_keys:
        con.execute("INSERT INTO prov_keys SELECT unnest(?::BIGINT[]), unnest(?::TINYINT[]), ?",
                    [open_keys, [by_key[k] for k in open_keys], aid])


def index_text(store: Any, text: str, *, language: str | None = None, path: str | None = None,
               url: str | None = None, published: str | None = None) -> str:
    """Index a text dixit cannot analyse (any language): text fingerprint only. Returns its id."""
    from dixit.core import prepare_text
    from dixit.lang.detect import detect_language

    text = prepare_text(text)
    article = Article(text=text, language=language or detect_language(text) or "und", published=published,
                      source=path)
    article.fingerprint = text_fingerprint(text, article.language)
    index_article(store, article, path, url)
    return article.id


def reindex(store: Any) -> int:
    """Index the stored articles not indexed yet (from `articles.record`), oldest first."""
    con = connection(store)
    rows = con.execute(
        "SELECT a.record, a.path, a.url FROM articles a LEFT JOIN prov_fingerprints f USING (article_id) "
        "WHERE f.article_id IS NULL ORDER BY a.ingested_at, a.article_id").fetchall()
    n = 0
    for record, path, url in rows:
        article = Article.from_dict(json.loads(record))
        n += index_article(store, article, path, url)
    return n
