"""Which language an article is in: lingua, whose models ship inside its wheel.

Two things make a plain call to lingua unreliable on news: quotations in another language
(a French article quoting an English statement at length) and very short texts (a title
line only). So the detector reads the reporter's prose, with quoted passages taken out when
enough text remains, and on a short text whose best guess is weak it prefers a language
dixit analyses when lingua rates it close to that guess.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

# Languages we tell apart. More than dixit analyses, so that a German or Spanish article
# is named as such (and refused clearly) instead of being read as French or English.
# The languages that have a folder in dixit/lang are added to these.
_CANDIDATES = [
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "RUSSIAN",
    "UKRAINIAN", "POLISH", "TURKISH", "ARABIC", "CHINESE", "JAPANESE", "KOREAN", "HINDI",
    "PERSIAN", "ROMANIAN", "SWEDISH", "INDONESIAN",
]
SAMPLE_CHARS = 600  # enough for a confident guess (same answers as 2000 on 1,073 dev, provenance and bench
# articles, whole and title); lingua's cost grows with the length and is paid once per article
# Quoted passages, in the typographies of the languages dixit reads (a straight-quoted
# passage stays inside one paragraph, so an unpaired mark cannot swallow the text).
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"\n]*\"")
# Taking quotations out must leave this many letters (a short clause such as "The minister
# told reporters:" is enough for lingua), else the text is read whole.
_MIN_FRAME_LETTERS = 20
# A guess under this confidence is weak: on it, a supported language rated at least
# _CLOSE_RATIO of the guess wins (a title like "Macron à Berlin" is French to a reader).
_CONFIDENT = 0.5
_CLOSE_RATIO = 0.5


@cache
def _detector():
    return LanguageDetectorBuilder.from_languages(*_candidates()).with_preloaded_language_models().build()


def _candidates() -> list[Language]:
    from dixit.lang import supported_languages

    langs = {getattr(Language, name) for name in _CANDIDATES}
    for code in supported_languages():
        lang = _lingua_language(code)
        if lang is not None:
            langs.add(lang)
    return sorted(langs, key=lambda lang: lang.name)


def _lingua_language(code: str) -> Language | None:
    iso = getattr(IsoCode639_1, code.upper(), None)
    return Language.from_iso_code_639_1(iso) if iso is not None else None


def language_name(code: str) -> str | None:
    """English name of an ISO 639-1 code ("de" -> "German"), or None when lingua does not know it."""
    lang = _lingua_language(code)
    return lang.name.capitalize() if lang is not None else None


def frame_text(text: str) -> str:
    """The text without its quoted passages, when enough of it remains; else the text."""
    frame = _QUOTED.sub(" ", text)
    # letters counted up to the threshold only, in C (filter, islice), not by a Python loop over the text
    letters = sum(1 for _ in islice(filter(str.isalpha, frame), _MIN_FRAME_LETTERS))
    return frame if letters >= _MIN_FRAME_LETTERS else text


def detect_language(text: str, sample: int = SAMPLE_CHARS) -> str | None:
    """ISO 639-1 code of the text's main language, or None when it cannot be told."""
    from dixit.lang import supported_languages

    values = _detector().compute_language_confidence_values(frame_text(text[: sample * 3])[:sample])
    if not values or values[0].value <= 0:
        return None
    best = values[0]
    if best.value < _CONFIDENT:
        supported = {_lingua_language(c) for c in supported_languages()}
        close = [v for v in values if v.language in supported and v.value >= _CLOSE_RATIO * best.value]
        if close:
            best = close[0]
    return best.language.iso_code_639_1.name.lower()
