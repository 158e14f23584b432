"""The records dixit produces: typed dataclasses and their JSON contract `dixit.article/1`.

Every record carries character offsets (`start`, `end`) into `Article.text`, so that
`article.text[start:end]` is always the evidence a person can check.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA = "dixit.article/1"

EntityKind = Literal[
    "person", "organization", "country", "bloc", "location", "document", "weapon", "group", "other"
]
QuoteKind = Literal["direct", "mixed", "indirect"]
EventStatus = Literal["asserted", "claimed", "denied", "hypothetical"]
FlagKind = Literal[
    "boilerplate",
    "untranslated_fragment",
    "punctuation_artifact",
    "sentence_break_artifact",
    "grammar_artifact",
    "encoding_damage",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of `Article.text`."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    """One actor (person, organisation, state...) with all its mentions merged.

    `id` is a stable key across articles, so the store can follow an actor: the ISO 3166
    alpha-3 code for a state ("PRK"), the alias-table key of a known actor ("NATO",
    "Kim Jong-un"), else the canonical name as written.
    """

    id: str
    name: str
    kind: EntityKind
    country: str | None = None  # ISO 3166-1 alpha-3 of the state it belongs to
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    # The stateless organisation an official acts for ("UN" for its secretary-general): an act
    # in office is coded on it, as a minister's is coded on the state.
    body: str | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    """The reporting word of a quote (a verb, "selon", a headline dash or colon)."""

    start: int
    end: int
    lemma: str


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None  # Entity.id
    speaker_mention: Span | None = None
    cue: Cue | None = None
    via: list[str] = field(default_factory=list)  # Entity.ids of intermediaries, nearest first
    addressee: str | None = None  # Entity.id
    co_speakers: list[str] = field(default_factory=list)  # Entity.ids of the others in "X et Y ont affirmé"


@dataclass(slots=True)
class Event:
    """Who did what to whom, coded in PLOVER (see lang/common/plover.toml)."""

    type: str
    start: int  # evidence span
    end: int
    text: str
    source: str | None = None  # Entity.id (a state when an official acts in office)
    target: str | None = None
    mode: str | None = None
    source_actor: str | None = None  # the person or body that acted, when source is its state
    target_actor: str | None = None
    trigger: Cue | None = None
    date: str | None = None  # ISO 8601, cut to its precision: 2024-11-29, 2024-06, 2024
    date_precision: Literal["day", "month", "year"] | None = None
    location: str | None = None
    status: EventStatus = "asserted"
    claimed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    intensity: float | None = None
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class Flag:
    kind: FlagKind
    start: int
    end: int


@dataclass(slots=True)
class Article:
    text: str
    language: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = None  # where the text came from (a path or URL), as the caller gave it
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    fingerprint: dict[str, Any] | None = None  # provenance features (see dixit.provenance)
    schema: str = SCHEMA

    @property
    def id(self) -> str:
        return content_id(self.text)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract `dixit.article/1` (schema/article-1.schema.json)."""
        out: dict[str, Any] = {"schema": self.schema, "id": self.id}
        for f in fields(self):
            if f.name not in ("schema",):
                out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        def span(d: dict | None) -> Span | None:
            return Span(d["start"], d["end"]) if d else None

        def cue(d: dict | None) -> Cue | None:
            return Cue(d["start"], d["end"], d.get("lemma", "")) if d else None

        return cls(
            text=data["text"],
            language=data["language"],
            title=data.get("title"),
            outlet=data.get("outlet"),
            published=data.get("published"),
            source=data.get("source"),
            entities=[
                Entity(**{**e, "mentions": [Span(m["start"], m["end"]) for m in e.get("mentions", [])]})
                for e in data.get("entities", [])
            ],
            quotes=[
                Quote(**{**q, "speaker_mention": span(q.get("speaker_mention")), "cue": cue(q.get("cue"))})
                for q in data.get("quotes", [])
            ],
            events=[Event(**{**ev, "trigger": cue(ev.get("trigger"))}) for ev in data.get("events", [])],
            flags=[Flag(**f) for f in data.get("flags", [])],
            fingerprint=data.get("fingerprint"),
        )


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
