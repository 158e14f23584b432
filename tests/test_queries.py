"""The query API on a small store built from hand-made records (no parsing: fast, exact)."""

from __future__ import annotations

import pytest

from dixit.model import Article, Cue, Entity, Event, Quote, Span
from dixit.store import open_store
from dixit.store import queries as Q


def _article(text: str, published: str, outlet: str, entities, quotes=(), events=()) -> Article:
    return Article(text=text, language="fr", title=text.split("\n")[0], outlet=outlet, published=published,
                   entities=list(entities), quotes=list(quotes), events=list(events))


def _span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


def _build(path) -> object:
    t1 = "Sommet\nVladimir Poutine a déclaré : « Nous aiderons Pyongyang. » Moscou enverra des vivres."
    a1 = _article(t1, "2024-11-02", "Journal A", [
        Entity("Vladimir Poutine", "Vladimir Poutine", "person", "RUS", "président",
               [_span(t1, "Vladimir Poutine")]),
        Entity("RUS", "Russie", "country", None, None, [_span(t1, "Moscou")]),
        Entity("PRK", "Corée du Nord", "country", None, None, [_span(t1, "Pyongyang")]),
    ], quotes=[Quote(t1.index("«"), t1.index("»") + 1, "Nous aiderons Pyongyang.", "direct",
                     speaker="Vladimir Poutine", speaker_mention=_span(t1, "Vladimir Poutine"),
                     cue=Cue(t1.index("déclaré"), t1.index("déclaré") + 7, "déclarer"))],
        events=[Event("AID", t1.index("Moscou"), len(t1), "Moscou enverra des vivres.", source="RUS",
                      target="PRK", date="2024-11-01", intensity=None),
                Event("SUPPORT", 0, 6, "Sommet", source="Vladimir Poutine", target="PRK", status="denied")])
    t2 = "Menaces\nSelon l'agence KCNA, Kim Jong-un a dit que Putin était un ami. La Russie a frappé."
    a2 = _article(t2, "2024-12-15", "Journal B", [
        Entity("Kim Jong-un", "Kim Jong-un", "person", "PRK", None, [_span(t2, "Kim Jong-un")]),
        Entity("KCNA", "KCNA", "organization", "PRK", None, [_span(t2, "KCNA")]),
        Entity("Vladimir Poutine", "Putin", "person", "RUS", None, [_span(t2, "Putin")]),
        Entity("RUS", "Russie", "country", None, None, [_span(t2, "Russie")]),
    ], quotes=[Quote(t2.index("Putin"), t2.index(" un ami") + 7, "Putin était un ami", "indirect",
                     speaker="Kim Jong-un", via=["KCNA"])],
        events=[Event("ASSAULT", t2.index("La Russie"), len(t2), "La Russie a frappé.", source="RUS",
                      target="PRK", intensity=-8.0, status="claimed", claimed_by=["KCNA"])])
    store = open_store(str(path))
    assert store.add_article(a1, path="a1.txt")
    assert store.add_article(a2, path="a2.txt")
    return store


@pytest.fixture
def store(tmp_path, monkeypatch):
    """The small store, with no alias tables (the store's own names only) unless a test adds some."""
    (tmp_path / "no-lang").mkdir()
    monkeypatch.setattr(Q, "LANG_ROOT", tmp_path / "no-lang")
    Q.alias_index.cache_clear()
    st = _build(tmp_path / "q.duckdb")
    yield st
    st.close()
    Q.alias_index.cache_clear()


def test_resolve_names_and_codes(store):
    poutine = Q.resolve_actor(store, "Poutine")
    assert poutine == Q.resolve_actor(store, "Putin") == Q.resolve_actor(store, "vladimir poutine")
    assert poutine == {"Vladimir Poutine"}
    assert Q.resolve_actor(store, "Moscou") == Q.resolve_actor(store, "rus") == {"RUS"}
    assert Q.resolve_actor(store, "Kim Jong Un") == {"Kim Jong-un"}  # hyphen and case do not matter
    assert Q.resolve_actor(store, "Zelensky") == set()


def test_quotes_filters(store):
    kim = Q.quotes(store, speaker="Kim Jong Un")
    assert [q["text"] for q in kim] == ["Putin était un ami"]
    assert kim[0]["outlet"] == "Journal B" and kim[0]["published"] == "2024-12-15"
    assert kim[0]["via_names"] == ["KCNA"]
    assert [q["speaker_id"] for q in Q.quotes(store, via="KCNA")] == ["Kim Jong-un"]
    assert len(Q.quotes(store)) == 2
    assert [q["published"] for q in Q.quotes(store, since="2024-12-01")] == ["2024-12-15"]
    assert [q["published"] for q in Q.quotes(store, until="2024-11-30")] == ["2024-11-02"]
    assert len(Q.quotes(store, contains="AIDERONS pyongyang")) == 1
    assert Q.quotes(store, contains="aiderons ami") == []
    assert len(Q.quotes(store, limit=1)) == 1


