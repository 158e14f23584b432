"""Events: PLOVER coding rules, source/target from syntax, statuses, dates and places.

The sentences are written for these tests. Actors are given by hand (an ActorIndex built
here), so the tests check the events component alone, whatever the entities component
recognises; the parse is the real one (the spaCy pipeline loads once per session).
"""

from __future__ import annotations

import pytest

from dixit.components.actors import ActorIndex
from dixit.components.context import Context
from dixit.components.events import events, state_coded
from dixit.lang import get_language
from dixit.model import Article, Cue, Entity, Event, Quote
from dixit.nlp import load_pipeline

# surface form -> (entity id, kind, country)
FR_ACTORS = {
    "Emmanuel Macron": ("Emmanuel Macron", "person", "FRA"),
    "Olaf Scholz": ("Olaf Scholz", "person", "DEU"),
    "Berlin": ("Berlin", "location", "DEU"),
    "la Pologne": ("POL", "country", "POL"),
    "russes": ("RUS", "country", "RUS"),
    "la Russie": ("RUS", "country", "RUS"),
    "Russie": ("RUS", "country", "RUS"),
    "l'Ukraine": ("UKR", "country", "UKR"),
    "Le Japon": ("JPN", "country", "JPN"),
    "l'Inde": ("IND", "country", "IND"),
    "Inde": ("IND", "country", "IND"),
    "L'Union européenne": ("EU", "bloc", None),
    "la Hongrie": ("HUN", "country", "HUN"),
    "Le Maroc": ("MAR", "country", "MAR"),
    "Algérie": ("DZA", "country", "DZA"),
    "Paris": ("FRA", "country", "FRA"),
    "d'Iran": ("IRN", "country", "IRN"),
    "Washington": ("USA", "country", "USA"),
    "la Chine": ("CHN", "country", "CHN"),
    "Les États-Unis": ("USA", "country", "USA"),
    "l'Iran": ("IRN", "country", "IRN"),
    "saoudien": ("SAU", "country", "SAU"),
    "Téhéran": ("IRN", "country", "IRN"),
    "La Turquie": ("TUR", "country", "TUR"),
    "la Syrie": ("SYR", "country", "SYR"),
    "Le Kremlin": ("Kremlin", "organization", "RUS"),
    "Vladimir Poutine": ("Vladimir Poutine", "person", "RUS"),
    "Donald Trump": ("Donald Trump", "person", "USA"),
    "Xi Jinping": ("Xi Jinping", "person", "CHN"),
    "Kim Jong-un": ("Kim Jong-un", "person", "PRK"),
    "Pyongyang": ("PRK", "country", "PRK"),
    "Moscou": ("RUS", "country", "RUS"),
    "la Corée du Nord": ("PRK", "country", "PRK"),
    "Kiev": ("UKR", "country", "UKR"),
}
EN_ACTORS = {
    "Canada": ("CAN", "country", "CAN"),
    "Russian": ("RUS", "country", "RUS"),
    "Russia": ("RUS", "country", "RUS"),
    "the United States": ("USA", "country", "USA"),
    "Ukraine": ("UKR", "country", "UKR"),
    "China": ("CHN", "country", "CHN"),
    "Taiwan": ("TWN", "country", "TWN"),
    "Japan": ("JPN", "country", "JPN"),
    "India": ("IND", "country", "IND"),
    "Hanoi": ("Hanoi", "location", "VNM"),
}


def run(text: str, language: str = "fr", published: str | None = None, quotes: list[Quote] | None = None) -> Article:
    """The events component on `text`, with the actors of the table above marked where they occur."""
    table = FR_ACTORS if language == "fr" else EN_ACTORS
    doc = load_pipeline(language)(text)
    index = ActorIndex()
    lower = text.lower()
    for surface, (eid, kind, country) in sorted(table.items(), key=lambda kv: -len(kv[0])):
        start = lower.find(surface.lower())
        while start >= 0:
            end = start + len(surface)
            if not any(s < end and start < e for s, e, _ in index._mentions):
                index.add(Entity(id=eid, name=surface, kind=kind, country=country), start, end)
            start = lower.find(surface.lower(), end)
    article = Article(text=text, language=language, published=published, quotes=quotes or [])
    article.entities = list(index.entities.values())
    events(Context(doc=doc, lang=get_language(language), article=article, actors=index))
    return article


