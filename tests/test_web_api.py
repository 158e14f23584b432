"""The web view without a browser: the JSON API against its OpenAPI description, the pages,
escaping of untrusted text, the security headers, and the highlighted-text builder."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest

from dixit.store import open_store
from dixit.web import create_app
from dixit.web.markup import highlight, layers
from web_support import HOSTILE, bare_article, hostile_article, pact_article

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    store = open_store(str(path))
    for art in (pact_article(), hostile_article(), bare_article()):
        store.add_article(art, path=f"{art.id}.txt")
    store.close()
    return path


@pytest.fixture(scope="module")
def client(store_path):
    store = open_store(str(store_path), read_only=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


PACT = pact_article()

# Good and bad values per parameter name, for the OpenAPI walk.
GOOD = {
    "article_id": PACT.id, "actor_id": "RUR", "name": "Ruritania", "a": "RUR", "b": "BOR", "q": "Borduria",
    "outlet": "Daily Test", "language": "en", "date_from": "2024-01-01", "date_to": "2024-12-31", "limit": "5",
    "offset": "0", "kind": "country", "speaker": "Anna Holm", "source": "RUR", "target": "BOR", "type": "SUPPORT",
    "interval": "week", "min_weight": "1", "via": "Press Agency", "status": "claimed", "since": "2024-01-01",
    "until": "2024-12-31",
}
BAD = {
    "date_from": "yesterday", "date_to": "2024-13-45", "limit": "0", "offset": "-1", "language": "english!",
    "interval": "century", "min_weight": "zero", "type": "NOT A TYPE", "q": "x" * 500, "outlet": "x" * 500,
    "kind": "k" * 500, "speaker": "s" * 500, "source": "s" * 500, "target": "t" * 500, "a": "", "b": "",
    "name": "", "via": "v" * 500, "status": "rumoured", "since": "2024-1-1", "until": "soon",
}
MISSING = {"article_id": "0000000000000000", "actor_id": "Nobody At All"}


def _operations(spec):
    for path, item in spec["paths"].items():
        for method, op in item.items():
            yield path, method, op


def _check_body(spec, op, resp) -> None:
    """The answer matches the schema the OpenAPI description gives for its status."""
    import jsonschema

    documented = op["responses"][str(resp.status_code)]
    schema = documented["content"]["application/json"]["schema"]
    jsonschema.validate(resp.json(), {**schema, "components": spec["components"]})


def _url(path: str, params: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: params[m.group(1)], path)


def test_openapi_every_path_answers_documented_status(client):
    spec = client.get("/api/openapi.json").json()
    paths = list(_operations(spec))
    assert len(paths) >= 9
    for path, method, op in paths:
        assert path.startswith("/api/"), path
        if "stories" in op.get("tags", []):
            continue  # walked in test_web_story.py, over a store indexed for provenance
        documented = set(op["responses"])
        params = op.get("parameters", [])
        good = {p["name"]: GOOD[p["name"]] for p in params}
        query = {p["name"]: good[p["name"]] for p in params if p["in"] == "query"}
        resp = client.request(method, _url(path, good), params=query)
        assert resp.status_code == 200, (path, resp.text)
        assert "200" in documented
        _check_body(spec, op, resp)
        for p in params:
            if p["in"] == "path":
                resp = client.request(method, _url(path, {**good, p["name"]: MISSING[p["name"]]}), params=query)
                assert resp.status_code == 404 and str(resp.status_code) in documented, (path, resp.text)
                _check_body(spec, op, resp)
            elif p["name"] in BAD:
                resp = client.request(method, _url(path, good), params={**query, p["name"]: BAD[p["name"]]})
                assert resp.status_code == 422, (path, p["name"], resp.status_code, resp.text)
                assert str(resp.status_code) in documented and resp.json()["detail"]
                _check_body(spec, op, resp)
            if p.get("required") and p["in"] == "query":
                resp = client.request(method, _url(path, good), params={k: v for k, v in query.items()
                                                                        if k != p["name"]})
                assert resp.status_code == 422, (path, p["name"])


def test_hostile_parameters_are_bound_not_run(client):
    for value in ["'; DROP TABLE articles; --", "%", "_", "\\", "\" OR 1=1 --", "Ω≈ç√", "\x00"]:
        for url in ("/api/articles", "/api/quotes", "/api/actors"):
            resp = client.get(url, params={"q": value})
            assert resp.status_code in (200, 422), (url, value, resp.text)
        assert client.get("/api/events", params={"source": value}).status_code in (200, 422)
        assert client.get("/api/dyad", params={"a": value, "b": "RUR"}).status_code in (200, 422)
        assert client.get(f"/articles/{quote(value, safe='')}").status_code in (404, 422)
    assert client.get("/api/stats").json()["articles"] == 3
    # LIKE wildcards in search words are not wildcards
    assert client.get("/api/articles", params={"q": "Bord%ria"}).json()["items"] == []
    assert client.get("/api/articles", params={"q": "Bord_ria"}).json()["items"] == []


def test_api_answers(client):
    found = client.get("/api/articles", params={"q": "borduria minister", "language": "en"}).json()
    assert [a["article_id"] for a in found["items"]] == [PACT.id]
    assert len(client.get("/api/articles", params={"date_from": "2024-04-01"}).json()["items"]) == 1
    assert len(client.get("/api/articles", params={"outlet": "daily test"}).json()["items"]) == 1
    paged = client.get("/api/articles", params={"limit": 1}).json()
    assert len(paged["items"]) == 1 and paged["has_next"] is True
    assert client.get("/api/articles/" + PACT.id).json()["quotes"][0]["text"] == "We stand with Borduria"
    said = client.get("/api/quotes", params={"speaker": "RUR"}).json()  # a state finds its officials' words
    assert {q["text"] for q in said} >= {"We stand with Borduria"}
    assert [q["via_names"] for q in said] == [[], ["Press Agency"]]
    assert [q["text"][:7] for q in client.get("/api/quotes", params={"via": "Press Agency"}).json()] == ["also ac"]
    claimed = client.get("/api/events", params={"status": "claimed", "since": "2024-04-01"}).json()
    assert [(e["type"], e["claimed_by"]) for e in claimed] == [("ACCUSE", ["Press Agency"])]
    assert client.get("/api/resolve", params={"name": "ruritania"}).json()["id"] == "RUR"
    actor = client.get("/api/actors/Anna Holm").json()
    assert {t["entity_id"] for t in actor["talks_about"]} == {"BOR", "SYL"}
    state = client.get("/api/actors/RUR").json()
    assert [e["type"] for e in state["acted"]] == ["ACCUSE", "SUPPORT"]  # newest first
    assert [e["type"] for e in client.get("/api/actors/BOR").json()["undergone"]] == ["SUPPORT"]


def test_actor_ids_with_a_slash(client):
    assert client.get("/api/actors/North/South Commission").json()["kind"] == "organization"
    assert "North/South Commission" in client.get("/actors/North/South%20Commission").text


def test_dyad_series_per_period_and_quad(client):
    month = client.get("/api/dyad", params={"a": "RUR", "b": "BOR"}).json()
    assert month["series"] == [{"period": "2024-03-01", "quad": "verbal cooperation", "n": 1, "a_to_b": 1,
                                "b_to_a": 0, "intensity": 5.0}]
    assert [e["status"] for e in month["events"]] == ["asserted", "denied"]  # listed, not counted
    both = client.get("/api/dyad", params={"a": "BOR", "b": "RUR", "interval": "week"}).json()
    assert both["series"][0]["b_to_a"] == 1 and both["series"][0]["period"] == "2024-02-26"  # a Monday
    assert [e["period"] for e in both["events"]] == ["2024-02-26"] * 2
    assert client.get("/api/dyad", params={"a": "RUR", "b": "SYL"}).json()["events"][0]["status"] == "claimed"


def test_network_edges_need_both_ends(client):
    net = client.get("/api/network").json()
    pairs = {(e["source"], e["target"], e["type"]) for e in net["edges"]}
    assert ("RUR", "BOR", "SUPPORT") in pairs and ("RUR", "SYL", "ACCUSE") in pairs
    assert all(e["target"] for e in net["edges"])  # the AGREE has no target: not drawn
    assert "COOPERATE" not in {e["type"] for e in net["edges"]}  # denied: not a link
    only = client.get("/api/network", params={"type": "accuse"}).json()
    assert {e["type"] for e in only["edges"]} == {"ACCUSE"}
    assert {n["id"] for n in only["nodes"]} == {"RUR", "SYL"}


@pytest.mark.parametrize("url", ["/articles", "/articles?q=borduria&language=en&date_from=2024-01-01",
                                 "/articles?q=&outlet=&language=&date_from=&date_to=", "/dyad?a=&b=&interval=",
                                 "/actors", "/actors?kind=country", "/actors/RUR", "/actors/Anna%20Holm",
                                 "/dyad", "/dyad?a=RUR&b=BOR&interval=week", "/dyad?a=RUR&b=Nobody",
                                 "/network", "/network?type=ACCUSE&min_weight=2"])
def test_pages_render(client, url):
    resp = client.get(url)
    assert resp.status_code == 200, resp.text
    assert "text/html" in resp.headers["content-type"]
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    assert "<script>" not in resp.text and "unsafe-inline" not in resp.headers["content-security-policy"]


@pytest.mark.parametrize("url,status", [("/articles?date_from=nope", 422), ("/articles?date_to=2024-02-31", 422),
                                        ("/articles?page_no=0", 422),
                                        ("/articles/ffffffffffffffff", 404), ("/actors/Nobody", 404),
                                        ("/dyad?a=RUR&b=BOR&interval=year", 422), ("/network?type=HUG", 422),
                                        ("/nowhere", 404)])
def test_bad_page_requests_get_an_html_message(client, url, status):
    resp = client.get(url)
    assert resp.status_code == status
    assert "text/html" in resp.headers["content-type"] and 'class="message"' in resp.text


def test_article_page_marks_records(client):
    html = client.get(f"/articles/{PACT.id}").text
    assert 'id="q-0"' in html and 'id="q-1"' in html and 'id="e-0"' in html
    assert "Anna Holm via Press Agency" in html  # the via chain at the quote
    assert "unknown speaker" in html  # a quote without speaker still shows
    assert 'class="flag"' in html and "boilerplate" in html
    assert "(denied)" in html
    holm = [e.id for e in PACT.entities].index("Anna Holm")
    assert html.count(f'data-m="{holm}"') == 2  # both mentions of Anna Holm, each findable


def test_untrusted_text_is_escaped_everywhere(client):
    art = hostile_article()
    for url in (f"/articles/{art.id}", "/articles", "/actors", f"/actors/{'<svg onload=alert(3)>'}",
                "/dyad?a=<svg onload=alert(3)>&b=RUR"):
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html, url
        assert "<b>title</b>" not in html and "<i>Evil</i>" not in html
    html = client.get(f"/articles/{art.id}").text
    assert "&lt;script&gt;window.__xss = 1;" in html
    assert client.get(f"/api/articles/{art.id}").json()["quotes"][0]["text"] == HOSTILE


def test_highlight_escapes_each_piece_and_survives_bad_offsets():
    text = "A <b>said</b> « x & y » end"
    record = {
        "text": text,
        "quotes": [{"start": 15, "end": 20, "kind": "direct", "speaker": None},
                   {"start": 30, "end": 10, "kind": "direct"}, {"start": -5, "end": 999, "kind": "indirect"}],
        "events": [{"start": 2, "end": 17, "type": "ACCUSE", "source": "A", "target": None, "quad": 3}],
        "entities": [{"id": "A", "name": "A<", "kind": "person\"><x", "mentions": [{"start": 0, "end": 1}]}],
        "flags": [{"kind": "grammar_artifact", "start": 3, "end": 6}],
    }
    html = str(highlight(record, {"": 0}))
    assert "<b>" not in html and "</b>" not in html and "x" in html
    assert "kind-personx" in html and '"><x' not in html  # a record value cannot break out of its attribute
    badges = re.compile(r'<span class="badge[^>]*>[^<]*</span>')
    assert unescape(re.sub(r"<[^>]+>", "", badges.sub("", html))) == text  # every character, once, in order
    spans = layers(record)
    assert (15, 20, "q", 0) in spans and (0, len(text), "q", 2) in spans
    assert not any(layer == "q" and no == 1 for _, _, layer, no in spans)  # start > end: not drawn


def test_vendor_libraries_ship_with_licences():
    from dixit.web.app import HERE

    vendor = HERE / "static" / "vendor"
    for lib in ("vega", "vega-lite", "vega-embed", "vega-interpreter", "cytoscape"):
        assert (vendor / f"{lib}.min.js").stat().st_size > 1000
        assert "Copyright" in (vendor / f"LICENSE.{lib}").read_text()


def test_serve_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from dixit.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store" in result.output


def test_screenshots_folder_is_named_in_the_docs():
    from conftest import REPO

    assert "test-artifacts/screenshots/" in (REPO / "docs" / "web.md").read_text()
