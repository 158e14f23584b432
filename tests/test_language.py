"""Language detection on short and mixed texts, and clear refusals of unsupported languages."""

from __future__ import annotations

import json

import pytest

from dixit.errors import UnsupportedLanguage
from dixit.lang import get_language, supported_languages
from dixit.lang.detect import detect_language, frame_text, language_name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le Kremlin dément", "fr"),
        ("Macron à Berlin", "fr"),  # a weak guess (Italian) loses to a close supported language
        ("Pyongyang dénonce les manœuvres", "fr"),
        ("Biden meets Xi in San Francisco", "en"),
        ("Trump says tariffs will stay", "en"),
        ("Die Regierung lehnt den Vorschlag ab", "de"),  # a confident unsupported guess is kept
        ("El gobierno rechazó la propuesta del presidente", "es"),
    ],
)
def test_title_lines(text, code):
    assert detect_language(text) == code


def test_french_text_with_long_english_quotation_is_french():
    text = (
        "Le président a répondu : « We will never accept this, it is a disgrace and a shame for the whole "
        "world and for all of our partners and friends », avant de quitter la salle."
    )
    assert detect_language(text) == "fr"


def test_english_text_with_french_quotation_is_english():
    text = (
        "The minister told reporters: “La France ne reculera pas devant les menaces et continuera son "
        "soutien à l'Ukraine aussi longtemps qu'il le faudra”."
    )
    assert detect_language(text) == "en"


def test_frame_text_drops_quotations_only_when_enough_prose_remains():
    assert "never" not in frame_text("Il a dit à la presse ce matin : « we never give up ».")
    whole = 'Selon lui, "we never give up".'
    assert frame_text(whole) == whole


def test_a_text_of_no_language_is_none_or_a_code():
    assert detect_language("12345 67890") in (None, "en", "fr")


def test_unsupported_language_names_itself_and_lists_supported():
    with pytest.raises(UnsupportedLanguage) as err:
        get_language("de", "a.txt")
    message = str(err.value)
    assert message.startswith("a.txt: language German (de) is not supported")
    for code in supported_languages():
        assert f"{language_name(code)} ({code})" in message


def test_unknown_code_is_quoted():
    with pytest.raises(UnsupportedLanguage, match="language 'xx' is not supported"):
        get_language("xx")


@pytest.mark.corpus
def test_dev_corpus_languages_from_text_and_from_title_alone(corpus_dir):
    for gold_path in sorted((corpus_dir / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = gold_path.with_name(gold["file"])
        text, expected = path.read_text(encoding="utf-8"), gold["language"]
        assert detect_language(text) == expected, path.name
        assert detect_language(text.split("\n", 1)[0]) == expected, path.name