def test_events_filters(store):
    assert {e["type"] for e in Q.events(store, source="Russie", target="PRK", status="asserted")} == {"AID"}
    # the state's officials act for it: Poutine's event counts for RUS, not the reverse
    assert {e["type"] for e in Q.events(store, source="RUS")} == {"AID", "ASSAULT", "SUPPORT"}
    assert [e["type"] for e in Q.events(store, source="Poutine")] == ["SUPPORT"]
    assert [e["type"] for e in Q.events(store, status="claimed")] == ["ASSAULT"]
    assert [e["type"] for e in Q.events(store, type="aid")] == ["AID"]
    assert [e["event_date"] for e in Q.events(store, since="2024-12-01")] == ["2024-12-15"]


def test_dyad_series(store):
    rows = Q.dyad(store, "PRK", "Moscou", by="month")
    assert [r["period"] for r in rows] == ["2024-11", "2024-12"]
    nov, dec = rows
    # the denied SUPPORT is left out; AID has no intensity of its own: its type's base counts
    assert nov["events"] == 1 and nov["material_cooperation"] == 1 and nov["b_to_a"] == 1
    assert nov["intensity"] == 10.0
    assert dec["material_conflict"] == 1 and dec["intensity"] == -8.0 and dec["a_to_b"] == 0
    assert [r["period"] for r in Q.dyad(store, "PRK", "RUS", by="week")] == ["2024-W44", "2024-W50"]
    days = Q.dyad(store, "PRK", "RUS", by="day", statuses=None)
    assert [r["period"] for r in days] == ["2024-11-01", "2024-11-02", "2024-12-15"]
    store.query("UPDATE articles SET published = NULL")  # read-write here; the CLI opens read-only
    store.query("UPDATE events SET event_date = NULL WHERE type = 'ASSAULT'")
    undated = Q.dyad(store, "PRK", "RUS")
    assert [(r["period"], r["events"]) for r in undated] == [("2024-11", 1), (None, 1)]
    assert [r["period"] for r in Q.dyad(store, "PRK", "RUS", undated=False)] == ["2024-11"]
    with pytest.raises(ValueError):
        Q.dyad(store, "PRK", "RUS", by="decade")


def test_actors_and_articles(store):
    top = Q.actors(store)
    assert top[0]["entity_id"] in {"Vladimir Poutine", "Kim Jong-un"} and top[0]["quotes"] == 1
    by_id = {a["entity_id"]: a for a in top}
    assert by_id["RUS"]["articles"] == 2 and by_id["KCNA"]["relayed"] == 1
    assert {a["kind"] for a in Q.actors(store, kind="person")} == {"person"}
    listed = Q.articles(store)
    assert [a["outlet"] for a in listed] == ["Journal B", "Journal A"]
    assert [a["outlet"] for a in Q.articles(store, q="vivres")] == ["Journal A"]
    assert Q.articles(store, outlet="journal a")[0]["quotes"] == 1
    assert Q.articles(store, language="en") == []
    rec = Q.article(store, listed[0]["article_id"])
    assert rec["id"] == listed[0]["article_id"] and rec["path"] == "a2.txt" and rec["quotes"]
    assert Q.article(store, "nope") is None


