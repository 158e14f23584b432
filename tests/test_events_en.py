"""English event rules added for recall (issue 4): sentences written for these tests,
actors marked by hand (see test_events.run)."""

from __future__ import annotations

from tests.test_events import find, run


def test_a_light_verb_carries_the_target_of_the_act_its_object_names():
    art = run("China launched a massive offensive on India.", "en")
    find(art, "ASSAULT", "CHN", "IND")
    art = run("Japan carried out strikes against China.", "en")
    find(art, "ASSAULT", "JPN", "CHN")
