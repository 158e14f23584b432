"""How two articles are related: similarity features, a label and the evidence.

The rules are thresholds on general similarity features (word-shingle containment, order of
shared words, runs of identical words, sentence by sentence overlap, the order of names,
numbers and cognates across languages); nothing here knows a language or an outlet.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from dixit.provenance.text import (
    Passage,
    Token,
    cross_tokens,
    lcs_length,
    sentences,
    shared_passages,
    shingles,
    tokens,
)

COPY_LABELS = ("verbatim", "near_verbatim", "spun", "summary", "translation")
LABELS = (*COPY_LABELS, "independent")

# Same language: a copy shares many 3-word shingles, or keeps the order of its content words.
MIN_SHINGLES = 0.2  # containment of the shorter text's 3-word shingles in the other
MIN_ORDER = 0.36  # longest common subsequence of content words / shorter length
# Across languages: a translation keeps names, numbers and cognates in their order.
MIN_CROSS = 0.3
# ... and beyond chance: independent reports of one event name the same people and places in
# much the same order, so the order must beat that of the other text shuffled by this much.
MIN_CROSS_GAIN = 0.05
MIN_CROSS_TOKENS = 40  # below this many, the order of a handful of names proves little
SHUFFLES = 4  # fixed pseudo-random shuffles that estimate the chance level of `cross`
# Same event, own words: reported as `independent` (not a copy) above these.
RELATED_CROSS = 0.2
RELATED_NAMES = 0.3  # same language: the names, numbers and long words of one event, in much the same order
# Labels of same-language copies.
VERBATIM_SHARED = 0.9  # share of the shorter text inside identical runs of >= 5 words
VERBATIM_LENGTH = 0.85  # shorter / longer, in words: below it a full copy is a cut (near_verbatim)
SENTENCE_SAME = 0.9  # a sentence whose 3-word shingles are (almost) all in the other text
SENTENCE_EDITED = 0.2  # ... or a good part of them: edited, spun or paraphrased
SPUN_EDITED = 0.75  # a spin edits (almost) every sentence, where a later edition keeps many intact
NEAR_RUNS = 0.15  # share of the shorter text in identical runs: a near-verbatim copy keeps passages whole


class Text:
    """One side of a comparison: the text, its language and fingerprint, features computed once."""

    def __init__(self, text: str, language: str | None, fingerprint: dict[str, Any] | None = None):
        self.text = text
        self.language = language
        self.fingerprint = fingerprint or {}

    @cached_property
    def tokens(self) -> list[Token]:
        return tokens(self.text)

    @cached_property
    def words(self) -> list[str]:
        return [t.norm for t in self.tokens]

    @cached_property
    def trigrams(self) -> set[str]:
        return shingles(self.words, 3)

    @cached_property
    def content(self) -> list[str]:
        return [w for w in self.words if len(w) >= 4]

    @cached_property
    def cross(self) -> list[str]:
        return cross_tokens(self.tokens)

    @cached_property
    def sentence_trigrams(self) -> list[set[str]]:
        """The 3-word shingles of each sentence of 4 words or more."""
        out, toks, i = [], self.tokens, 0
        for _, end in sentences(self.text):
            words = []
            while i < len(toks) and toks[i].start < end:
                words.append(toks[i].norm)
                i += 1
            if len(words) >= 4:
                out.append(shingles(words, 3))
        return out


@dataclass
class Relation:
    label: str | None  # one of LABELS, or None when the texts are unrelated
    score: float
    features: dict[str, float] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)
    shared_quotes: list[dict[str, Any]] = field(default_factory=list)
    shared_events: list[str] = field(default_factory=list)

    @property
    def is_copy(self) -> bool:
        return self.label in COPY_LABELS


def _ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def _sentence_profile(a: Text, b: Text) -> tuple[float, float]:
    """Shares of the shorter text's sentences kept word for word, and edited, in the other."""
    short, other = (a, b) if len(a.words) <= len(b.words) else (b, a)
    sents = short.sentence_trigrams
    if not sents:
        return 0.0, 0.0
    kept = [_ratio(len(s & other.trigrams), len(s)) for s in sents]
    same = sum(k >= SENTENCE_SAME for k in kept)
    edited = sum(SENTENCE_EDITED <= k < SENTENCE_SAME for k in kept)
    return same / len(sents), edited / len(sents)