def find(article: Article, type_: str, source: str | None = None, target: str | None = None) -> Event:
    hits = [e for e in article.events if e.type == type_ and source in (None, e.source) and target in (None, e.target)]
    assert hits, f"no {source} {type_} {target} in {[(e.source, e.type, e.target) for e in article.events]}"
    return hits[0]


# --- coding rules ------------------------------------------------------------------------

def test_meeting_is_consult_coded_on_states_with_date_and_place():
    art = run("Emmanuel Macron a rencontré Olaf Scholz vendredi à Berlin.", published="2024-03-09")
    ev = find(art, "CONSULT", "FRA", "DEU")
    assert ev.source_actor == "Emmanuel Macron" and ev.target_actor == "Olaf Scholz"
    assert (ev.date, ev.date_precision, ev.location) == ("2024-03-08", "day", "Berlin")
    assert ev.status == "asserted" and ev.symmetric
    assert art.text[ev.start:ev.end] == ev.text and "rencontré" in ev.text


def test_signing_is_support_and_a_promise_to_sign_is_agree():
    signed = run("Le Japon a signé un accord de défense avec l'Inde.")
    assert find(signed, "SUPPORT", "JPN", "IND").status == "asserted"
    promised = run("Le Japon va signer un accord de défense avec l'Inde.")
    assert find(promised, "AGREE", "JPN", "IND")
    assert not [e for e in promised.events if e.type == "SUPPORT"]


def test_threatened_sanction_is_threaten_and_a_decided_one_is_sanction():
    threat = run("L'Union européenne a menacé de sanctionner la Hongrie.")
    assert find(threat, "THREATEN", "EU", "HUN").intensity < 0
    assert not [e for e in threat.events if e.type == "SANCTION"]
    decided = run("L'Union européenne a sanctionné la Hongrie.")
    assert find(decided, "SANCTION", "EU", "HUN").status == "asserted"


def test_expelling_diplomats_and_recalling_an_ambassador_are_sanction():
    expel = run("La Pologne a expulsé deux diplomates russes.")
    ev = find(expel, "SANCTION", "POL", "RUS")
    assert ev.mode == "expel" and ev.intensity == -5.5
    recall = run("Le Maroc a rappelé son ambassadeur en Algérie.")
    assert find(recall, "SANCTION", "MAR").mode == "withdraw"
    assert not run("Le Maroc a rappelé que la Pologne était un partenaire.").events  # "rappeler" = remind


def test_summoning_an_ambassador_is_accuse():
    assert find(run("Paris a convoqué l'ambassadeur d'Iran."), "ACCUSE", "FRA", "IRN").mode == "disapprove"


# --- source and target from the parse -----------------------------------------------------

def test_passive_agent_is_the_source():
    art = run("Deux diplomates russes ont été expulsés par la Pologne.")
    find(art, "SANCTION", "POL", "RUS")


def test_noun_trigger_takes_demonym_source_and_contre_target():
    art = run("Les frappes russes contre l'Ukraine se sont intensifiées.")
    find(art, "ASSAULT", "RUS", "UKR")


def test_noun_trigger_takes_the_subject_of_its_verb():
    art = run("Xi Jinping a tenu une réunion avec Vladimir Poutine.")
    ev = find(art, "CONSULT", "CHN", "RUS")
    assert ev.source_actor == "Xi Jinping"


def test_english_active_passive_and_noun():
    art = run("Canada expelled two Russian diplomats.", "en")
    assert find(art, "SANCTION", "CAN", "RUS").mode == "expel"
    art = run("Ukraine was attacked by Russia.", "en")
    find(art, "ASSAULT", "RUS", "UKR")
    art = run("Japan held talks with India.", "en")
    find(art, "CONSULT", "JPN", "IND")


def test_noun_target_hung_on_the_noun_actor_or_behind_a_complex_preposition():
    expel = run("L'expulsion par la Pologne de deux diplomates russes a surpris.")
    find(expel, "SANCTION", "POL", "RUS")
    support = run("L'engagement de la Chine en faveur de la Russie est ancien.")
    find(support, "SUPPORT", "CHN", "RUS")
    assert not [e for e in run("L'engagement de la Chine en faveur du climat est ancien.").events if e.target]


def test_a_statement_noun_goes_to_the_addressee_of_its_carrier():
    art = run("Paris a remis une note de protestation à l'ambassadeur d'Iran.")
    find(art, "ACCUSE", "FRA", "IRN")


