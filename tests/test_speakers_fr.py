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


def test_the_same_source_is_the_speaker_before(analyze_fr):
    art = analyze_fr("« Nous partirons », a déclaré le ministère ghanéen des Affaires étrangères. "
                     "« Rien n'est décidé », précise la même source.")
    assert len(art.quotes) == 2
    assert art.quotes[1].speaker == art.quotes[0].speaker is not None


def test_finite_cue_whose_subject_the_parser_made_the_root(analyze_fr):
    # a parse as the French model makes of long appositions: the subject is the root, the cue hangs below it
    from spacy.tokens import Doc

    from dixit.components.quotes.data import quote_data
    from dixit.components.quotes.syntax import subject_of
    from dixit.lang import get_language
    from dixit.nlp import load_pipeline

    words = ["Notre", "contact", ",", "membre", "du", "groupe", "chargé", "des", "dossiers", ",", "ajoute", ":"]
    heads = [1, 1, 1, 1, 5, 3, 5, 8, 6, 8, 8, 10]
    deps = ["det", "ROOT", "punct", "appos", "case", "nmod", "acl", "case", "obl:arg", "punct", "amod", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "NOUN", "ADP", "NOUN", "VERB", "ADP", "NOUN", "PUNCT", "VERB", "PUNCT"]
    morphs = [""] * 10 + ["Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", ""]
    doc = Doc(load_pipeline("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs,
              sent_starts=[True] + [False] * 11)
    assert subject_of(doc[10], quote_data(get_language("fr"))).text == "contact"


def test_no_speaker_is_taken_inside_a_quotation(analyze_fr):
    art = analyze_fr("« Nous partirons », a déclaré Sergueï Riabkov. « C'est inacceptable, on ne peut pas tolérer "
                     "cela », a-t-il fait observer, ajoutant qu'il éprouvait de la honte pour ses collègues.")
    q = next(q for q in art.quotes if q.text.startswith("il éprouvait"))
    assert speaker_name(art, q) == "Sergueï Riabkov"


def test_no_speaker_past_a_dash_or_cite_par(analyze_fr):
    art = analyze_fr("Aucune frappe n'a eu lieu, affirme un média syrien — Radio Levant\n"
                     "Un soldat a été blessé lors de l'incident, a déclaré la garde-frontière ouzbèke citée par "
                     "l'agence de presse russe Interfax.")
    first, second = art.quotes
    assert art.text[first.speaker_mention.start:first.speaker_mention.end] == "un média syrien"
    assert speaker_name(art, first) == "média syrien"  # an outlet of its own, not Syria nor the radio
    assert "garde-frontière" in (speaker_name(art, second) or "")
    assert any("Interfax" in art.entity(v).name for v in second.via)


def test_definite_group_is_the_group_named_before(analyze_fr):
    art = analyze_fr("L'agence Tanjug a indiqué, en citant des sources bien informées, que le sommet aurait lieu. "
                     "« La date reste ouverte », ont souligné les sources à Belgrade.")
    q = next(q for q in art.quotes if q.text.startswith("La date"))
    groups = [e for e in art.entities if e.kind == "group"]
    assert len(groups) == 1 and q.speaker == groups[0].id


def test_a_word_of_a_name_is_that_person(analyze_fr):
    # the parser may make one word of a name the subject ("Phumtham | Wechayachai"): it names the whole person
    from dixit.components import entities
    from dixit.components.context import Context
    from dixit.components.quotes.data import quote_data
    from dixit.components.quotes.speakers import Resolver
    from dixit.lang import get_language
    from dixit.model import Article
    from dixit.nlp import load_pipeline

    text = "Le ministre Somchai Wongsawat a accusé le Cambodge de mauvaise foi."
    doc = load_pipeline("fr")(text)
    doc.ents = []  # as where NER missed the name: the title ties it (see describe_title)
    ctx = Context(doc=doc, lang=get_language("fr"), article=Article(text=text, language="fr"))
    entities.entities(ctx)
    assert ctx.actors.covering(doc[3].idx, doc[3].idx + len(doc[3])) is not None  # "Wongsawat" in the name
    name = doc[3:4]  # the surname alone, as a broken parse gives it
    entity, _ = Resolver(ctx, quote_data(ctx.lang)).token(name[0], q_start=name.end_char, q_end=len(text))
    assert entity == "Somchai Wongsawat"


def test_relative_after_a_long_description_goes_to_the_noun_that_speaks(analyze_fr):
    art = analyze_fr("Reuters a cité une source ayant une connaissance directe du dossier, qui a déclaré que "
                     "les diplomates avaient rencontré des opposants.")
    q = art.quotes[0]
    assert art.text[q.speaker_mention.start:q.speaker_mention.end].startswith("une source")


def test_selon_phrase_is_no_subject_the_noun_after_the_comma_is(analyze_fr):
    # the parse the French model gives "Selon des médias X, de hauts responsables Y ont fait état de ..."
    from spacy.tokens import Doc

    from dixit.components.quotes.data import quote_data
    from dixit.components.quotes.syntax import subject_of
    from dixit.lang import get_language
    from dixit.nlp import load_pipeline

    words = ["Selon", "des", "journaux", "allemands", ",", "de", "hauts", "responsables", "ont", "fait", "état"]
    heads = [2, 2, 9, 2, 2, 7, 7, 2, 9, 9, 9]
    deps = ["case", "det", "nsubj", "amod", "punct", "det", "amod", "nmod", "aux:tense", "ROOT", "obj"]
    pos = ["ADP", "DET", "NOUN", "ADJ", "PUNCT", "DET", "ADJ", "NOUN", "AUX", "VERB", "NOUN"]
    doc = Doc(load_pipeline("fr").vocab, words=words, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * 10)
    assert subject_of(doc[9], quote_data(get_language("fr"))).text == "responsables"