def features(a: Text, b: Text) -> tuple[dict[str, float], list[Passage]]:
    same_language = a.language == b.language
    short_words = min(len(a.words), len(b.words))
    passages = shared_passages(a.tokens, b.tokens) if same_language else []
    f = {
        "same_language": float(same_language),
        "length_ratio": _ratio(short_words, max(len(a.words), len(b.words))),
        "shingles": _ratio(len(a.trigrams & b.trigrams), min(len(a.trigrams), len(b.trigrams))),
        "order": _ratio(lcs_length(a.content, b.content), min(len(a.content), len(b.content))),
        "cross": _ratio(lcs_length(a.cross, b.cross), min(len(a.cross), len(b.cross))),
        "cross_gain": 0.0 if same_language else _order_gain(a.cross, b.cross),
        "cross_tokens": float(min(len(a.cross), len(b.cross))),
        "shared_runs": _ratio(sum(p.n_words for p in passages), short_words),
    }
    f["sentences_same"], f["sentences_edited"] = _sentence_profile(a, b) if same_language else (0.0, 0.0)
    fa, fb = a.fingerprint, b.fingerprint
    f["shared_numbers"] = float(len(set(fa.get("numbers", [])) & set(fb.get("numbers", []))))
    f["speaker_order"] = float(lcs_length(fa.get("speakers", []), fb.get("speakers", [])))
    return f, passages


def _order_gain(a: list[str], b: list[str]) -> float:
    """How much more of `a` and `b` is in common order than when `b` is shuffled (a chance level)."""
    if not a or not b:
        return 0.0
    rnd = random.Random(0)
    chance = 0
    for _ in range(SHUFFLES):
        shuffled = b[:]
        rnd.shuffle(shuffled)
        chance += lcs_length(a, shuffled)
    return (lcs_length(a, b) - chance / SHUFFLES) / min(len(a), len(b))


def _same_language_label(f: dict[str, float]) -> str | None:
    if f["shingles"] < MIN_SHINGLES and f["order"] < MIN_ORDER:
        # Common words fall in much the same order by chance; the event shows in names and numbers.
        return "independent" if f["cross"] >= RELATED_NAMES else None
    if f["shared_runs"] >= VERBATIM_SHARED:
        return "verbatim" if f["length_ratio"] >= VERBATIM_LENGTH else "near_verbatim"
    if f["sentences_edited"] >= SPUN_EDITED:
        return "spun"
    return "near_verbatim" if f["shared_runs"] >= NEAR_RUNS else "summary"


def _cross_language_label(f: dict[str, float]) -> str | None:
    enough = f["cross_tokens"] >= MIN_CROSS_TOKENS
    # The same speakers quoted in the same order back a weak order gain up, never replace it:
    # independent reports quote the same officials too.
    ordered = f["cross"] >= MIN_CROSS and (f["cross_gain"] >= MIN_CROSS_GAIN or f["speaker_order"] >= 3)
    if enough and ordered:
        return "translation"
    return "independent" if enough and f["cross"] >= RELATED_CROSS else None


def compare(a: Text, b: Text) -> Relation:
    """How `b` relates to `a`: a copy of some kind, an independent report, or unrelated (None)."""
    f, passages = features(a, b)
    if f["same_language"]:
        label = _same_language_label(f)
        score = max(f["shingles"], f["order"], f["shared_runs"])
    else:
        label = _cross_language_label(f)
        score = f["cross"]
    return Relation(label, round(score, 3), {k: round(v, 3) for k, v in f.items()}, passages,
                    _shared_quotes(a, b), _shared_events(a, b))


def _shared_quotes(a: Text, b: Text) -> list[dict[str, Any]]:
    """Quotes whose speaker both articles name, in the order of `a`."""
    qa, qb = a.fingerprint.get("quote_spans", []), b.fingerprint.get("quote_spans", [])
    speakers_b = {q["speaker"] for q in qb}
    return [q for q in qa if q["speaker"] in speakers_b]


def _shared_events(a: Text, b: Text) -> list[str]:
    eb = set(b.fingerprint.get("events", []))
    return [e for e in a.fingerprint.get("events", []) if e in eb]