def test_a_demonstrative_act_noun_targets_the_author_of_the_act_told_before():
    art = run("La Pologne a expulsé deux diplomates russes. Moscou a condamné cette décision.")
    find(art, "ACCUSE", "RUS", "POL")
    assert not [e for e in run("Moscou a condamné une décision.").events if e.type == "ACCUSE"]


def test_a_noun_subject_of_a_verb_of_occurrence_takes_the_verb_complements():
    art = run("Une rencontre a eu lieu entre Emmanuel Macron et Olaf Scholz.")
    find(art, "CONSULT", "FRA", "DEU")
    art = run("Un entretien aurait eu lieu entre le président russe Vladimir Poutine et le président américain "
              "élu Donald Trump.")
    find(art, "CONSULT", "RUS", "USA")


def test_the_one_accused_of_an_act_noun_is_its_author():
    art = run("Le Japon a accusé la Chine de collusion avec la Russie.")
    find(art, "ACCUSE", "JPN", "CHN")
    find(art, "COOPERATE", "CHN", "RUS")
    assert not [e for e in art.events if e.type == "COOPERATE" and e.source == "JPN"]


def test_fighting_is_mutual_and_takes_the_pair_named_in_its_clause():
    art = run("Les combats se poursuivaient mardi pour le troisième jour à la frontière entre la Chine et l'Inde.")
    ev = find(art, "ASSAULT")
    assert ev.symmetric and {ev.source, ev.target} == {"CHN", "IND"}


def test_two_acts_each_the_object_of_its_own_verb_are_two_events():
    art = run("La Chine aurait préparé une attaque contre l'Inde et commis un attentat contre l'Inde.")
    assert len([e for e in art.events if (e.source, e.type, e.target) == ("CHN", "ASSAULT", "IND")]) == 2
    art = run("La Chine a attaqué l'Inde mardi, une attaque sans précédent contre l'Inde.")
    assert len([e for e in art.events if (e.source, e.type, e.target) == ("CHN", "ASSAULT", "IND")]) == 1


def test_an_act_told_again_with_the_same_word_is_one_event():
    art = run("La Chine a attaqué l'Inde mardi. Les autorités ont confirmé que la Chine avait attaqué l'Inde à l'aube.")
    same = [e for e in art.events if (e.source, e.type, e.target) == ("CHN", "ASSAULT", "IND")]
    assert len(same) == 1 and same[0].start < 20  # the first telling is the record kept
    art = run("La Chine a attaqué l'Inde mardi. Mercredi, la Chine a bombardé l'Inde.")
    assert len([e for e in art.events if (e.source, e.type, e.target) == ("CHN", "ASSAULT", "IND")]) == 2


def test_a_name_the_tagger_calls_a_pronoun_is_still_a_name():
    art = run("Kiev aurait commis un acte terroriste contre la Russie.")  # "Kiev" tagged PRON, entity LOC
    find(art, "ASSAULT", "UKR", "RUS")


def test_a_place_counts_only_through_its_state_and_only_as_a_target_of_force():
    art = run("China attacked Hanoi.", "en")
    find(art, "ASSAULT", "CHN", "VNM")
    assert state_coded(Entity("Hanoi", "Hanoi", "location", country="VNM")) == ("VNM", "Hanoi")


# --- statuses ----------------------------------------------------------------------------

def test_asserted():
    assert find(run("La Russie a attaqué l'Ukraine."), "ASSAULT", "RUS", "UKR").status == "asserted"


def test_claimed_by_the_reporting_source():
    art = run("Les États-Unis ont affirmé que la Chine avait livré des armes à la Russie.")
    ev = find(art, "AID", "CHN", "RUS")
    assert ev.status == "claimed" and ev.claimed_by == ["USA"]


def test_claimed_through_selon_and_through_a_quote():
    art = run("Selon Washington, la Chine a livré des armes à la Russie.")
    assert find(art, "AID", "CHN", "RUS").claimed_by == ["USA"]
    text = "La Chine a livré des armes à la Russie, a dit un témoin."
    quote = Quote(start=0, end=38, text=text[:38], kind="indirect", speaker="USA", cue=Cue(42, 45, "dire"))
    assert find(run(text, quotes=[quote]), "AID", "CHN", "RUS").claimed_by == ["USA"]


def test_an_actor_stating_its_own_act_asserts_it():
    art = run("Pyongyang continuera de soutenir Moscou, a déclaré Kim Jong-un.")
    ev = find(art, "SUPPORT", "PRK", "RUS")
    assert ev.status == "asserted" and not ev.claimed_by


