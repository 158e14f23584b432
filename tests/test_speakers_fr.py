"""French speaker resolution: pronouns, descriptions and the actors they stand for."""

from __future__ import annotations

from quote_checks import speaker_name


def _speakers(art) -> list[str | None]:
    return [speaker_name(art, q) for q in art.quotes]


def test_pronoun_takes_the_subject_of_the_previous_sentence_over_the_last_speaker(analyze_fr):
    art = analyze_fr("« Nous partirons », a déclaré Emmanuel Macron. Le chancelier allemand Olaf Scholz a reçu "
                     "le ministre lundi. Il a affirmé que l'accord tenait toujours.")
    assert _speakers(art) == ["Emmanuel Macron", "Olaf Scholz"]


def test_feminine_pronoun_is_not_a_plural_group(analyze_fr):
    art = analyze_fr("L'agence de presse serbe Tanjug a indiqué que le sommet aurait lieu. Des sources ont affirmé "
                     "que la date restait ouverte. Elle a également précisé que les ministres viendraient.")
    assert "Tanjug" in (_speakers(art)[-1] or "")


def test_quant_a_elle_is_no_subject(analyze_fr):
    art = analyze_fr("L'agence de presse serbe Tanjug a quant à elle indiqué que le sommet aurait lieu.")
    q = art.quotes[0]
    assert "Tanjug" in (speaker_name(art, q) or "")
    assert "Tanjug" in art.text[q.speaker_mention.start:q.speaker_mention.end]


def test_body_noun_introduces_the_organisation_after_it(analyze_fr):
    art = analyze_fr("L'agence officielle Irna a affirmé que le calme régnait. L'agence de presse iranienne Fars "
                     "a indiqué que des tirs avaient eu lieu.")
    assert _speakers(art)[-1] == "Fars"


def test_cue_going_on_from_a_speaker_takes_it_not_a_word_of_the_quotation(analyze_fr):
    art = analyze_fr("“Nous protestons”, a affirmé le gouvernement malien dans un communiqué, avant de poursuivre: "
                     "“En réponse, le gouvernement malien a rappelé son ambassadeur”.")
    assert len(art.quotes) == 2
    assert art.quotes[0].speaker == art.quotes[1].speaker == "MLI"
    assert all(len(e.name) > 3 for e in art.entities)  # no actor named "le"


def test_preposition_speaker_stops_at_the_comma(analyze_fr):
    art = analyze_fr("Selon la France, le seul président du Mali est Ibrahim Keïta. Pour Emmanuel Macron, « ce coup "
                     "d'État est parfaitement illégitime et dangereux pour le Mali ».")
    q = next(q for q in art.quotes if "coup" in q.text)
    assert speaker_name(art, q) == "Emmanuel Macron"
    assert art.text[q.speaker_mention.start:q.speaker_mention.end] == "Emmanuel Macron"


def test_definite_title_after_a_named_speaker_is_that_speaker_when_the_office_fits(analyze_fr):
    art = analyze_fr("Le vice-ministre russe des Affaires étrangères, Sergueï Riabkov, a qualifié de « honteuses » "
                     "les menaces de Kiev contre l'ambassadeur russe en Ukraine, Mikhaïl Zourabov.\n"
                     "« Ces démarches nous font honte », s'est indigné le diplomate dans un entretien.")
    q = next(q for q in art.quotes if "démarches" in q.text)
    assert speaker_name(art, q) == "Sergueï Riabkov"


def test_under_secretary_is_a_title(analyze_fr):
    art = analyze_fr("« La sécession n'a aucun avenir », a déclaré le sous-secrétaire adjoint américain à la presse. "
                     "« Nous resterons vigilants », a-t-il ajouté.")
    assert len(art.quotes) == 2
    assert art.quotes[0].speaker == art.quotes[1].speaker
    assert "sous-secrétaire adjoint" in (speaker_name(art, art.quotes[0]) or "")
    assert art.entity(art.quotes[0].speaker).role == "deputy under secretary"
