"""The index that links text to actors, shared by the quotes and events components.

The entities component builds it; later components ask it which actor a span or a pronoun
names. (Baseline: named-entity spans only; alias tables and coreference come next.)
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dixit.model import Entity, Span


@dataclass
class ActorIndex:
    entities: dict[str, Entity] = field(default_factory=dict)
    # (start, end, entity id), sorted by start
    _mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, entity: Entity, start: int, end: int) -> Entity:
        known = self.entities.setdefault(entity.id, entity)
        if Span(start, end) not in known.mentions:
            known.mentions.append(Span(start, end))
            self._mentions.append((start, end, known.id))
            self._mentions.sort()
        return known

    def at(self, start: int, end: int) -> Entity | None:
        """The actor with a mention inside [start, end), the longest one first."""
        i = bisect_right(self._mentions, (end, end, ""))
        inside = [m for m in self._mentions[:i] if m[0] >= start and m[1] <= end]
        if not inside:
            return None
        s, e, ent = max(inside, key=lambda m: m[1] - m[0])
        return self.entities[ent]

    def resolve_span(self, span: SpacySpan) -> Entity | None:
        """The actor a noun phrase names (its head's subtree)."""
        return self.at(span.start_char, span.end_char)

    def resolve_pronoun(self, token: Token) -> Entity | None:
        """The actor a pronoun stands for; baseline: the last person named before it."""
        before = [m for m in self._mentions if m[1] <= token.idx]
        for _, _, ent in reversed(before):
            if self.entities[ent].kind == "person":
                return self.entities[ent]
        return None
