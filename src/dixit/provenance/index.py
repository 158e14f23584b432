"""The provenance tables of the store, and the candidate search that avoids comparing all pairs.

Tables (own versioned migrations, part "provenance"):
- `prov_fingerprints`: one row per indexed article: fingerprint, path, url, language, and the
  text itself only for articles dixit could not analyse (the others' is in `articles.text`);
- `prov_keys`: postings `key -> article_id` (MinHash bands, sampled word fragments,
  language-independent pairs of names/numbers/cognates), indexed on `key`. A key gets at
  most `DF_CAP` postings: once that many articles hold it, it is too common to point at a
  source and goes to `prov_stop_keys`; it is then skipped in searches and gets no more
  postings. A lookup thus reads fewer than `DF_CAP` postings per key, whatever the size of
  the store;
- `prov_links`: the relations found when an article was indexed (copy labels or
  `independent`), from the newer article to the older one. Stories are built from them.
"""

from __future__ import annotations

import json
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from itertools import islice
from typing import Any

from dixit.model import Article
from dixit.provenance.compare import Relation, Text, compare
from dixit.provenance.fingerprint import index_keys, text_fingerprint
from dixit.store.duckdb_store import migrate_part

# Work done by lookups in this process (read by the benchmark: it must not grow with the store).
WORK = {"lookups": 0, "postings_read": 0, "compared": 0}
TEXT_CACHE = 2048  # compared texts kept tokenised, most recently used
_TEXTS: OrderedDict[str, Text] = OrderedDict()
KINDS = {"band": 1, "fragment": 2, "cross": 3}
DF_CAP = 200  # postings kept per key; beyond, the key is too common to point at a source
MAX_CANDIDATES = 20  # compared exactly per lookup, best key matches first
# A candidate shares at least one MinHash band or two text fragments, or enough cross-language
# keys (translations, and summaries that keep the names and numbers).
MIN_HITS = {"band": 1, "fragment": 2, "cross": 8}
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
        "CREATE TABLE prov_stop_keys (key BIGINT PRIMARY KEY)",
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
        """The comparable text, kept in a small cache: popular sources are compared again and again."""
        cached = _TEXTS.get(self.article_id)
        if cached is None:
            cached = _TEXTS[self.article_id] = Text(self.text, self.language, self.fingerprint)
            if len(_TEXTS) > TEXT_CACHE:
                _TEXTS.popitem(last=False)
        else:
            _TEXTS.move_to_end(self.article_id)
        return cached

    def meta(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "path": self.path, "url": self.url, "language": self.language,
                "published": self.published, "n_words": self.n_words}


def load(store: Any, ids: list[str]) -> dict[str, Stored]:
    if not ids:
        return {}
    con = connection(store)
    marks = ",".join("?" for _ in ids)
    has_articles = _has_articles(store)
    text = "coalesce(f.text, a.text)" if has_articles else "f.text"
    join = "LEFT JOIN articles a ON a.article_id = f.article_id" if has_articles else ""
    rows = con.execute(
        f"SELECT f.article_id, {text}, f.language, f.fingerprint, f.path, f.url, f.published, f.seq, f.n_words "
        f"FROM prov_fingerprints f {join} WHERE f.article_id IN ({marks})", ids).fetchall()
    return {r[0]: Stored(r[0], r[1] or "", r[2], json.loads(r[3]), r[4], r[5], r[6], r[7], r[8] or 0) for r in rows}


