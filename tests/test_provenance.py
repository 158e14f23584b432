"""Provenance: labels on short texts written for these tests, the store index, the commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dixit.model import Article
from dixit.provenance import index_article, index_text, reindex, similar, similar_text, stories, story
from dixit.provenance.compare import Text, compare
from dixit.provenance.fingerprint import text_fingerprint
from dixit.provenance.text import lcs_length, number_value, shared_passages, skeleton, tokens
from dixit.store.duckdb_store import DuckDBStore
from provenance_texts import (
    INDEPENDENT,
    NEAR_VERBATIM,
    SOURCE,
    SPUN,
    SUMMARY,
    TRANSLATION_FR,
    UNRELATED,
    VERBATIM,
)

CASES = [
    ("verbatim", VERBATIM, "en"),
    ("near_verbatim", NEAR_VERBATIM, "en"),
    ("spun", SPUN, "en"),
    ("summary", SUMMARY, "en"),
    ("translation", TRANSLATION_FR, "fr"),
    ("independent", INDEPENDENT, "en"),
]


@pytest.mark.parametrize(("label", "text", "language"), CASES, ids=[c[0] for c in CASES])
def test_each_label(label, text, language):
    rel = compare(Text(SOURCE, "en"), Text(text, language))
    assert rel.label == label, rel.features


@pytest.mark.parametrize(("label", "text", "language"), CASES, ids=[c[0] for c in CASES])
def test_labels_do_not_depend_on_the_direction(label, text, language):
    assert compare(Text(text, language), Text(SOURCE, "en")).label == label


def test_unrelated_text_has_no_relation():
    assert compare(Text(SOURCE, "en"), Text(UNRELATED, "en")).label is None


def test_a_translation_with_its_names_shuffled_is_not_a_translation():
    # The same names and numbers in another order are what independent reports share.
    sentences = TRANSLATION_FR.split(". ")
    shuffled = ". ".join(sentences[::-1])
    rel = compare(Text(SOURCE, "en"), Text(shuffled, "fr"))
    assert rel.label != "translation", rel.features


def test_passages_carry_offsets_into_both_texts():
    rel = compare(Text(SOURCE, "en"), Text(NEAR_VERBATIM, "en"))
    longest = max(rel.passages, key=lambda p: p.n_words)
    assert SOURCE[longest.a_start:longest.a_end] == NEAR_VERBATIM[longest.b_start:longest.b_end]
    assert longest.n_words >= 15


def test_text_helpers():
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4
    assert number_value("10,000") == number_value("10 000") == "10000"
    assert skeleton("belooussov") == skeleton("belousov")
    assert skeleton("coree") == skeleton("korea")
    a, b = tokens("one two three four five six"), tokens("zero one two three four five")
    assert [p.n_words for p in shared_passages(a, b)] == [5]


def test_fingerprint_is_json_and_language_independent_parts_match():
    en, fr = text_fingerprint(SOURCE, "en"), text_fingerprint(TRANSLATION_FR, "fr")
    json.dumps(en)
    assert {"240", "2031", "75", "2015"} <= set(en["numbers"]) & set(fr["numbers"])
    assert len(en["minhash"]) == 64


def test_the_core_fills_the_fingerprint(analyze_en):
    art = analyze_en(SOURCE)
    assert art.fingerprint and art.fingerprint["n_words"] > 50
    assert "actors" in art.fingerprint and "speakers" in art.fingerprint


@pytest.fixture()
def store():
    s = DuckDBStore(":memory:")
    yield s
    s.close()


def _fill(store) -> dict[str, str]:
    ids = {}
    for name, text, lang in [("source", SOURCE, "en"), *[(c[0], c[1], c[2]) for c in CASES],
                             ("unrelated", UNRELATED, "en")]:
        ids[name] = index_text(store, text, language=lang, path=f"{name}.txt", url=f"https://example.org/{name}")
    return ids


def test_similar_finds_each_kind_of_copy_in_the_store(store):
    ids = _fill(store)
    found = {e["path"]: e for e in similar(store, ids["source"])["related"]}
    for label, _, _ in CASES:
        assert found[f"{label}.txt"]["label"] == label
    assert "unrelated.txt" not in found
    spun = found["spun.txt"]
    assert spun["url"] == "https://example.org/spun" and 0 < spun["score"] <= 1
    for p in found["near_verbatim.txt"]["evidence"]["shared_passages"]:
        assert SOURCE[p["query_start"]:p["query_end"]] == NEAR_VERBATIM[p["other_start"]:p["other_end"]]


def test_the_translation_finds_its_source(store):
    ids = _fill(store)
    back = {e["article_id"]: e["label"] for e in similar(store, ids["translation"])["related"]}
    assert back[ids["source"]] == "translation"


def test_similar_on_a_text_that_is_not_stored(store):
    _fill(store)
    result = similar_text(store, SOURCE + " A sentence only this copy has.", language="en")
    labels = {e["path"]: e["label"] for e in result["related"]}
    assert labels["source.txt"] == "verbatim"


def test_stories_group_copies_and_leave_independent_reports_out(store):
    ids = _fill(store)
    found = stories(store)
    assert len(found) == 1
    members = {m["article_id"]: m for m in found[0]["members"]}
    copies = {ids[c[0]] for c in CASES if c[0] != "independent"}
    assert copies | {ids["source"]} == set(members)
    assert found[0]["languages"] == ["en", "fr"]
    one = story(store, ids["spun"])
    assert one["story_id"] == found[0]["story_id"]
    assert any(m.get("shared_passages") for m in one["members"])


def test_reindex_fills_the_tables_from_stored_articles(store):
    for text, lang in [(SOURCE, "en"), (SPUN, "en")]:
        art = Article(text=text, language=lang)
        art.fingerprint = text_fingerprint(text, lang)
        store.add_article(art, path=f"{lang}-{len(text)}.txt")
    assert reindex(store) == 2
    assert reindex(store) == 0
    related = similar(store, Article(text=SOURCE, language="en").id)["related"]
    assert [e["label"] for e in related] == ["spun"]


def test_index_article_twice_is_a_no_op(store):
    art = Article(text=SOURCE, language="en")
    assert index_article(store, art, "a.txt") is True
    assert index_article(store, art, "a.txt") is False


def test_cli_similar_and_stories(tmp_path):
    db = str(tmp_path / "p.duckdb")
    s = DuckDBStore(db)
    _fill(s)
    s.close()
    (tmp_path / "q.txt").write_text(SPUN, encoding="utf-8")
    from dixit.cli import main

    runner = CliRunner()
    out = runner.invoke(main, ["similar", str(tmp_path / "q.txt"), "--db", db, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    assert {"path", "url", "label", "score"} <= set(rows[0])
    assert {r["path"]: r["label"] for r in rows}["source.txt"] == "spun"
    out = runner.invoke(main, ["stories", "--db", db, "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].startswith("story_id,article_id,copied_from,label")


@pytest.mark.corpus
@pytest.mark.slow
def test_provenance_clusters_meet_the_targets(corpus_dir):
    from dixit.provenance.evaluation import evaluate

    folder = corpus_dir / "provenance"
    if not folder.is_dir():
        pytest.skip("no provenance clusters")
    _, figures = evaluate(folder)
    assert figures["precision"] >= 0.9
    assert figures["recall"] >= 0.8
    assert figures["labels"] >= 0.7
    assert figures["kept_out"] >= 0.9
    assert figures["translations_both_ways"] == 1.0


def test_a_common_key_stops_getting_postings(store, monkeypatch):
    from dixit.provenance import index as idx

    monkeypatch.setattr(idx, "DF_CAP", 3)
    shared = "Every one of these short texts ends with the very same closing line of words."
    arts = [Article(text=f"Text number {i} about item {i * 7}. {shared}", language="en") for i in range(6)]
    assert idx.index_many(store, [(a, None, None) for a in arts[:4]]) == 4
    for a in arts[4:]:
        idx.index_article(store, a)
    con = idx.connection(store)
    most = con.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM prov_keys GROUP BY key)").fetchone()[0]
    assert most == 3
    assert con.execute("SELECT count(*) FROM prov_stop_keys").fetchone()[0] > 0
    found = idx.lookup(store, arts[0].text, text_fingerprint(arts[0].text, "en"))
    assert found.stop and all(k not in found.stop for k, _, _ in found.postings)