def test_denied_in_the_same_sentence():
    art = run("Le Kremlin a démenti que Vladimir Poutine ait rencontré Donald Trump.")
    ev = find(art, "CONSULT", "RUS", "USA")
    assert ev.status == "denied" and ev.denied_by == ["Kremlin"]


def test_denial_in_a_later_sentence_is_linked_and_is_itself_a_reject():
    art = run("Les États-Unis ont accusé l'Iran d'avoir attaqué un navire saoudien. "
              "Téhéran a démenti ces accusations.")
    claim = find(art, "ASSAULT", "IRN", "SAU")
    assert claim.status == "claimed" and claim.claimed_by == ["USA"] and claim.denied_by == ["IRN"]
    find(art, "REJECT", "IRN", "USA")
    find(art, "ACCUSE", "USA", "IRN")


def test_neither_confirming_nor_denying_is_no_denial():
    art = run("Les États-Unis ont affirmé que la Corée du Nord avait envoyé des troupes en Russie. "
              "Vladimir Poutine n'a ni confirmé ni démenti ces informations.")
    assert find(art, "AID", "PRK", "RUS").denied_by == []
    assert not [e for e in art.events if e.type == "REJECT"]


def test_hypothetical_possible_conditional_and_negated():
    assert find(run("La Turquie pourrait attaquer la Syrie."), "ASSAULT", "TUR", "SYR").status == "hypothetical"
    assert find(run("La Turquie n'a pas attaqué la Syrie."), "ASSAULT", "TUR", "SYR").status == "hypothetical"
    assert find(run("China could attack Taiwan.", "en"), "ASSAULT", "CHN", "TWN").status == "hypothetical"


# --- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize("published, expected", [("2024-11-30", ("2024-06", "month")), (None, (None, None))])
def test_month_date_with_and_without_published(published, expected):
    ev = find(run("Le Japon a signé en juin un accord avec l'Inde.", published=published), "SUPPORT")
    assert (ev.date, ev.date_precision) == expected


def test_absolute_date_needs_no_published():
    ev = find(run("China attacked Taiwan on March 3, 2021.", "en"), "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2021-03-03", "day")


# --- further rules -----------------------------------------------------------------------

def test_refusing_to_agree_is_reject():
    assert find(run("La Turquie n'accepte pas les propositions de la Syrie."), "REJECT", "TUR", "SYR")
    assert find(run("Russia does not recognize the government of Ukraine.", "en"), "REJECT", "RUS", "UKR")


def test_a_requested_act_is_not_an_event():
    art = run("La Turquie a exhorté la Syrie à attaquer la Russie.")
    find(art, "REQUEST", "TUR", "SYR")
    assert not [e for e in art.events if e.type == "ASSAULT"]


def test_first_person_subject_in_a_quote_is_the_speaker():
    text = "« Nous condamnons la Syrie », a dit La Turquie."
    quote = Quote(start=2, end=25, text=text[2:25], kind="direct", speaker="TUR", cue=Cue(31, 34, "dire"))
    assert find(run(text, quotes=[quote]), "ACCUSE", "TUR", "SYR").status == "asserted"


def test_relative_pronoun_and_gerund_after_a_preposition():
    art = run("La Chine, qui a attaqué l'Inde, se tait.")
    find(art, "ASSAULT", "CHN", "IND")
    art = run("Japan accused China of attacking India.", "en")
    find(art, "ACCUSE", "JPN", "CHN")
    assert find(art, "ASSAULT", "CHN", "IND").claimed_by == ["JPN"]


def test_what_is_sent_is_not_the_target():
    art = run("La Chine a envoyé des troupes en Russie.")
    assert find(art, "AID", "CHN", "RUS")


def test_a_city_of_the_places_table_stands_for_its_state(analyze_fr):
    art = analyze_fr("Les forces ukrainiennes ont bombardé la ville de Belgorod mardi.")
    place = next(e for e in art.entities if e.id == "Belgorod")
    assert (place.kind, place.country) == ("location", "RUS")
    assert [(e.source, e.type, e.target) for e in art.events] == [("UKR", "ASSAULT", "RUS")]


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb(analyze_fr):
    art = analyze_fr("Deux diplomates français travaillaient à Ouagadougou.\n"
                     "Le Burkina Faso leur a ordonné de quitter le pays.")
    ev = next(e for e in art.events if (e.source, e.type) == ("BFA", "SANCTION"))
    assert "FRA" in (ev.target, art.entity(ev.target).country)  # the French diplomats, not Burkina Faso
