"""Trigger lexicon entries added for recall: idioms and verbs whose type the manual fixes.

Sentences written for these tests; actors are marked by hand (see test_events.run).
"""

from __future__ import annotations

from test_events import find, run


def test_taking_issue_with_is_accuse():
    art = run("Japan took issue with China over the patrols.", "en")
    find(art, "ACCUSE", "JPN", "CHN")
    assert not [e for e in run("Japan took part in talks.", "en").events if e.type == "ACCUSE"]


def test_calling_an_act_a_violation_accuses_its_author():
    art = run("Emmanuel Macron a déclaré que la Corée du Nord constitue une menace pour la paix.")
    ev = find(art, "ACCUSE", "FRA", "PRK")
    assert ev.source_actor == "Emmanuel Macron" and ev.trigger.lemma == "menace"
    # Nobody says it: no accuser, no event; a charge noun that is no predicate charges nobody.
    assert not [e for e in run("La Corée du Nord constitue une menace pour la paix.").events if e.type == "ACCUSE"]
    art = run("Emmanuel Macron a déclaré que la Corée du Nord a retiré sa menace.")
    assert not [e for e in art.events if e.type == "ACCUSE"]


def test_english_charge_predicate():
    art = run("Japan said that China represents a threat to the region.", "en")
    find(art, "ACCUSE", "JPN", "CHN")


def test_force_used_into_a_country_targets_it():
    art = run("Russia shelled villages deep into Ukraine.", "en")
    find(art, "ASSAULT", "RUS", "UKR")
    art = run("China launched an attack into India.", "en")
    find(art, "ASSAULT", "CHN", "IND")


def test_support_for_a_country_targets_it():
    art = run("Japan announced its support for Ukraine.", "en")
    find(art, "SUPPORT", "JPN", "UKR")


def test_an_order_to_leave_the_country_is_an_expulsion():
    art = run("La Pologne a ordonné à deux diplomates russes de quitter le pays.")
    assert find(art, "SANCTION", "POL", "RUS").mode == "expel"
    assert not [e for e in run("La Pologne a ordonné une enquête sur la Russie.").events if e.type == "SANCTION"]


def test_striking_into_a_country_targets_it_whatever_the_lemmatiser_says():
    art = run("Washington a autorisé Kiev pour que Kiev frappe en Russie.")  # verb "frappe" left as lemma "frappe"
    find(art, "ASSAULT", "UKR", "RUS")
    find(run("La Chine a attaqué en Inde."), "ASSAULT", "CHN", "IND")


def test_judging_something_a_violation_accuses_its_author():
    find(run("Le Japon considère la Chine comme une menace."), "ACCUSE", "JPN", "CHN")
    art = run("La Pologne a expulsé deux diplomates russes. Moscou considère cette mesure comme une provocation.")
    find(art, "ACCUSE", "RUS", "POL")
    assert not [e for e in run("Le Japon considère la Chine comme un partenaire.").events if e.type == "ACCUSE"]
