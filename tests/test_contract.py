"""The JSON contract dixit.article/1: schema validity and offsets that slice their text."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from dixit.model import Article

SCHEMA = json.loads((resources.files("dixit") / "schema" / "article-1.schema.json").read_text())

SAMPLE = (
    "Paris soutiendra Berlin – Le ministre — Journal Test\n"
    "Le ministre français des Affaires étrangères a déclaré mardi que la France soutiendrait "
    "l'Allemagne. « Nous serons toujours à vos côtés », a-t-il ajouté."
)


def check_offsets(d: dict) -> None:
    text = d["text"]
    for q in d["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        for key in ("speaker_mention", "cue"):
            if q.get(key):
                assert 0 <= q[key]["start"] < q[key]["end"] <= len(text)
    for e in d["entities"]:
        for m in e["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
    for ev in d["events"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]
    for f in d["flags"]:
        assert 0 <= f["start"] < f["end"] <= len(text)


def test_sample_validates_and_offsets_slice(analyze_fr):
    d = analyze_fr(SAMPLE).to_dict()
    jsonschema.validate(d, SCHEMA)
    check_offsets(d)
    assert d["title"] == "Paris soutiendra Berlin – Le ministre"
    assert d["outlet"] == "Journal Test"


def test_round_trip(analyze_fr):
    art = analyze_fr(SAMPLE)
    again = Article.from_dict(json.loads(json.dumps(art.to_dict())))
    assert again.to_dict() == art.to_dict()


def test_id_is_content_hash(analyze_fr):
    assert analyze_fr(SAMPLE).id == analyze_fr(SAMPLE + " ").id  # trailing blanks are not content
    assert analyze_fr(SAMPLE).id != analyze_fr(SAMPLE + " Fin.").id


def test_schema_rejects_a_bad_record(analyze_fr):
    d = analyze_fr(SAMPLE).to_dict()
    d["quotes"] = [{"start": 0, "end": 1, "text": "x", "kind": "hearsay", "speaker": None,
                    "speaker_mention": None, "cue": None, "via": []}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, SCHEMA)


@pytest.mark.corpus
def test_every_dev_article_validates(dev_analyses):
    assert len(dev_analyses) >= 35
    for _, _, art in dev_analyses:
        d = art.to_dict()
        jsonschema.validate(d, SCHEMA)
        check_offsets(d)


def test_a_failing_component_is_one_documents_error(monkeypatch):
    """A bug in a component on one document is reported in its place; the batch goes on."""
    from dixit.components import load_components
    from dixit.core import Document, analyze_each
    from dixit.errors import AnalysisError

    registry = load_components()
    real = registry["flags"]

    def flaky(ctx):
        if "panne" in ctx.text:
            raise IndexError("boom")
        real(ctx)

    monkeypatch.setitem(registry, "flags", flaky)
    docs = [Document("Le ministre est arrivé à Paris.", language="fr", source="a"),
            Document("Une panne a eu lieu à Lyon.", language="fr", source="b"),
            Document("La ministre est partie de Lyon.", language="fr", source="c")]
    out = list(analyze_each(docs))
    assert [type(o).__name__ for o in out] == ["Article", "AnalysisError", "Article"]
    assert isinstance(out[1], AnalysisError) and "flags" in str(out[1]) and str(out[1]).startswith("b:")