def test_export_every_table_readable_by_pyarrow(store, tmp_path):
    import json

    import pyarrow.json as pj
    import pyarrow.parquet as pq

    files = store.export(str(tmp_path / "pq"), "parquet")
    names = {p.rsplit("/", 1)[1] for p in files}
    assert {"articles.parquet", "quotes.parquet", "events.parquet", "sources.parquet", "errors.parquet",
            "schema.json"} <= names
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    assert sorted(q["speaker_id"] for q in quotes) == ["Kim Jong-un", "Vladimir Poutine"]
    assert next(q for q in quotes if q["speaker_id"] == "Kim Jong-un")["via_ids"] == ["KCNA"]
    schema = json.loads((tmp_path / "pq" / "schema.json").read_text())
    assert [c["name"] for c in schema["tables"]["events"]][:3] == ["article_id", "event_no", "type"]
    store.export(str(tmp_path / "js"), "jsonl")
    assert pj.read_json(tmp_path / "js" / "events.jsonl").num_rows == 3
    store.export(str(tmp_path / "csv"), "csv")
    assert (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8").startswith("article_id,path,url")


def test_old_store_is_migrated_not_recreated(tmp_path):
    import duckdb

    from dixit.store.duckdb_store import MIGRATIONS, SCHEMA_VERSION, migrate_part

    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    migrate_part(con, "core", MIGRATIONS[:1])  # a store made before the sources table existed
    con.execute("INSERT INTO errors VALUES ('x.txt', 'empty file', now())")
    con.close()
    st = open_store(path)
    assert st.version() == SCHEMA_VERSION >= 2
    assert st.query("SELECT count(*) AS n FROM errors")[0]["n"] == 1  # data kept
    assert st.query("SELECT count(*) AS n FROM sources")[0]["n"] == 0
    st.close()


def test_alias_tables_join_names_the_store_never_saw(store, tmp_path, monkeypatch):
    """Names the store never saw, through alias tables laid out like those under dixit/lang."""
    lang = tmp_path / "lang"
    (lang / "common").mkdir(parents=True)
    (lang / "common" / "persons.tsv").write_text(
        "# a comment line\nid\tcountry\trole\taliases\nVladimir Poutine\tRUS\tprésident\tVladimir Putin|V. Poutine\n",
        encoding="utf-8")
    (lang / "common" / "countries.tsv").write_text(
        "iso3\tkind\tname\tnames\tcapitals\tdemonyms_fr\nRUS\tcountry\tRussie\tRussia|Fédération de Russie\t"
        "Moscou|Moscow\trusse\n", encoding="utf-8")
    (lang / "common" / "actors.tsv").write_text(
        "id\tkind\tcountry\trole\taliases\nKCNA agency\torganization\tPRK\t\tKCNA|Agence centrale de presse\n",
        encoding="utf-8")
    monkeypatch.setattr(Q, "LANG_ROOT", lang)
    Q.alias_index.cache_clear()
    assert Q.resolve_actor(store, "V. Poutine") == {"Vladimir Poutine"}
    assert Q.resolve_actor(store, "Moscow") == Q.resolve_actor(store, "Federation de Russie") == {"RUS"}
    assert Q.resolve_actor(store, "RUSSE") == {"RUS"}
    assert Q.resolve_actor(store, "president") == set()  # a role is not a name
    # the table's id differs from the stored one: the stored actor is found through its aliases
    assert Q.resolve_actor(store, "Agence centrale de presse") == {"KCNA agency", "KCNA"}
    assert [q["speaker_id"] for q in Q.quotes(store, via="agence centrale de presse")] == ["Kim Jong-un"]


def test_shipped_alias_tables_unify_languages(tmp_path):
    """With the alias tables dixit ships: French and English names, capitals, codes agree."""
    Q.alias_index.cache_clear()
    st = _build(tmp_path / "s.duckdb")
    try:
        poutine = Q.resolve_actor(st, "Poutine")
        assert "Vladimir Poutine" in poutine  # the stored actor...
        assert poutine == Q.resolve_actor(st, "Putin") == Q.resolve_actor(st, "Vladimir Putin")
        assert "RUS" in Q.resolve_actor(st, "Moscou")
        assert Q.resolve_actor(st, "Moscou") == Q.resolve_actor(st, "Russie") == Q.resolve_actor(st, "RUS")
        assert len(Q.quotes(st, speaker="Putin")) == 1
    finally:
        st.close()


def test_query_commands_formats(store, tmp_path):
    import csv
    import io
    import json

    from click.testing import CliRunner

    from dixit.cli import main

    db = store.path
    store.close()  # the commands open the file read-only themselves
    run = CliRunner()

    def ok(*args: str) -> str:
        result = run.invoke(main, [*args, "--db", db])
        assert result.exit_code == 0, result.output
        return result.output

    rows = list(csv.DictReader(io.StringIO(ok("quotes", "--speaker", "Poutine", "--format", "csv"))))
    assert [(r["speaker_name"], r["outlet"], r["published"]) for r in rows] == [
        ("Vladimir Poutine", "Journal A", "2024-11-02")]
    events = [json.loads(line) for line in ok("events", "--type", "ASSAULT", "--format", "jsonl").splitlines()]
    assert [(e["source_id"], e["claimed_by"]) for e in events] == [("RUS", ["KCNA"])]
    table = ok("dyad", "PRK", "RUS", "--by", "year")
    assert table.splitlines()[0].split()[:2] == ["period", "events"] and "2024" in table
    assert "Kim Jong-un" in ok("actors", "--kind", "person")
    assert ok("errors").strip() == "(no rows)"
    out = tmp_path / "exported"
    assert "quotes.parquet" in ok("export", str(out))
    missing = run.invoke(main, ["quotes", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 2 and "no store" in missing.output
