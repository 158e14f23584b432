"""The shapes of the JSON API's answers, for its OpenAPI description.

They document; they do not filter: the answers are the query functions' dicts as they are
(extra fields pass), and tests/test_web_api.py checks every answer against these schemas,
so a query that changes its output breaks a test instead of a page.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Stats(Open):
    articles: int
    entities: int
    quotes: int
    events: int
    flags: int


class ArticleSummary(Open):
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str
    quotes: int
    events: int
    entities: int


class ArticlesPage(Open):
    limit: int
    offset: int
    has_next: bool
    items: list[ArticleSummary]


class ArticleRecord(Open):
    """The `dixit.article/1` record (src/dixit/schema/article-1.schema.json) with its source."""

    id: str
    text: str
    language: str
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    flags: list[dict[str, Any]]


class ActorSummary(Open):
    entity_id: str
    name: str | None
    kind: str | None
    country: str | None
    n_articles: int
    n_quotes: int
    n_acts: int
    n_undergone: int


class ActorsPage(Open):
    total: int
    limit: int
    offset: int
    items: list[ActorSummary]


class QuoteRow(Open):
    article_id: str
    quote_no: int
    start: int
    end: int
    text: str
    kind: str
    speaker_id: str | None
    speaker_name: str | None
    via_ids: list[str] | None
    via_names: list[str | None] | None
    published: str | None


class EventRow(Open):
    article_id: str
    event_no: int
    type: str
    status: str
    source_id: str | None
    target_id: str | None
    start: int
    end: int
    text: str
    event_date: str | None
    quad: int | None
    quad_name: str


class Mentioned(Open):
    entity_id: str
    name: str | None
    n: int


class PerMonth(Open):
    period: str
    n: int


class ActorProfile(Open):
    entity_id: str
    name: str | None
    kind: str | None
    names: list[str]
    n_articles: int
    quotes: list[QuoteRow]
    acted: list[EventRow]
    undergone: list[EventRow]
    talks_about: list[Mentioned]
    said_per_month: list[PerMonth]


class Resolved(Open):
    name: str
    id: str


class DyadPoint(Open):
    period: str
    quad: str
    n: int
    a_to_b: int
    b_to_a: int


class DyadEvent(EventRow):
    period: str | None


class Dyad(Open):
    a: str
    b: str
    interval: str
    series: list[DyadPoint]
    events: list[DyadEvent]


class Node(Open):
    id: str
    name: str
    kind: str
    degree: int


class Edge(Open):
    source: str
    target: str
    type: str
    weight: int
    quad: int | None


class Network(Open):
    nodes: list[Node]
    edges: list[Edge]


class SharedPassage(Open):
    """A passage a copy shares with its source: offsets into the source (`query_*`) and the copy (`other_*`)."""

    words: int
    query_start: int
    query_end: int
    other_start: int
    other_end: int
    text: str


class StoryMember(Open):
    article_id: str
    label: str  # "source" for the first version, else the kind of copy (verbatim, spun, translation, ...)
    score: float | None
    copied_from: str | None
    language: str | None
    published: str | None
    title: str | None
    outlet: str | None
    path: str | None
    shared_passages: list[SharedPassage] | None = None  # in one story's answer, for each copy


class IndependentReport(Open):
    article_id: str
    score: float | None
    linked_to: str
    title: str | None
    outlet: str | None
    language: str | None


class Story(Open):
    story_id: str
    size: int
    languages: list[str]
    members: list[StoryMember]
    independent: list[IndependentReport]


class StoriesPage(Open):
    limit: int
    offset: int
    total: int
    items: list[Story]
