"""End to end: the pages in headless Chromium (Debian's, driven by Playwright's Python client)
over a store built from ../shared/corpus/dev. Screenshots of every page at 1280x800 go to
test-artifacts/screenshots/ (docs/web.md)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, urlsplit
from urllib.request import urlopen

import pytest

from conftest import CHROMIUM, SHOTS  # the `browser` fixture (one Chromium per session) is in conftest.py
from web_support import hostile_article, serve_store

pytestmark = [
    pytest.mark.browser, pytest.mark.corpus, pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed"),
]


@pytest.fixture(scope="session")
def dev_store(request, tmp_path_factory):
    """The dev corpus as analysed once for the session (`dev_analyses`: dixit.analyze_many), stored
    with `store.add_article`, plus a hostile article.

    DIXIT_WEB_STORE=path uses a store built beforehand instead (it must hold the same files).
    """
    if os.environ.get("DIXIT_WEB_STORE"):
        return Path(os.environ["DIXIT_WEB_STORE"])
    from dixit.store import open_store

    path = tmp_path_factory.mktemp("browser") / "dev.duckdb"
    store = open_store(str(path))
    for txt, gold, art in request.getfixturevalue("dev_analyses"):
        # The publication date is metadata a crawler gives with the page: events without a date of
        # their own are placed on it in the timeline.
        if gold and gold.get("published") and not art.published:
            art = replace(art, published=gold["published"])
        store.add_article(art, path=txt.name)
    store.add_article(hostile_article(), path="hostile.txt")
    store.close()
    return path


@pytest.fixture(scope="session")
def server(dev_store):
    with serve_store(dev_store) as base:
        yield base


class Watched:
    """A page and what happened on it: console errors, dialogs, requests leaving the server."""

    def __init__(self, page, base: str):
        self.page, self.errors, self.dialogs, self.outside = page, [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        host = urlsplit(base).netloc
        page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and self.outside.append(r.url))

    def clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs
        assert not self.outside, self.outside


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    watched = Watched(pg, server)
    yield watched
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def api(server: str, path: str):
    with urlopen(server + path, timeout=10) as resp:
        return json.loads(resp.read())


def kim_article(server: str) -> dict:
    found = api(server, "/api/articles?q=Belousov+Pyongyang&limit=5")["items"]
    found = [a for a in found if a["path"] == "rt-kim-belousov.txt"]
    assert found, "the founding article is not in the store"
    return api(server, "/api/articles/" + found[0]["article_id"])


def kim_quotes(record: dict) -> list[int]:
    names = {e["id"]: e.get("name") or e["id"] for e in record["entities"]}
    return [i for i, q in enumerate(record["quotes"]) if "Kim" in (names.get(q.get("speaker")) or "")]


def test_articles_page_lists_and_searches(page, server):
    pg = page.page
    pg.goto(server + "/articles")
    assert pg.locator("table.articles tbody tr").count() >= 25  # one page of the 36 articles
    shot(pg, "articles")
    pg.fill("input[name=q]", "Belousov")
    with pg.expect_navigation():
        pg.click("form.search button")
    assert pg.locator("table.articles tbody tr").count() == 1
    with pg.expect_navigation():
        pg.click("table.articles tbody a")
    assert pg.locator("#text").is_visible()
    page.clean()


def test_kim_quotes_highlighted_in_the_founding_article(page, server):
    record = kim_article(server)
    mine = kim_quotes(record)
    assert mine, "no quote of Kim Jong-un found in the founding article"
    pg = page.page
    pg.goto(f"{server}/articles/{record['id']}")
    for no in mine:
        badge = pg.locator(f"#q-{no}")
        assert "Kim" in badge.inner_text()
        pieces = pg.locator(f'#text .q[data-q~="{no}"]')
        assert pieces.count() >= 1
        colour = pieces.first.evaluate(
            "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderBottomColor]")
        assert set(colour) != {"rgba(0, 0, 0, 0)"}  # shaded (direct, mixed) or underlined (indirect)
        text = "".join(pieces.all_inner_texts()).replace("\n", " ")
        assert text.strip() and text.strip()[:20] in record["quotes"][no]["text"].replace("\n", " ")
    shot(pg, "article")
    page.clean()


def test_click_a_quote_in_the_side_panel_lands_on_it(page, server):
    record = kim_article(server)
    assert record["quotes"], "no quote found in the founding article"
    no = (kim_quotes(record) or [len(record["quotes"]) - 1])[-1]
    pg = page.page
    pg.goto(f"{server}/articles/{record['id']}")
    pg.click(f'#panel .jump[data-kind="q"][data-no="{no}"]')
    target = pg.locator(f"#q-{no}")
    assert "active" in target.get_attribute("class")
    box = target.evaluate("el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; }")
    assert box[0] >= 0 and box[1] <= box[2], box  # scrolled into view
    assert pg.locator(f'#text .q.active[data-q~="{no}"]').count() >= 1
    assert pg.url.endswith(f"#q-{no}")
    shot(pg, "article-quote-clicked")
    if record["events"]:
        pg.click('#panel .jump[data-kind="e"][data-no="0"]')
        assert "active" in pg.locator("#e-0").get_attribute("class")
    mention = pg.locator("#text .ent").first
    if mention.count():
        mention.click()  # an actor's name: all its mentions and its chip light up
        no = mention.get_attribute("data-m").split()[0]
        assert pg.locator(f'#text .ent.active[data-m~="{no}"]').count() >= 1
        assert "active" in pg.locator(f'#actors .chip[data-no="{no}"]').get_attribute("class")
    page.clean()


def test_pair_prk_rus_draws_its_chart(page, server):
    dyad = api(server, "/api/dyad?a=PRK&b=RUS")
    assert dyad["series"], "no dated PRK–RUS event in the dev store"
    pg = page.page
    pg.goto(server + "/dyad?a=PRK&b=RUS")
    pg.wait_for_selector("#dyad-chart[data-drawn] svg", timeout=15_000)
    assert pg.locator("#dyad-chart svg .mark-rect path").count() >= 1  # the bars vega drew
    assert pg.locator(".period table.events tbody tr").count() == len(dyad["events"])
    shot(pg, "dyad")
    pg.locator("#dyad-chart svg .mark-rect path").last.click()  # a bar leads to its events
    active = pg.locator(".period.active")
    assert active.count() == 1 and active.locator("tbody tr").count() >= 1
    page.clean()


def test_network_is_drawn(page, server):
    net = api(server, "/api/network")
    hostile = hostile_article().events[0].source
    assert [e for e in net["edges"] if e["source"] != hostile], "no event with a source and a target in the dev corpus"
    pg = page.page
    pg.goto(server + "/network")
    pg.wait_for_selector("#network[data-drawn] canvas", timeout=15_000)
    assert str(len(net["nodes"])) in pg.inner_text("#network-note")
    shot(pg, "network")
    page.clean()


def test_actor_pages(page, server):
    pg = page.page
    pg.goto(server + "/actors")
    assert pg.locator("table.actors tbody tr").count() >= 1
    shot(pg, "actors")
    who = api(server, "/api/resolve?name=" + quote("Kim Jong-un"))["id"]
    pg.goto(f"{server}/actors/{quote(who, safe='')}")
    assert "Kim" in pg.inner_text("h1")
    if api(server, "/api/actors/" + quote(who, safe=""))["said_per_month"]:
        pg.wait_for_selector("#said-chart[data-drawn] svg", timeout=15_000)
    shot(pg, "actor")
    page.clean()


def test_hostile_article_runs_nothing(page, server):
    art = hostile_article()
    pg = page.page
    pg.goto(f"{server}/articles/{art.id}")
    pg.wait_for_load_state("load")
    pg.wait_for_timeout(300)
    assert pg.evaluate("typeof window.__xss") == "undefined"
    assert pg.locator("#text script, #text img, #text svg, #panel img, h1 b").count() == 0
    text = pg.inner_text("#text")
    assert "<script>window.__xss = 1;" in text and "<img src=x onerror=" in text
    assert "<b>title</b>" in pg.inner_text("h1")
    pg.click('#panel .jump[data-kind="q"][data-no="0"]')
    shot(pg, "hostile")
    page.clean()  # no dialog, no console error (a blocked inline script would log a CSP error)


def test_api_answers_on_the_dev_store_match_their_openapi_schemas(server):
    import jsonschema

    spec = api(server, "/api/openapi.json")
    kim = kim_article(server)
    who = quote(api(server, "/api/resolve?name=" + quote("Kim Jong-un"))["id"], safe="")
    for path, url in [("/api/articles", "/api/articles?limit=100"), ("/api/articles/{article_id}",
                      f"/api/articles/{kim['id']}"), ("/api/actors", "/api/actors?limit=500"),
                      ("/api/actors/{actor_id}", f"/api/actors/{who}"), ("/api/quotes", "/api/quotes?limit=500"),
                      ("/api/events", "/api/events?limit=500"), ("/api/dyad", "/api/dyad?a=PRK&b=RUS"),
                      ("/api/network", "/api/network"), ("/api/stats", "/api/stats")]:
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        jsonschema.validate(api(server, url), {**schema, "components": spec["components"]})
