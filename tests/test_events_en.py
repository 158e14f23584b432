"""English event rules added for recall (issue 4): sentences written for these tests,
actors marked by hand (see test_events.run)."""

from __future__ import annotations

import pytest

from test_events import find, run


def test_a_light_verb_carries_the_target_of_the_act_its_object_names():
    art = run("China launched a massive offensive on India.", "en")
    find(art, "ASSAULT", "CHN", "IND")
    art = run("Japan carried out strikes against China.", "en")
    find(art, "ASSAULT", "JPN", "CHN")


def test_a_denial_rejects_every_accuser():
    art = run("Japan and India accused China of arming pirates. China denied the allegations.", "en")
    assert {e.target for e in art.events if e.type == "REJECT" and e.source == "CHN"} == {"JPN", "IND"}


def test_a_denial_in_the_title_answers_the_accusation_in_the_body():
    art = run("China denies role in border incident\nJapan accused China of a role in the incident.", "en")
    find(art, "REJECT", "CHN", "JPN")
    # Outside the title, a denial answers only what was said before it.
    art = run("China denied any role. Later, Japan accused China of a role in the incident.", "en")
    assert not [e for e in art.events if e.type == "REJECT" and e.target == "JPN"]


def test_a_joint_act_is_cooperation():
    art = run("Japan and India held joint naval exercises.", "en")
    find(art, "COOPERATE", "JPN", "IND")
    art = run("Japan conducted joint patrols with India.", "en")
    find(art, "COOPERATE", "JPN", "IND")
    assert not [e for e in run("Japan conducted patrols near India.", "en").events if e.type == "COOPERATE"]


def test_a_predicative_participle_takes_the_subject_of_its_copula():
    art = run("Japan is still committed to talks with China.", "en")
    find(art, "AGREE", "JPN", "CHN")


def test_being_open_to_talks_is_agree_and_not_being_open_is_reject():
    art = run("India is ready for negotiations with China.", "en")
    find(art, "AGREE", "IND", "CHN")
    art = run("Japan is not open to talks with China.", "en")
    find(art, "REJECT", "JPN", "CHN")
    art = run("Japan held talks with China.", "en")
    find(art, "CONSULT", "JPN", "CHN")



def test_the_contracted_future_announces_the_act(analyze_en):
    threats = [e for e in analyze_en("Japan said it’ll expel Chinese diplomats.").events if e.type == "THREATEN"]
    assert [e.source for e in threats] == ["JPN"]


@pytest.mark.corpus
def test_english_dev_events_reach_the_issue_target(dev_summary):
    """Issue 4: English events F1 >= 0.50 with precision >= 0.60 on the dev set (shared analyses)."""
    summary = dev_summary("en")
    assert summary["articles"] == 10
    assert summary["event_p"] >= 0.60 and summary["event_f1"] >= 0.50, summary


def test_clashing_over_an_issue_is_a_quarrel_not_a_fight():
    art = run("Japan and China clashed over the islands.", "en")
    assert {e.type for e in art.events} == {"ACCUSE"}
    art = run("Japan and China clashed near the islands.", "en")
    assert {e.type for e in art.events} == {"ASSAULT"}


def test_what_an_actor_needs_to_do_has_not_happened():
    assert not run("Canada said Japan needs to sanction China.", "en").events
    find(run("Japan sanctioned China.", "en"), "SANCTION", "JPN", "CHN")
    find(run("Japan needs the support of India.", "en"), "REQUEST", "JPN", "IND")