def _has_articles(store: Any) -> bool:
    """Whether the store has the core `articles` table (a bare provenance store has not)."""
    if not hasattr(store, "_prov_has_articles"):
        store._prov_has_articles = bool(store.con.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'articles'").fetchone())
    return store._prov_has_articles


def is_indexed(store: Any, article_id: str) -> bool:
    con = connection(store)
    return bool(con.execute("SELECT 1 FROM prov_fingerprints WHERE article_id = ?", [article_id]).fetchone())


@dataclass
class Lookup:
    """The keys of one text and what the store holds of them."""

    keys: dict[int, int]  # key -> kind
    stop: set[int]  # keys held by DF_CAP articles or more: no postings read or written
    postings: list[tuple[int, int, str]]  # (key, kind, article_id) of the other keys

    @cached_property
    def counts(self) -> dict[int, int]:
        out: dict[int, int] = defaultdict(int)
        for key, _, _ in self.postings:
            out[key] += 1
        return out

    @property
    def open_keys(self) -> list[int]:
        return [k for k in self.keys if k not in self.stop]


def lookup(store: Any, text: str, fingerprint: dict[str, Any]) -> Lookup:
    """Two indexed reads: which of the text's keys are stop keys, and the postings of the others."""
    keys = _keys_by_kind(text, fingerprint)
    if not keys:
        return Lookup(keys, set(), [])
    con = connection(store)
    stop = {r[0] for r in con.execute(
        f"SELECT key FROM prov_stop_keys WHERE key IN ({_in_list(list(keys))})").fetchall()}
    open_keys = [k for k in keys if k not in stop]
    postings = con.execute(f"SELECT key, kind, article_id FROM prov_keys WHERE key IN ({_in_list(open_keys)})"
                           ).fetchall() if open_keys else []
    WORK["lookups"] += 1
    WORK["postings_read"] += len(postings)
    return Lookup(keys, stop, postings)


def candidates(store: Any, text: str, fingerprint: dict[str, Any], exclude: str | None = None,
               found: Lookup | None = None) -> list[Stored]:
    """Stored articles that share enough index keys with this text, best first (a few lookups)."""
    found = found or lookup(store, text, fingerprint)
    names = {v: k for k, v in KINDS.items()}
    hits: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for _, kind, aid in found.postings:
        if aid != exclude:
            hits[aid][names[kind]] += 1
    ranked = sorted(
        (aid for aid, h in hits.items() if any(h.get(k, 0) >= m for k, m in MIN_HITS.items())),
        key=lambda aid: -sum(WEIGHTS[k] * n for k, n in hits[aid].items()))[:MAX_CANDIDATES]
    stored = load(store, ranked)
    for aid in ranked:
        if aid in stored:
            stored[aid].hits = dict(hits[aid])
    return [stored[aid] for aid in ranked if aid in stored]


def _keys_by_kind(text: str, fingerprint: dict[str, Any]) -> dict[int, int]:
    out: dict[int, int] = {}
    for kind, keys in index_keys(text, fingerprint).items():
        for k in keys:
            out.setdefault(k, KINDS[kind])
    return out


def related(store: Any, text: str, language: str | None, fingerprint: dict[str, Any],
            exclude: str | None = None, found: Lookup | None = None) -> list[tuple[Stored, Relation]]:
    """Candidates compared exactly with this text; unrelated ones dropped, best score first."""
    me = Text(text, language, fingerprint)
    out = []
    for cand in candidates(store, text, fingerprint, exclude, found):
        WORK["compared"] += 1
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
    found = lookup(store, article.text, fp)
    links = related(store, article.text, article.language, fp, exclude=aid, found=found) if link else []
    in_articles = _has_articles(store) and bool(
        con.execute("SELECT 1 FROM articles WHERE article_id = ?", [aid]).fetchone())
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO prov_fingerprints (article_id, path, url, language, published, analysed, n_words, "
            "fingerprint, text, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, path, url, article.language, article.published, bool(article.entities or article.quotes),
             fp.get("n_words", 0), json.dumps(fp), None if in_articles else article.text, datetime.now(UTC)])
        _post(con, [(k, found.keys[k], aid) for k in found.open_keys], found.counts)
        for other, rel in links:
            con.execute("INSERT INTO prov_links VALUES (?, ?, ?, ?, ?)",
                        [aid, other.article_id, rel.label, rel.score, json.dumps(rel.features)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return True


def _post(con, postings: list[tuple[int, int, str]], counts: dict[int, int]) -> None:
    """Write postings, up to DF_CAP per key; a key that reaches the cap becomes a stop key.

    `counts` holds the postings already stored per key (it is updated).
    """
    keep, stop = [], []
    for key, kind, aid in postings:
        n = counts.get(key, 0)
        if n >= DF_CAP:
            continue
        keep.append((key, kind, aid))
        counts[key] = n + 1
        if n + 1 == DF_CAP:
            stop.append(key)
    if keep:
        con.execute("INSERT INTO prov_keys SELECT unnest(?::BIGINT[]), unnest(?::TINYINT[]), unnest(?::VARCHAR[])",
                    [[k for k, _, _ in keep], [c for _, c, _ in keep], [a for _, _, a in keep]])
    if stop:
        con.execute("INSERT OR IGNORE INTO prov_stop_keys SELECT unnest(?::BIGINT[])", [stop])


def index_many(store: Any, items: Iterable[tuple[Article, str | None, str | None]], *,
               batch_size: int = 1000) -> int:
    """File many articles at once, without linking them (a bulk load: `reindex` of a big store,
    or a benchmark's filling). One transaction and one key count per batch; the posting cap
    is kept as in `index_article`. Returns how many were new.
    """
    con = connection(store)
    n = 0
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        n += _index_batch(store, con, batch)
    return n


def _index_batch(store: Any, con, batch: list[tuple[Article, str | None, str | None]]) -> int:
    ids = [a.id for a, _, _ in batch]
    marks = ",".join("?" for _ in ids)
    done = {r[0] for r in con.execute(f"SELECT article_id FROM prov_fingerprints WHERE article_id IN ({marks})",
                                      ids).fetchall()}
    prepared, seen = [], set()
    for article, path, url in batch:
        if article.id in done or article.id in seen:
            continue
        seen.add(article.id)
        fp = article.fingerprint or text_fingerprint(article.text, article.language)
        prepared.append((article, path, url, fp, _keys_by_kind(article.text, fp)))
    if not prepared:
        return 0
    in_articles = set()
    if _has_articles(store):
        in_articles = {r[0] for r in con.execute(f"SELECT article_id FROM articles WHERE article_id IN ({marks})",
                                                 ids).fetchall()}
    all_keys = list({k for *_, keys in prepared for k in keys})
    con.execute("CREATE OR REPLACE TEMP TABLE prov_batch_keys AS SELECT unnest(?::BIGINT[]) AS key", [all_keys])
    counts = dict(con.execute("SELECT key, count(*) FROM prov_keys WHERE key IN "
                              "(SELECT key FROM prov_batch_keys) GROUP BY key").fetchall())
    fps, postings = [], []
    for article, path, url, fp, keys in prepared:
        fps.append([article.id, path, url, article.language, article.published,
                    bool(article.entities or article.quotes), fp.get("n_words", 0), json.dumps(fp),
                    None if article.id in in_articles else article.text, datetime.now(UTC)])
        postings += [(k, kind, article.id) for k, kind in keys.items()]
    con.execute("BEGIN TRANSACTION")
    try:
        con.executemany("INSERT INTO prov_fingerprints (article_id, path, url, language, published, analysed, "
                        "n_words, fingerprint, text, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fps)
        _post(con, postings, counts)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(prepared)


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
