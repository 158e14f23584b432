"""Assertions shared by the French and English quote tests."""

from __future__ import annotations

from dixit.model import Article, Quote


def speaker_name(art: Article, q: Quote) -> str | None:
    ent = art.entity(q.speaker)
    return ent.name if ent else None


def only(art: Article) -> Quote:
    assert len(art.quotes) == 1, [q.text for q in art.quotes]
    return art.quotes[0]


def check(art: Article, q: Quote, text: str, kind: str, cue: str, speaker: str) -> None:
    assert q.text == text
    assert art.text[q.start : q.end] == q.text
    assert q.kind == kind
    assert q.cue is not None and q.cue.lemma == cue
    assert speaker in (speaker_name(art, q) or "")
