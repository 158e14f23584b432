"""What the CLI and the web view ask: an article's relatives, and the store's stories.

All functions return plain dicts (JSON-able), with the shared passages' offsets into both
texts so a view can show copies side by side.
"""

from __future__ import annotations

import json
from typing import Any

from dixit.provenance.compare import COPY_LABELS, Relation, compare
from dixit.provenance.fingerprint import text_fingerprint
from dixit.provenance.index import Stored, connection, load, related
from dixit.provenance.text import Passage

MAX_PASSAGES = 20  # evidence kept per pair: the longest shared passages


def _passages(passages: list[Passage], a: str, b: str) -> list[dict[str, Any]]:
    best = sorted(passages, key=lambda p: -p.n_words)[:MAX_PASSAGES]
    return [{"words": p.n_words, "query_start": p.a_start, "query_end": p.a_end, "other_start": p.b_start,
             "other_end": p.b_end, "text": b[p.b_start:p.b_end]} for p in sorted(best, key=lambda p: p.a_start)]


def _entry(other: Stored, rel: Relation, query_text: str) -> dict[str, Any]:
    return {
        **other.meta(),
        "label": rel.label,
        "score": rel.score,
        "copied_from": None,
        "evidence": {
            "shared_passages": _passages(rel.passages, query_text, other.text),
            "shared_quotes": rel.shared_quotes,
            "shared_events": rel.shared_events,
            "features": rel.features,
        },
    }


def _resolve_chains(entries: list[dict[str, Any]], found: dict[str, Stored]) -> None:
    """A copy that is word for word another, earlier, copy in the list was taken from it: say so.

    (Two syndicated versions of one translation are both 'translations' of the source by their
    features; the later one is a verbatim copy of the earlier.)
    """
    copies = [e for e in entries if e["label"] in COPY_LABELS]
    order = sorted(copies, key=lambda e: _age(found[e["article_id"]]))
    for i, later in enumerate(order):
        for earlier in order[:i]:
            rel = compare(found[earlier["article_id"]].view, found[later["article_id"]].view)
            if rel.label == "verbatim":
                later["label"], later["copied_from"] = "verbatim", earlier["article_id"]
                break


def _age(s: Stored) -> tuple:
    """Sort key of 'earlier': publication date when known, then the order of indexing."""
    return (s.published is None, s.published or "", s.seq)


def similar(store: Any, article_id: str, *, copies_only: bool = False) -> dict[str, Any]:
    """The stored articles related to a stored one: copies (labelled) and independent reports."""
    me = load(store, [article_id]).get(article_id)
    if me is None:
        raise KeyError(article_id)
    return _similar(store, me, copies_only)


def similar_text(store: Any, text: str, *, language: str | None = None, copies_only: bool = False,
                 path: str | None = None) -> dict[str, Any]:
    """Like `similar` for a text that need not be stored (text fingerprint only)."""
    from dixit.core import prepare_text
    from dixit.lang.detect import detect_language
    from dixit.model import content_id

    text = prepare_text(text)
    language = language or detect_language(text)
    me = Stored(content_id(text), text, language, text_fingerprint(text, language), path=path)
    return _similar(store, me, copies_only)


def _similar(store: Any, me: Stored, copies_only: bool) -> dict[str, Any]:
    pairs = related(store, me.text, me.language, me.fingerprint, exclude=me.article_id)
    entries = [_entry(o, r, me.text) for o, r in pairs if r.is_copy or not copies_only]
    _resolve_chains(entries, {o.article_id: o for o, _ in pairs})
    return {"article": me.meta(), "related": entries}


def stories(store: Any, *, min_size: int = 2) -> list[dict[str, Any]]:
    """The store grouped into stories: articles joined by copy links, earliest version first."""
    con = connection(store)
    links = con.execute("SELECT article_id, other_id, label, score FROM prov_links").fetchall()
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    copy_links = [(a, b, label, score) for a, b, label, score in links if label in COPY_LABELS]
    for a, b, _, _ in copy_links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    groups: dict[str, list[str]] = {}
    for aid in {x for a, b, _, _ in copy_links for x in (a, b)}:
        groups.setdefault(find(aid), []).append(aid)
    out = [_story(store, members, copy_links) for members in groups.values() if len(members) >= min_size]
    return sorted(out, key=lambda s: (-s["size"], s["story_id"]))


def _story(store: Any, members: list[str], links: list[tuple]) -> dict[str, Any]:
    found = load(store, members)
    ordered = sorted(members, key=lambda m: (_age(found[m])[0], _age(found[m])[1], -found[m].n_words,
                                             found[m].seq))
    rank = {m: i for i, m in enumerate(ordered)}
    inside = set(members)
    best: dict[str, tuple[str, str, float]] = {}
    for a, b, label, score in links:
        if a not in inside or b not in inside:
            continue
        child, src = (a, b) if rank[a] > rank[b] else (b, a)
        if child not in best or score > best[child][2]:
            best[child] = (src, label, score)
    rows = []
    for m in ordered:
        src, label, score = best.get(m, (None, "source", None))
        rows.append({**found[m].meta(), "copied_from": src, "label": label, "score": score})
    return {"story_id": ordered[0], "size": len(ordered), "languages": sorted({r["language"] or "" for r in rows}),
            "members": rows}


def story(store: Any, story_id: str) -> dict[str, Any]:
    """One story with, for each copy, the passages it shares with the version it was copied from."""
    for s in stories(store):
        if s["story_id"] == story_id or story_id in {m["article_id"] for m in s["members"]}:
            found = load(store, [m["article_id"] for m in s["members"]])
            for m in s["members"]:
                if m["copied_from"]:
                    src = found[m["copied_from"]]
                    rel = compare(src.view, found[m["article_id"]].view)
                    m["shared_passages"] = _passages(rel.passages, src.text, found[m["article_id"]].text)
            return s
    raise KeyError(story_id)


def links_json(store: Any) -> list[dict[str, Any]]:
    """All recorded relations, for export."""
    con = connection(store)
    return [{"article_id": a, "other_id": b, "label": label, "score": score, "features": json.loads(f)}
            for a, b, label, score, f in con.execute("SELECT * FROM prov_links").fetchall()]
