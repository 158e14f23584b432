"""What components share while one article is analysed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from dixit.lang import LanguageData
from dixit.model import Article

if TYPE_CHECKING:
    from dixit.components.actors import ActorIndex


@dataclass
class Context:
    doc: Doc  # the parse of article.text (one Doc per article: offsets are doc offsets)
    lang: LanguageData
    article: Article
    # Filled by the entities component: links text spans and pronouns to Article.entities.
    actors: ActorIndex | None = None
    # Scratch space for components that hand intermediate results to later ones.
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text
