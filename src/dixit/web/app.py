"""The web view: HTML pages to read articles with their records in place, and a JSON API.

`create_app(store)` serves one store read-only. Pages render on the server (Jinja2 with
autoescape); charts and the network draw in the browser with the Vega and Cytoscape builds
shipped in `static/vendor/`. Every response carries a strict Content-Security-Policy: scripts
and styles come only from this server's static files, so nothing in an article can run.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from dixit import __version__
from dixit.store.base import Store
from dixit.web import data, schemas
from dixit.web.markup import event_label, highlight, passage_pairs, shared, speaker_label

HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PAGE_SIZE = 25

# Bounded query parameters: FastAPI answers 422 with the reason when one is out of range.
Text = Annotated[str | None, Query(max_length=200)]
ActorId = Annotated[str, Query(min_length=1, max_length=200)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Page = Annotated[int, Query(ge=1, le=1_000_000)]
Interval = Annotated[str, Query(pattern="^(week|month)$")]
Language = Annotated[str | None, Query(pattern="^[a-z]{2,3}$")]
EventType = Annotated[str | None, Query(pattern="^[A-Za-z_]{2,20}$")]
Status = Annotated[str | None, Query(pattern="^(asserted|claimed|denied|hypothetical)$")]
# HTML forms send empty fields as "": the pages take them as "not given".
FormLanguage = Annotated[str | None, Query(pattern="^([a-z]{2,3})?$")]
FormDate = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
FormInterval = Annotated[str, Query(pattern="^(week|month|)$")]
CopyId = Annotated[str | None, Query(pattern="^[0-9a-f]{1,64}$")]


def form_date(name: str, value: str | None) -> date | None:
    """A YYYY-MM-DD form field as a date; a 422 naming the field when it is no real day."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a valid date (YYYY-MM-DD)") from None


class Problem(BaseModel):
    """What a 4xx answer says: the reason in words, and for a bad parameter pydantic's details."""

    detail: str
    errors: list[dict[str, Any]] | None = None


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "Not found"}}


def answers(model: Any, *, missing: bool = False) -> dict[str, Any]:
    """Route arguments documenting the 200 answer's shape (`schemas`) without filtering it."""
    responses: dict[int | str, dict[str, Any]] = {
        200: {"model": model, "description": "Found"},
        422: {"model": Problem, "description": "A bad parameter, named in `detail`"},
    }
    return {"response_model": None, "responses": {**responses, **(NOT_FOUND if missing else {})}}


class LockedStore:
    """One DuckDB connection shared by the server's threads, one query at a time."""

    def __init__(self, store: Store):
        self.store = store
        self.lock = threading.Lock()

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return self.store.query(sql, params)

    def call(self, fn: Any, *args: Any) -> Any:
        """`fn(store, *args)` under the lock: for functions that use the store's connection themselves."""
        with self.lock:
            return fn(self.store, *args)

    def close(self) -> None:
        self.store.close()


