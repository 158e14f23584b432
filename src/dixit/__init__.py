"""dixit: who said what, who did what to whom, and according to whom, in news articles."""

from dixit.core import Document, analyze, analyze_each, analyze_many
from dixit.errors import DixitError, InputError, UnsupportedLanguage
from dixit.model import SCHEMA, Article, Cue, Entity, Event, Flag, Quote, Span

__version__ = "0.1.0"

__all__ = [
    "SCHEMA", "Article", "Cue", "DixitError", "Document", "Entity", "Event", "Flag", "InputError",
    "Quote", "Span", "UnsupportedLanguage", "analyze", "analyze_each", "analyze_many", "__version__",
]
