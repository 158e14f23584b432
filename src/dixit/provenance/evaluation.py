"""Score provenance on annotated clusters (`../shared/corpus/provenance/<cluster>/cluster.json`).

For each cluster, its members are ingested into one fresh store (analysed when dixit knows
their language, text fingerprint only otherwise); then, from the cluster's source (its
`original`, or the copy that stands in for it: `derived_from` null), `similar` must find the
copies among the French and English members, label them, and keep the independent and
same-topic reports out of the copies. Translations are also searched the other way round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dixit.provenance.compare import COPY_LABELS

NEGATIVE_LABELS = ("independent", "unrelated_same_topic")
SCORED_LANGUAGES = ("fr", "en")


@dataclass
class Member:
    file: str
    path: Path
    url: str | None
    language: str
    label: str
    derived_from: str | None
    article_id: str | None = None


@dataclass
class ClusterResult:
    name: str
    source: str
    found: list[tuple[str, str, str]] = field(default_factory=list)  # (file, predicted, gold) copies found
    missed: list[tuple[str, str]] = field(default_factory=list)  # (file, gold)
    false: list[tuple[str, str, str]] = field(default_factory=list)  # (file, predicted, gold): negatives called copies
    kept_out: int = 0
    negatives: int = 0
    translations: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def load_cluster(folder: Path) -> tuple[str, list[Member]]:
    meta = json.loads((folder / "cluster.json").read_text(encoding="utf-8"))
    members = [Member(m["file"], (folder / m["file"]).resolve(), m.get("url"), m["language"], m["label"],
                      m.get("derived_from")) for m in meta["members"]]
    return meta.get("cluster", folder.name), members


def source_of(members: list[Member]) -> Member:
    """The cluster's reference text: its original, else the first copy derived from nothing."""
    for m in members:
        if m.label == "original":
            return m
    return next(m for m in members if m.derived_from is None and m.label not in NEGATIVE_LABELS)


def ingest(store: Any, members: list[Member]) -> list[str]:
    """Analyse and store the members dixit can read; index the others by their text alone.

    A member whose analysis fails (a bug in a component) is indexed by its text alone too, so
    one crash does not stop the evaluation; the failures are returned as messages.
    """
    from dixit.core import analyze_each
    from dixit.io.reading import read_document
    from dixit.lang import supported_languages
    from dixit.provenance.index import index_article, index_text

    known = set(supported_languages())
    failures = []
    for m in members:
        doc, _ = read_document(str(m.path))
        if m.language in known:
            doc.language = m.language
            try:
                art = next(analyze_each([doc]))
                if isinstance(art, Exception):
                    raise art
            except Exception as err:  # noqa: BLE001 - evaluate provenance even when an analysis crashes
                failures.append(f"{m.file}: analysis failed ({type(err).__name__}: {err}); text fingerprint only")
            else:
                m.article_id = art.id
                store.add_article(art, path=str(m.path), url=m.url)
                index_article(store, art, str(m.path), m.url)
                continue
        m.article_id = index_text(store, doc.text, language=m.language, path=str(m.path), url=m.url)
    return failures


def evaluate_cluster(folder: Path) -> ClusterResult:
    from dixit.provenance.query import similar
    from dixit.store.duckdb_store import DuckDBStore

    name, members = load_cluster(folder)
    store = DuckDBStore(":memory:")
    try:
        failures = ingest(store, members)
        src = source_of(members)
        result = ClusterResult(name, src.file, failures=failures)
        predicted = {e["article_id"]: e["label"] for e in similar(store, src.article_id)["related"]}
        first_holder: dict[str | None, Member] = {}
        for m in members:
            first_holder.setdefault(m.article_id, m)
            if m is src or m.language not in SCORED_LANGUAGES:
                continue
            label = predicted.get(m.article_id)
            if first_holder[m.article_id] is not m:
                # Byte-identical to an earlier member: the store keeps one article for both, and a
                # text identical to a copy is a verbatim copy of it.
                label = "verbatim" if label in COPY_LABELS else label
            is_copy = label in COPY_LABELS
            if m.label in NEGATIVE_LABELS:
                result.negatives += 1
                result.kept_out += not is_copy
                if is_copy:
                    result.false.append((m.file, label, m.label))
            elif is_copy:
                result.found.append((m.file, label, m.label))
            else:
                result.missed.append((m.file, m.label))
        for m in members:
            if m.label == "translation" and m is not src and m.language != src.language \
                    and m.language in SCORED_LANGUAGES:
                back = {e["article_id"] for e in similar(store, m.article_id)["related"]
                        if e["label"] in COPY_LABELS}
                result.translations.append({"file": m.file, "language": m.language,
                                            "from_source": predicted.get(m.article_id) in COPY_LABELS,
                                            "to_source": src.article_id in back})
        return result
    finally:
        store.close()


def evaluate(folder: Path) -> tuple[list[ClusterResult], dict[str, float]]:
    clusters = sorted(p for p in Path(folder).iterdir() if (p / "cluster.json").is_file())
    results = [evaluate_cluster(c) for c in clusters]
    tp = sum(len(r.found) for r in results)
    fp = sum(len(r.false) for r in results)
    fn = sum(len(r.missed) for r in results)
    right = sum(pred == gold for r in results for _, pred, gold in r.found)
    negatives = sum(r.negatives for r in results)
    trans = [t for r in results for t in r.translations]
    figures = {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "labels": right / tp if tp else 0.0,
        "kept_out": sum(r.kept_out for r in results) / negatives if negatives else 0.0,
        "translations_both_ways": sum(t["from_source"] and t["to_source"] for t in trans) / len(trans)
        if trans else 0.0,
        "copies": float(tp + fn), "negatives": float(negatives),
    }
    return results, figures
