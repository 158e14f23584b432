"""Which language an article is in: lingua, whose models ship inside its wheel."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetectorBuilder

# Languages we tell apart. More than dixit analyses, so that a German or Spanish article
# is named as such (and refused clearly) instead of being read as French or English.
_CANDIDATES = [
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "RUSSIAN",
    "UKRAINIAN", "POLISH", "TURKISH", "ARABIC", "CHINESE", "JAPANESE", "KOREAN", "HINDI",
    "PERSIAN", "ROMANIAN", "SWEDISH", "INDONESIAN",
]


@cache
def _detector():
    langs = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()


def detect_language(text: str, sample: int = 2000) -> str | None:
    """ISO 639-1 code of the text's main language, or None when it cannot be told."""
    lang = _detector().detect_language_of(text[:sample])
    return lang.iso_code_639_1.name.lower() if lang else None
