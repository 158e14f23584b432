"""English descriptions of armed men, rulers and groups tied to their state or named group (short sentences)."""

from __future__ import annotations

import pytest

from test_entities import _ctx, _np


@pytest.fixture(scope="session")
def en(analyze_en):
    return lambda text: _ctx(text, "en")


def test_troops_and_junta_act_for_their_state(en):
    ctx = en("Kenyan troops crossed the river on Monday. In Myanmar, the junta closed the border.")
    assert ctx.actors.resolve_span(_np(ctx.doc, "Kenyan troops")).id == "KEN"
    assert ctx.actors.resolve_span(_np(ctx.doc, "the junta")).id == "MMR"


def test_un_troops_are_the_un_force_the_story_names(en):
    ctx = en("UNIFIL said on Friday that its patrol was stopped. UN troops later returned to the village.")
    assert ctx.actors.resolve_span(_np(ctx.doc, "UN troops")).id == "UNIFIL"
    ctx = en("The UN said on Friday that its patrol was stopped. UN troops later returned to the village.")
    troops = ctx.actors.resolve_span(_np(ctx.doc, "UN troops"))
    assert troops is None or troops.id == "UN"


def test_a_described_alliance_is_the_one_the_story_names(en):
    ctx = en("Armenia asked for a meeting of a regional security body on Monday. The Collective Security Treaty "
             "Organisation did not answer.")
    assert ctx.actors.resolve_span(_np(ctx.doc, "a regional security body")).id == "CSTO"
    ctx = en("Nato met in Brussels. Poland said the alliance was ready.")
    assert ctx.actors.resolve_span(_np(ctx.doc, "the alliance")).id == "NATO"
