"""Fast lookups on a Doc: the tokens whose lemma (or text) passes a test, found without
visiting every token; a part of speech's tokens; the entity spans, built once.

spaCy stores each token's lemma and text as hashes of one StringStore, the same in every
Doc of a pipeline (and in every process: the hash is of the string). A test on a string is
therefore run once per distinct string and remembered; an article's candidates are then
found with numpy on the attribute array (`doc.to_array`) instead of a Python loop creating
a Token object per token.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc


class StringFilter:
    """The positions of tokens whose attribute string passes `test`, the test remembered per string."""

    def __init__(self, test: Callable[[str], bool], attr: int = LEMMA) -> None:
        self.test, self.attr = test, attr
        self.known: dict[int, bool] = {}

    def positions(self, doc: Doc) -> list[int]:
        """Token indices, in order, whose string passes the test."""
        values = doc.to_array(self.attr)
        known, strings = self.known, doc.vocab.strings
        keep = []
        for h in np.unique(values).tolist():
            ok = known.get(h)
            if ok is None:
                ok = known[h] = bool(self.test(strings[h]))
            if ok:
                keep.append(h)
        return np.flatnonzero(np.isin(values, keep)).tolist() if keep else []


# id(owner) -> (owner, filter): one filter per long-lived data object (the cached rules of a
# language); the owner is held so that its id cannot be reused by another object.
_FILTERS: dict[int, tuple[object, StringFilter]] = {}


def filter_for(owner: object, test: Callable[[str], bool], attr: int = LEMMA) -> StringFilter:
    """The filter of a data object (built at its first use); `test` must depend on `owner` only."""
    held = _FILTERS.get(id(owner))
    if held is None or held[0] is not owner:
        held = _FILTERS[id(owner)] = (owner, StringFilter(test, attr))
    return held[1]


def pos_positions(doc: Doc, tag: str) -> list[int]:
    """Indices of the tokens of one part of speech ("PROPN"), read from the POS array."""
    return np.flatnonzero(doc.to_array(POS) == POS_IDS[tag]).tolist() if len(doc) else []


# The last Doc whose entity spans were asked for, and those spans: `Doc.ents` builds a new Span
# per entity at every call, and the events component asks for them per argument and per place.
_LAST_ENTS: list = [None, ()]


def entity_spans(doc: Doc) -> tuple:
    """`doc.ents`, built once per Doc (a component does not change a Doc's entities)."""
    if _LAST_ENTS[0] is not doc:
        _LAST_ENTS[:] = [doc, doc.ents]
    return _LAST_ENTS[1]
