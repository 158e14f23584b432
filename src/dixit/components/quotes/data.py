"""The quote knowledge of one language, read from `lang/<code>/quotes.toml` once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dixit.lang import LanguageData

_TOKEN = re.compile(r"[^\s']+'?")


@lru_cache(maxsize=1 << 16)  # called for every token of every sentence, several times
def fold(word: str) -> str:
    """Lower case with one apostrophe, so data and tokens compare ("D’" == "d'")."""
    return word.lower().replace("’", "'")


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Token sequences ("d'après" is "d'" + "après"), longest first so "cité par" wins over a prefix."""
    return tuple(sorted({tuple(_TOKEN.findall(fold(i))) for i in items}, key=len, reverse=True))


@dataclass(frozen=True)
class QuoteData:
    openers: dict[str, str] = field(default_factory=dict)  # opening mark -> closing mark
    complementizers: frozenset[str] = frozenset()
    announcers: frozenset[str] = frozenset()
    interrogatives: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    object_markers: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    not_speakers: frozenset[str] = frozenset()
    circumstances: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    speaker_labels: frozenset[str] = frozenset()
    person_heads: frozenset[str] = frozenset()
    # first lemma -> (following words, full cue lemma), longest first
    verbs: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    noun_object: frozenset[str] = frozenset()
    object_de: frozenset[str] = frozenset()
    infinitive: frozenset[str] = frozenset()
    denial: frozenset[str] = frozenset()
    relay: frozenset[str] = frozenset()
    addressee: frozenset[str] = frozenset()
    prepositions: tuple[tuple[str, ...], ...] = ()
    initial_prepositions: tuple[tuple[str, ...], ...] = ()
    via: tuple[tuple[str, ...], ...] = ()
    statements: tuple[tuple[str, ...], ...] = ()
    headline_separators: tuple[str, ...] = ()
    topic_kinds: frozenset[str] = frozenset()
    max_speaker_words: int = 6

    @property
    def closers(self) -> frozenset[str]:
        return frozenset(self.openers.values())


def _words(table: dict, key: str) -> frozenset[str]:
    """A word list of the data file, folded as tokens are."""
    return frozenset(fold(w) for w in table.get(key, []))


def _build(raw: dict) -> QuoteData:
    verbs_raw = raw.get("verbs", {})
    verbs: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for cue in set(verbs_raw.get("say", [])):
        first, *rest = fold(cue).split()
        verbs.setdefault(first, []).append((tuple(rest), fold(cue)))
    preps = raw.get("prepositions", {})
    head = raw.get("headline", {})
    return QuoteData(
        openers={o: c for o, c in raw.get("marks", [])},
        complementizers=_words(raw, "complementizers"),
        announcers=_words(raw, "announcers"),
        interrogatives=_words(raw, "interrogatives"),
        infinitive_markers=_words(raw, "infinitive_markers"),
        object_markers=_words(raw, "object_markers"),
        subordinators=_words(raw, "subordinators"),
        pronouns=_words(raw, "pronouns"),
        relatives=_words(raw, "relatives"),
        negations=_words(raw, "negations"),
        not_speakers=_words(raw, "not_speakers"),
        circumstances=_words(raw, "circumstances"),
        definite=_words(raw, "definite"),
        speaker_labels=frozenset(raw.get("speaker_labels", [])),
        person_heads=_words(raw, "person_heads"),
        verbs={k: tuple(sorted(v, key=lambda x: len(x[0]), reverse=True)) for k, v in verbs.items()},
        noun_object=_words(verbs_raw, "noun_object"),
        object_de=_words(verbs_raw, "object_de"),
        infinitive=_words(verbs_raw, "infinitive"),
        denial=_words(verbs_raw, "denial"),
        relay=_words(verbs_raw, "relay"),
        addressee=_words(verbs_raw, "addressee"),
        prepositions=_phrases(preps.get("cues", [])),
        initial_prepositions=_phrases(preps.get("initial_only", [])),
        via=_phrases(preps.get("via", [])),
        statements=_phrases(preps.get("statements", [])),
        headline_separators=tuple(head.get("separators", [])),
        topic_kinds=frozenset(head.get("topic_kinds", [])),
        max_speaker_words=int(head.get("max_speaker_words", 6)),
    )


_LOADED: dict[str, QuoteData] = {}


def quote_data(lang: LanguageData) -> QuoteData:
    if lang.code not in _LOADED:
        _LOADED[lang.code] = _build(lang.toml("quotes"))
    return _LOADED[lang.code]
