"""Reading the parse around a cue: its speaker, its reported clause.

The parser errs (an inverted subject often comes out as an object), so these helpers use
the dependency labels to break ties and word order to decide.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dixit.components.quotes.data import QuoteData, fold

NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
# Dependents after an inverted cue that may be its subject, the likeliest first.
_RIGHT_SPEAKER = (
    "nsubj",
    "expl:subj",
    "obj",
    "dobj",
    "appos",
    "nmod",
    "obl:agent",
    "obl",
    "obl:mod",
    "obl:arg",
    "attr",
)
# Dependents that end a speaker's noun phrase ("Peskov, lors d'une conférence de presse").
_CUT = {"cc", "acl:relcl", "relcl", "acl", "parataxis", "advcl", "dep", "obl", "obl:mod", "advmod"}
_NEXT_CLAUSE = {"advcl", "conj", "parataxis"}
_CLOSING_PUNCT = " \n.,;:!?–—-"


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm"))


def np_bounds(head: Token, lo: int, hi: int, stops: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `head`, within [lo, hi).

    Relative clauses, coordinated names, circumstances ("dans un entretien", words in `stops`)
    and trailing punctuation are left out; appositions ("le porte-parole du Kremlin, Dmitri
    Peskov") stay.
    """
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.children:
        circumstance = fold(child.left_edge.text) in stops
        if child.i > head.i and (child.dep_ in _CUT or is_coordinated(child) or circumstance):
            end = min(end, child.left_edge.i)
    end = max(end, head.i + 1)
    start, end = max(start, lo), min(end, hi)
    doc = head.doc
    # a name the parser cut in two ("Vladimir" + "Poutine" as two subjects) is kept whole
    while end < hi and doc[end].ent_iob_ == "I":
        end += 1
    while start > lo and doc[start].ent_iob_ == "I":
        start -= 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].pos_ in ("CCONJ", "ADP")):
        start += 1
    return start, end


def is_coordinated(tok: Token) -> bool:
    """A conjunct joined by "et"/"and" (a comma alone makes an apposition the parser missed)."""
    return tok.dep_ == "conj" and any(c.dep_ == "cc" for c in tok.children)


def subject_of(verb: Token, data: QuoteData, depth: int = 0) -> Token | None:
    """The subject of a reporting verb, climbing from a participle to the verb it hangs on."""
    # the parser sometimes hangs the subject on the auxiliary ("Peskov a en outre déclaré")
    holders = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    subjects = [
        c
        for h in holders
        for c in h.children
        if ((c.dep_.startswith("nsubj") and not c.dep_.endswith("pass")) or c.dep_ == "expl:subj")
        and not (c.i > 0 and c.doc[c.i - 1].pos_ == "ADP")  # "X a quant à elle indiqué": no subject
    ]
    if subjects:  # the nearest: a dateline or a fronted phrase may pass for a subject too
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if fold(child.text) in data.relatives:
            return _antecedent(verb) or child
        return child
    if depth >= 3 or verb.head is verb:
        return None
    head = verb.head
    relative = verb.dep_ in ("acl", "acl:relcl", "relcl")
    if relative and head.pos_ in NOMINAL and fold(head.lemma_) not in data.not_speakers:
        return head  # "une lettre accusant X de ..."
    return subject_of(verb.head, data, depth + 1)


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause hangs on ("Dodik, qui s'est montré défiant en affirmant ...")."""
    tok = verb
    for _ in range(4):
        if tok.dep_ in ("acl:relcl", "relcl") and tok.head.pos_ in NOMINAL:
            return tok.head
        if tok.head is tok:
            break
        tok = tok.head
    return verb.head if verb.head is not verb else None


def speaker_after(verb: Token, last: int, data: QuoteData, told: bool = False) -> Token | None:
    """In "..., a insisté le dirigeant du pays", the noun phrase after the verb.

    The parser often calls it an object; a prepositional phrase ("à la presse") or a time
    word ("lundi") is never the speaker.
    """
    found = [
        c
        for c in verb.children
        if c.i > last
        and c.pos_ in NOMINAL
        and fold(c.lemma_) not in data.not_speakers
        and c.text != "-t"
        and not any(g.dep_ == "case" and g.i < c.i for g in c.children)
        and not (told and c.dep_ in ("obj", "dobj", "dative", "iobj"))  # "told reporters"
    ]
    pronoun = next((c for c in found if fold(c.text) in data.pronouns), None)
    if pronoun is not None:
        return pronoun
    ranked = sorted((c for c in found if c.dep_ in _RIGHT_SPEAKER), key=lambda c: (_RIGHT_SPEAKER.index(c.dep_), c.i))
    if ranked and ranked[0].dep_.startswith("nsubj"):
        return ranked[0]
    return named_after(verb.doc, last, data) or (ranked[0] if ranked else None)


def named_after(doc: Doc, last: int, data: QuoteData) -> Token | None:
    """The first name after a cue that no preposition governs (the parse of inverted subjects fails
    most on long ones: "a déclaré à la presse avant la réunion François Delattre, ambassadeur ...")."""
    end = min(last + 16, doc[last].sent.end)
    for tok in doc[last + 1 : end]:
        if tok.text in (".", ";", "«", "»", "“", "”", '"'):
            return None
        if tok.ent_iob_ == "B" and tok.ent_type_ in data.speaker_labels:
            before = doc[tok.i - 1]
            if before.pos_ != "ADP" and not (before.pos_ == "DET" and doc[tok.i - 2].pos_ == "ADP"):
                return _ent_head(doc, tok)
    return None


def _ent_head(doc: Doc, first: Token) -> Token:
    ent = next(e for e in doc.ents if e.start == first.i)
    return ent.root


def clause_end(verb: Token, start: int, limit: int, keep: Token | None) -> int:
    """Where a reported clause stops: at the next dependent of the cue verb after it."""
    ends = [c.left_edge.i for c in verb.children if c.i > start and c is not keep and c.dep_ in _NEXT_CLAUSE]
    ends = [e for e in ends if e > start]
    return min([*ends, limit])


def negated(verb: Token, negations: frozenset[str]) -> bool:
    return any(fold(c.text) in negations for c in verb.children if c.i < verb.i)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space and sentence punctuation at both ends of a clause."""
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and text[end - 1] in _CLOSING_PUNCT:
        end -= 1
    return start, end


def first_marker(
    doc: Doc, start: int, stop: int, words: frozenset[str], cues: set[int], data: QuoteData
) -> Token | None:
    """The first of `words` after a cue, before any other verb or the end of the clause."""
    for i in range(start, stop):
        tok = doc[i]
        if fold(tok.text) in words:
            # "alors que ...", "so that ...": a conjunction, no reported clause
            return None if fold(doc[i - 1].text) in data.subordinators else tok
        # a participle ("en citant des sources") may stand between; a finite verb starts another clause
        finite = tok.pos_ == "VERB" and "Fin" in tok.morph.get("VerbForm")
        if tok.text in (".", ";", "?", "!") or i in cues or finite:
            return None
    return None


def left_comma(doc: Doc, verb: Token, first: int, skip: set[int]) -> int | None:
    """In "CLAIM, a déclaré X" / "CLAIM, X said", the comma (or closing mark) before the cue."""
    i = first - 1
    while i >= 0 and (i in skip or doc[i].pos_ in ("AUX", "ADV", "PART") or doc[i].text.startswith("-")):
        i -= 1
    if i >= 1 and doc[i].text in (",", "»", "”", '"'):
        return i
    return None
