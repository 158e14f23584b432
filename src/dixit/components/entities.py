"""Actors: persons, organisations, states, with all their mentions merged."""

from __future__ import annotations

from dixit.components import component
from dixit.components.actors import ActorIndex
from dixit.components.context import Context
from dixit.model import Entity

_KIND = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "location", "GPE": "location"}


@component("entities")
def entities(ctx: Context) -> None:
    index = ActorIndex()
    for ent in ctx.doc.ents:
        kind = _KIND.get(ent.label_)
        if kind is None:
            continue
        index.add(Entity(id=ent.text, name=ent.text, kind=kind), ent.start_char, ent.end_char)
    ctx.actors = index
    ctx.article.entities = list(index.entities.values())
