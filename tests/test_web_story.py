"""Stories in the web view: the /api/stories routes against their OpenAPI description, the
stories and side-by-side pages, and (marked `browser`) the side-by-side page in Chromium.

The store holds short texts written for these tests (tests/story_texts.py): a French report,
a copy of it with a new title and boilerplate, an English translation, an independent French
report of the same event and an unrelated English one, analysed with `dixit.analyze` and
indexed with `dixit.provenance.index_article`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CHROMIUM, SHOTS
from dixit.provenance import index_article
from dixit.provenance.text import tokens
from dixit.store import open_store
from dixit.web import create_app
from dixit.web.markup import shared
from story_texts import INDEPENDENT_FR, SOURCE_FR, TRANSLATION_EN, UNRELATED_EN, VERBATIM_FR
from test_web_api import _check_body, _operations, _url
from test_web_browser import Watched
from web_support import HOSTILE, serve_store

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

TEXTS = {  # name: (text, language, publication date)
    "source": (SOURCE_FR, "fr", "2026-03-02"),
    "copy": (VERBATIM_FR, "fr", "2026-03-03"),
    "translation": (TRANSLATION_EN, "en", "2026-03-04"),
    "independent": (INDEPENDENT_FR, "fr", "2026-03-02"),
    "unrelated": (UNRELATED_EN, "en", "2026-03-01"),
}


@pytest.fixture(scope="module")
def story_store(tmp_path_factory, analyze_fr, analyze_en):
    """The store file and {name: article id}."""
    analyzers = {"fr": analyze_fr, "en": analyze_en}
    path = tmp_path_factory.mktemp("stories") / "stories.duckdb"
    store = open_store(str(path))
    ids = {}
    for name, (text, lang, day) in TEXTS.items():
        art = analyzers[lang](text, published=day)
        art.outlet = f"{name.title()} News"
        store.add_article(art, path=f"{name}.txt")
        index_article(store, art, f"{name}.txt")
        ids[name] = art.id
    store.close()
    return path, ids


@pytest.fixture(scope="module")
def ids(story_store):
    return story_store[1]


@pytest.fixture(scope="module")
def client(story_store):
    store = open_store(str(story_store[0]), read_only=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def test_story_routes_answer_their_documented_shapes(client, ids):
    spec = client.get("/api/openapi.json").json()
    ops = [(path, method, op) for path, method, op in _operations(spec) if "stories" in op.get("tags", [])]
    assert {path for path, _, _ in ops} == {"/api/stories", "/api/stories/{story_id}"}
    for path, method, op in ops:
        resp = client.request(method, _url(path, {"story_id": ids["translation"]}))
        assert resp.status_code == 200, resp.text
        _check_body(spec, op, resp)
    for url, status in [("/api/stories/" + ids["unrelated"], 404), ("/api/stories/" + "f" * 65, 404),
                        ("/api/stories/'; DROP TABLE prov_links; --", 404), ("/api/stories?limit=0", 422),
                        ("/api/stories?limit=many", 422), ("/api/stories?offset=-1", 422)]:
        resp = client.get(url)
        assert resp.status_code == status, (url, resp.text)
        assert resp.json()["detail"]
    assert client.get("/api/stories/" + ids["source"]).status_code == 200  # the store is intact


def test_stories_list_copies_source_first_and_independent_reports_apart(client, ids):
    found = client.get("/api/stories").json()
    assert found["total"] == 1 and len(found["items"]) == 1
    story = found["items"][0]
    members = story["members"]
    assert [m["article_id"] for m in members][0] == ids["source"]  # the earliest version first
    assert {m["article_id"] for m in members} == {ids["source"], ids["copy"], ids["translation"]}
    assert members[0]["label"] == "source" and members[0]["copied_from"] is None
    labels = {m["article_id"]: m["label"] for m in members}
    assert labels[ids["translation"]] == "translation"
    assert labels[ids["copy"]] in ("verbatim", "near_verbatim")
    assert all(0 < m["score"] <= 1 for m in members[1:])
    assert members[0]["outlet"] == "Source News" and members[0]["published"] == "2026-03-02"
    assert story["languages"] == ["en", "fr"]
    assert [r["article_id"] for r in story["independent"]] == [ids["independent"]]
    assert client.get("/api/stories", params={"offset": 1}).json()["items"] == []


def test_one_story_carries_the_passages_each_copy_shares_with_its_source(client, ids):
    story = client.get("/api/stories/" + ids["copy"]).json()
    texts = {n: t for n, (t, _, _) in TEXTS.items()}
    copy = next(m for m in story["members"] if m["article_id"] == ids["copy"])
    assert copy["copied_from"] == ids["source"] and copy["shared_passages"]
    for p in copy["shared_passages"]:  # the same words (as the matcher folds them: case, accents) on both sides
        source_words = [t.norm for t in tokens(texts["source"][p["query_start"]:p["query_end"]])]
        assert source_words == [t.norm for t in tokens(texts["copy"][p["other_start"]:p["other_end"]])]
        assert p["text"] == texts["copy"][p["other_start"]:p["other_end"]] and len(source_words) == p["words"]
    assert story == client.get("/api/stories/" + story["story_id"]).json()  # any member finds the same story


def test_story_page_shows_source_and_copy_side_by_side(client, ids):
    html = client.get(f"/stories/{ids['source']}", params={"copy": ids["copy"]}).text
    left, right = html.split('id="left"')[1].split('id="right"')
    marks = re.findall(r'<mark class="shared" data-p="(\d+)">', left)
    assert marks and re.findall(r'<mark class="shared" data-p="(\d+)">', right) == marks  # same passages, both sides
    assert "Partagez cet article" in right and "Partagez cet article" not in left
    assert "Partagez cet article" not in "".join(re.findall(r"<mark[^>]*>([^<]*)</mark>", right))  # not shared
    for aid in (ids["source"], ids["copy"], ids["translation"], ids["independent"]):
        assert f'href="/articles/{aid}"' in html
    default = client.get(f"/stories/{ids['translation']}").text  # a member's id selects its own pair
    assert "label-translation" in default.split("Side by side")[1].split("</h2>")[0]


def test_a_translation_side_by_side_marks_the_names_and_numbers_it_kept(client, ids):
    html = client.get(f"/stories/{ids['translation']}").text
    left, right = html.split('id="left"')[1].split('id="right"')
    anchors = re.compile(r'<mark class="anchor" data-p="(\d+)">([^<]*)</mark>')
    in_source, in_copy = ({n: w for n, w in reversed(anchors.findall(side))} for side in (left, right))  # 1st
    assert set(in_source) == set(in_copy) and len(in_source) >= 5  # each kept name marked on both sides
    pairs = {(in_source[n], in_copy[n]) for n in in_source}
    assert {("Norvège", "Norway"), ("90 000", "90,000"), ("Solberg", "Solberg")} <= pairs
    assert 'class="shared"' not in html  # no passage in the same words across languages


def test_stories_pages_link_and_refuse_bad_requests(client, ids):
    listing = client.get("/stories").text
    assert 'href="/stories"' in listing and "Source News" in listing and "label-independent" in listing
    assert f'href="/stories/{ids["source"]}?copy={ids["translation"]}"' in listing
    article = client.get(f"/articles/{ids['copy']}").text
    assert f'href="/stories/{ids["copy"]}"' in article
    assert 'href="/stories/' not in client.get(f"/articles/{ids['unrelated']}").text
    for url, status in [(f"/stories/{ids['unrelated']}", 404), (f"/stories/{ids['source']}?copy={ids['source']}", 404),
                        (f"/stories/{ids['source']}?copy=<script>", 422), ("/stories?page_no=0", 422)]:
        resp = client.get(url)
        assert resp.status_code == status, url
        assert 'class="message"' in resp.text and "<script>" not in resp.text.split("</header>")[1]


def test_a_store_without_provenance_tables_has_no_story(tmp_path, analyze_en):
    path = tmp_path / "plain.duckdb"
    store = open_store(str(path))
    art = analyze_en(UNRELATED_EN)
    store.add_article(art, path="plain.txt")
    store.close()
    store = open_store(str(path), read_only=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        assert c.get("/api/stories").json() == {"limit": 25, "offset": 0, "total": 0, "items": []}
        assert c.get(f"/api/stories/{art.id}").status_code == 404
        assert "No story" in c.get("/stories").text
        assert c.get(f"/articles/{art.id}").status_code == 200
    store.close()


def test_shared_marks_escape_each_piece():
    text = f"Intro {HOSTILE} & outro"
    start = text.index("<script>")
    html = str(shared(text, [(start, start + 20, 0), (start + 5, start + 8, 1), (40, 10, 2), (-3, 2, 3)]))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert html.count("<mark") == 2 and html.startswith("<mark class=\"shared\" data-p=\"3\">In<")  # clipped
    # (the overlapping and the reversed spans are skipped)
    assert re.sub(r"</?mark[^>]*>", "", html) == str(shared(text, []))  # every character, once, in order


# ---------------------------------------------------------------- in a browser



@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed")
def test_side_by_side_page_in_a_browser(story_store, browser):
    path, ids = story_store
    with serve_store(path) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = context.new_page()
            watched = Watched(page, base)
            page.goto(base + "/stories")
            page.click(f'a.compare[href$="copy={ids["copy"]}"]')
            page.wait_for_selector("#sidebyside mark.shared")
            left, right = page.locator("#left mark.shared"), page.locator("#right mark.shared")
            assert left.count() > 0 and left.count() == right.count()
            assert "Ingrid Solberg" in " ".join(right.all_inner_texts())
            left.first.hover()  # pointing at a passage lights up its twin on the other side
            assert "active" in (right.first.get_attribute("class") or "")
            box_left, box_right = page.locator("#left").bounding_box(), page.locator("#right").bounding_box()
            assert box_left["x"] + box_left["width"] <= box_right["x"]  # two columns
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.mouse.move(0, 0)
            page.screenshot(path=str(SHOTS / "story.png"))
            watched.clean()
        finally:
            context.close()
