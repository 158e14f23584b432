"""The sentence-boundary step dixit adds before the parser (vectorised for speed, dixit.nlp)."""

from __future__ import annotations

import spacy

from dixit.nlp import paragraph_boundaries


def starts(text: str) -> list[str]:
    doc = paragraph_boundaries(spacy.blank("fr").make_doc(text))
    return [t.text for t in doc[1:] if t.is_sent_start]  # the first token always starts one


def not_starts(text: str) -> list[str]:
    doc = paragraph_boundaries(spacy.blank("fr").make_doc(text))
    return [t.text for t in doc if t.is_sent_start is False]


def test_a_newline_starts_a_sentence():
    assert starts("Titre du jour\nLe maire parle.\n\nIl rit") == ["Le", "Il"]
    assert starts("Une ligne sans retour.") == []
    assert starts("fin \n suite") == ["suite"]


def test_a_closing_quote_after_a_full_stop_stays_in_its_sentence():
    assert not_starts("« Nous viendrons. » Puis il part.") == ["»"]
    assert not_starts("« Oui ! » et « Non ? » dit-il") == ["»", "»"]
    assert not_starts("Il dit « oui » ici.") == []  # no full stop before the closer


def test_a_newline_before_a_closer_wins():
    assert starts("« Fin.\n» Début") == ["»"]
    assert not_starts("« Fin.\n» Début") == []


def test_parser_keeps_the_preset_boundaries(analyze_fr):
    from dixit.nlp import load_pipeline

    doc = load_pipeline("fr")("« Nous ne céderons pas. » Le ministre a parlé.\nLa séance est levée")
    sents = [s.text for s in doc.sents]
    assert sents[-1] == "La séance est levée"
    assert not any(s.startswith("»") for s in sents)