def create_app(store: Store) -> FastAPI:
    app = FastAPI(
        title="dixit", version=__version__, docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
        description="Who said what, who did what to whom, and according to whom: the records of a dixit store.",
    )
    db = LockedStore(store)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(version=__version__, speaker_label=speaker_label, event_label=event_label)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', [])[1:]) or 'request'}: {err.get('msg')}" for err in exc.errors()
        )
        if wants_html(request):
            return error_page(request, 422, f"Bad parameter: {reasons}")
        return JSONResponse({"detail": reasons, "errors": jsonable(exc.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_html(request):
            return error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    def error_page(request: Request, status: int, message: str) -> HTMLResponse:
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status)

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"page": name.removesuffix(".html"), **context})

    # ---------------------------------------------------------------- JSON API

    @app.get("/api/stats", tags=["api"], **answers(schemas.Stats), summary="How many records the store holds")
    def api_stats() -> dict[str, int]:
        return data.stats(db)

    @app.get("/api/articles", tags=["api"], **answers(schemas.ArticlesPage),
             summary="Articles matching words (title or text), outlet (exact), language, publication dates")
    def api_articles(q: Text = None, outlet: Text = None, language: Language = None,
                     date_from: date | None = None, date_to: date | None = None,
                     limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict[str, Any]:
        return data.articles(db, q=q, outlet=outlet, language=language, date_from=date_from, date_to=date_to,
                             limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}", tags=["api"], **answers(schemas.ArticleRecord, missing=True),
             summary="One article's full record (dixit.article/1)")
    def api_article(article_id: str) -> dict[str, Any]:
        return get_article(article_id)

    @app.get("/api/actors", tags=["api"], **answers(schemas.ActorsPage), summary="Actors, most present first")
    def api_actors(q: Text = None, kind: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return data.actors(db, q=q, kind=kind, limit=limit, offset=offset)

    @app.get("/api/actors/{actor_id:path}", tags=["api"], **answers(schemas.ActorProfile, missing=True),
             summary="One actor: quotes over time, acts, acts undergone, whom they talk about")
    def api_actor(actor_id: str) -> dict[str, Any]:
        return get_actor(actor_id)

    @app.get("/api/resolve", tags=["api"], **answers(schemas.Resolved, missing=True),
             summary="The actor id for a name or id")
    def api_resolve(name: ActorId) -> dict[str, str]:
        found = data.resolve_actor(db, name)
        if found is None:
            raise HTTPException(404, f"no actor named {name!r}")
        return {"name": name, "id": found}

    @app.get("/api/quotes", tags=["api"], **answers(list[schemas.QuoteRow]),
             summary="Quotes by speaker, intermediary (via), words and publication dates, as `dixit quotes`")
    def api_quotes(speaker: Text = None, q: Text = None, via: Text = None, since: date | None = None,
                   until: date | None = None, limit: Limit = 50, offset: Offset = 0) -> list[dict]:
        return data.quotes(db, speaker=speaker, q=q, via=via, since=since, until=until, limit=limit, offset=offset)

    @app.get("/api/events", tags=["api"], **answers(list[schemas.EventRow]),
             summary="Events by source, target, PLOVER type, status and event dates, as `dixit events`")
    def api_events(source: Text = None, target: Text = None, type: EventType = None, status: Status = None,
                   since: date | None = None, until: date | None = None,
                   limit: Limit = 100, offset: Offset = 0) -> list[dict]:
        return data.events(db, source=source, target=target, type=type, status=status, since=since, until=until,
                           limit=limit, offset=offset)

    @app.get("/api/dyad", tags=["api"], **answers(schemas.Dyad),
             summary="Events between two actors, counted per period and quad class")
    def api_dyad(a: ActorId, b: ActorId, interval: Interval = "month") -> dict[str, Any]:
        return data.dyad(db, a, b, interval=interval)

    @app.get("/api/network", tags=["api"], **answers(schemas.Network),
             summary="Who does what to whom: weighted edges by PLOVER type")
    def api_network(type: Annotated[list[str] | None, Query(max_length=20)] = None,
                    min_weight: Annotated[int, Query(ge=1, le=10_000)] = 1, limit: Limit = 300) -> dict[str, Any]:
        return data.network(db, types=check_types(type), min_weight=min_weight, limit=limit)

    @app.get("/api/stories", tags=["stories"], **answers(schemas.StoriesPage),
             summary="Stories: copies of one text (source first) and the independent reports linked to them")
    def api_stories(limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict[str, Any]:
        return data.stories(db, limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}", tags=["stories"], **answers(schemas.Story, missing=True),
             summary="The story of an article (any member's id), each copy with the passages shared with its source")
    def api_story(story_id: str) -> dict[str, Any]:
        return get_story(story_id)

    def get_story(article_id: str) -> dict[str, Any]:
        found = data.story(db, article_id) if len(article_id) <= 64 else None
        if found is None:
            raise HTTPException(404, f"no story with an article {article_id[:64]!r}")
        return found

    def check_types(types: list[str] | None) -> list[str] | None:
        known = data.plover_types()
        bad = [t for t in types or [] if t.upper() not in known]
        if bad:
            raise HTTPException(422, f"unknown PLOVER type(s): {', '.join(bad)[:200]}; known: {', '.join(known)}")
        return [t.upper() for t in types] if types else None

    def get_article(article_id: str) -> dict[str, Any]:
        record = data.article(db, article_id) if len(article_id) <= 64 else None
        if record is None:
            raise HTTPException(404, f"no article with id {article_id[:64]!r}")
        return record

    def get_actor(actor_id: str) -> dict[str, Any]:
        found = data.actor(db, actor_id) if len(actor_id) <= 200 else None
        if found is None:
            raise HTTPException(404, f"no actor with id {actor_id[:200]!r}")
        return found

    # ---------------------------------------------------------------- pages

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/articles")

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, q: Text = None, outlet: Text = None, language: FormLanguage = None,
                      date_from: FormDate = None, date_to: FormDate = None, page_no: Page = 1):
        found = data.articles(db, q=q, outlet=outlet, language=language or None,
                              date_from=form_date("date_from", date_from), date_to=form_date("date_to", date_to),
                              limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        args = {"q": q or "", "outlet": outlet or "", "language": language or "",
                "date_from": date_from or "", "date_to": date_to or ""}
        return page(request, "articles.html", found=found, args=args, page_no=page_no, has_next=found["has_next"],
                    outlets=data.outlets(db), languages=data.languages(db), stats=data.stats(db))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        record = get_article(article_id)
        types = data.plover_types()
        for event in record.get("events", []):
            event["quad"] = types.get(event.get("type"), {}).get("quad")
            event["quad_name"] = types.get(event.get("type"), {}).get("quad_name", "unknown")
        colours = data.speaker_colours(record)
        names = {e["id"]: e.get("name") or e["id"] for e in record.get("entities", [])}
        return page(request, "article.html", record=record, body=highlight(record, colours), colours=colours,
                    names=names, copy_links=data.copy_links(db, record["id"]))

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, page_no: Page = 1):
        found = data.stories(db, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        return page(request, "stories.html", found=found, page_no=page_no, args={},
                    has_next=found["total"] > page_no * PAGE_SIZE)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, copy: CopyId = None):
        found = get_story(story_id)
        members = {m["article_id"]: m for m in found["members"]}
        copies = [m["article_id"] for m in found["members"] if m["copied_from"]]
        chosen = copy or (story_id if story_id in copies else copies[0] if copies else "")
        if chosen not in copies:
            raise HTTPException(404, f"no copy {chosen!r} in this story")
        the_copy = members[chosen]
        source = members[the_copy["copied_from"]]
        texts = data.story_texts(db, [source["article_id"], chosen])
        left, right = texts.get(source["article_id"], ""), texts.get(chosen, "")
        in_source, in_copy = passage_pairs(the_copy.get("shared_passages") or [])
        kind = "shared"
        if not in_copy and source["language"] != the_copy["language"]:
            # A translation shares no words: mark the names and numbers it kept instead.
            (in_source, in_copy), kind = data.shared_names(left, right), "anchor"
        return page(request, "story.html", story=found, source=source, copy=the_copy, marked=len(in_copy),
                    kind=kind, left=shared(left, in_source, kind), right=shared(right, in_copy, kind))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, q: Text = None, kind: Text = None, page_no: Page = 1):
        found = data.actors(db, q=q, kind=kind or None, limit=PAGE_SIZE * 2, offset=(page_no - 1) * PAGE_SIZE * 2)
        return page(request, "actors.html", found=found, args={"q": q or "", "kind": kind or ""}, page_no=page_no,
                    has_next=found["total"] > page_no * PAGE_SIZE * 2)

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str):
        return page(request, "actor.html", actor=get_actor(actor_id))

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: Text = None, b: Text = None, interval: FormInterval = "month"):
        interval = interval or "month"
        found = data.dyad(db, a, b, interval=interval) if a and b else None
        return page(request, "dyad.html", found=found, args={"a": a or "", "b": b or "", "interval": interval},
                    groups=data.group_by(found["events"], "period") if found else {})

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, type: Annotated[list[str] | None, Query(max_length=20)] = None,
                     min_weight: Annotated[int, Query(ge=1, le=10_000)] = 1):
        chosen = check_types(type) or []
        return page(request, "network.html", chosen=chosen, types=data.plover_types(), min_weight=min_weight)

    return app


def jsonable(errors: Any) -> Any:
    """Validation errors without the exception objects pydantic may put in `ctx`."""
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors, custom_encoder={Exception: str})
