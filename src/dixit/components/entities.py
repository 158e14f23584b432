"""Actors: persons, organisations, states, with all their mentions merged.

One pass of the alias tables (PhraseMatchers, see lexicon.py) and of spaCy's named entities,
keeping the longest span where they overlap; then names are merged ("Belousov" is "Andreï
Belousov"), NER labels corrected with the tables and the words around a name (a weapon after
"missile", a document starting with "traité"), and titles tied to the names they introduce or
made actors of their own ("le porte-parole du Kremlin", "a senior US official").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from dixit.components import component
from dixit.components.actors import ActorIndex, roles_match
from dixit.components.context import Context
from dixit.components.lexicon import Hit, Lexicon, fold, lexicon_for, norm
from dixit.components.strings import pos_positions
from dixit.model import Entity

# Words that end a description to the right of its title ("le président russe | a dit").
_STOP_POS = {"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PUNCT", "ADV", "PART"}
# Words a description may hold to the left of its title ("Russian | President", "the Kremlin | spokesman").
_LEFT_POS = {"ADJ", "PROPN", "NOUN", "NUM", "X"}
# A title is a noun ("a envoyé" is no envoy); English parsers tag "President X" PROPN.
_TITLE_POS = {"NOUN", "PROPN"}
# Kinds NER gives a surname by mistake ("Wechayachai" as ORG): a person named in full takes them over.
_NER_NOISE = {"organization", "location", "other"}
_LEFT_REACH = 4
# Punctuation a name may hold ("Jean-Yves", "U.S.", "Marine & Océans").
_NAME_PUNCT = {"-", ".", "'", "’", "&"}
_RIGHT_REACH = 8
_CUE_REACH = 3


@component("entities")
def entities(ctx: Context) -> None:
    lex = lexicon_for(ctx.lang.code)
    index = ActorIndex(doc=ctx.doc, lexicon=lex, ordered=ctx.article.entities)
    ctx.actors = index
    titles = [t for t in filter_spans(index.titles) if t.root.pos_ in _TITLE_POS]
    titles.sort(key=lambda t: t.start)
    index.title_tokens = {t.i for title in titles for t in title}
    portfolios = lex.section("portfolios")
    index.portfolios = {(p.start, p.end): portfolios.get(norm(p.text)) for p in lex.find_portfolios(ctx.doc)}
    genders: dict[tuple[int, int], str] = {}
    hits = lex.find(ctx.doc)
    # the state each table word names, even where a longer name swallows it ("ministère russe des ...")
    index.country_at = {t: h.spec.country for s, h in hits if h.spec.kind == "country" for t in range(s.start, s.end)}
    spans = _candidates(ctx.doc, lex, hits, {t.i for s in titles for t in s},
                        {t.i for s in titles if s.label_ != "title" for t in s}, genders)
    persons = [(s, h, k) for s, h, k in spans if k == "person" and (h or len(s) > 1)]
    canonical = _canonical_names([s for s, h, _ in persons if h is None])
    for span, hit, kind in persons + [c for c in spans if c[2] != "person" or not (c[1] or len(c[0]) > 1)]:
        ent = _add_candidate(index, lex, span, hit, kind, canonical)
        if ent is not None and (span.start, span.end) in genders:
            index.gender.setdefault(ent.id, genders[(span.start, span.end)])
    _surnames(index, ctx.doc)
    # titles before names first, so that offices are known before bare descriptions look for them
    described = set()
    for title in titles:
        inside = index._inside(title.start_char, title.end_char)
        if not inside and describe_title(index, title, create=False, names_only=True):
            described.add(title.start)
        elif inside and title.label_ == "body":  # "le ministère russe des Affaires étrangères" found by NER
            _body_role(index, title, inside)
    for title in titles:
        if title.start not in described and not index._inside(title.start_char, title.end_char):
            describe_title(index, title, create=True)
    _outlet(index, ctx)
    ctx.article.entities = index.ordered


def _surnames(index: ActorIndex, doc: Doc) -> None:
    """A part of a full name, alone and missed by NER ("Kim a souri"), is a mention of that person."""
    parts: dict[str, str | None] = {}
    for ent in index.entities.values():
        names = ent.name.replace("-", " ").split()
        if ent.kind != "person" or len(names) < 2:
            continue
        for part in names:
            key = fold(part)
            parts[key] = ent.id if parts.get(key, ent.id) == ent.id else None  # None: two persons share it
    if not parts:
        return
    covered = {i for s, e, _ in index._mentions for i in range(s, e)}
    for tok in (doc[i] for i in pos_positions(doc, "PROPN")):
        if tok.text[:1].isupper() and len(tok) > 2 and tok.idx not in covered:
            ent_id = parts.get(fold(tok.text))
            if ent_id:
                index.add(index.entities[ent_id], tok.idx, tok.idx + len(tok))


def _outlet(index: ActorIndex, ctx: Context) -> None:
    """The outlet named on the title line ("TITLE — OUTLET") is an actor: it publishes and quotes."""
    outlet = ctx.article.outlet
    first_line = ctx.text.split("\n", 1)[0]
    at = first_line.rfind(outlet) if outlet else -1
    if at < 0 or index.at(at, at + len(outlet)) is not None:
        return
    index.add(Entity(outlet, outlet, "organization", role="news outlet"), at, at + len(outlet))


def _candidates(doc: Doc, lex: Lexicon, hits: list[tuple[SpacySpan, Hit]], title_tokens: set[int],
                body_tokens: set[int], genders: dict[tuple[int, int], str]) -> list[tuple[SpacySpan, Hit | None, str]]:
    """Table matches and named entities, the longest where they overlap, in text order.

    `genders` receives the gender an honorific tells ("M.", "Mrs") for the name after it.
    """
    meaning: dict[tuple[int, int], tuple[Hit | None, str]] = {}
    for span, hit in hits:
        meaning.setdefault((span.start, span.end), (hit, hit.spec.kind))
    table_tokens = {t for span, hit in hits if hit.spec.kind != "person" for t in range(span.start, span.end)}
    particles = set(lex.section("mention").get("name_particles", []))
    person_titles = {t for t in title_tokens if t not in body_tokens}
    for ent in doc.ents:
        kind = lex.ner_kinds.get(ent.label_)
        if any(t.is_punct and t.text not in _NAME_PUNCT for t in ent[1:-1]) or any(c in ent.text for c in "[]{}—|"):
            continue  # "here—[it": NER ran over punctuation
        if kind != "person" and ent.start in person_titles:
            continue  # "vice-ministre russe des Affaires étrangères" as LOC: a description, see describe_title
        if kind == "person":  # "Solomon Islands PM Sogavare": the name is what follows the title
            cut = max((t + 1 for t in range(ent.start, ent.end) if t in title_tokens or t in table_tokens),
                      default=ent.start)
            # "Kim a souri": a name stops at its first lower-case word that is no particle ("von", "al")
            stop = next((t.i for t in doc[cut:ent.end] if t.text[:1].islower() and t.lower_ not in particles),
                        ent.end)
            ent = doc[cut:stop]
            if not len(ent):
                continue
        trimmed, gender = _trim(ent, lex, title_tokens if kind == "person" else set())
        if trimmed is not None and len(trimmed) == 1 and trimmed[0].pos_ not in ("PROPN", "X") \
                and (trimmed[0].is_sent_start or not trimmed[0].text[:1].isupper()):
            continue  # "Membre", "Pourparlers": a capitalised common noun, not a name
        if kind and trimmed is not None:
            meaning.setdefault((trimmed.start, trimmed.end), (None, kind))
            if gender:
                genders[(trimmed.start, trimmed.end)] = gender
    chosen = filter_spans([doc[s:e] for s, e in meaning])
    return [(s, *meaning[(s.start, s.end)]) for s in sorted(chosen, key=lambda s: s.start)]


def _body_role(index: ActorIndex, body: SpacySpan, inside: list[tuple[int, int, str]]) -> None:
    """An organisation NER found gets the role its head noun tells, so "le ministère" finds it again."""
    s, e, ent_id = max(inside, key=lambda m: m[1] - m[0])
    ent = index.entities[ent_id]
    if ent.kind == "organization" and ent.role is None:
        mention = body.doc.char_span(s, e, alignment_mode="expand")
        ent.role = _role(index, body, mention)
    if ent.kind == "organization":
        _body_gender(index, ent, body)


def _body_gender(index: ActorIndex, ent: Entity, body: SpacySpan) -> None:
    """An organisation takes the gender of the noun naming it, for pronouns ("l'agence X" ... "elle")."""
    gender = "Fem" if index.lexicon.is_female_title(body.text) else next(iter(body.root.morph.get("Gender")), None)
    if gender:
        index.gender.setdefault(ent.id, gender)


def _trim(ent: SpacySpan, lex: Lexicon, title_tokens: set[int]) -> tuple[SpacySpan | None, str | None]:
    """A named entity without its determiner, honorific or title ("l'OTAN", "M. X", "Président X")."""
    doc, start, end = ent.doc, ent.start, ent.end
    dets, honorifics = lex.determiners, lex.honorifics
    gender = None
    if start > 0 and doc[start - 1].lower_ in honorifics:
        gender = honorifics[doc[start - 1].lower_]
    while start < end and (doc[start].lower_ in dets or doc[start].lower_ in honorifics
                           or start in title_tokens or doc[start].is_punct):
        gender = honorifics.get(doc[start].lower_, gender)
        start += 1
    # "la région de Koursk": the place is Koursk (the cue word still tells its kind later).
    while start + 2 < end and lex.cue_kind(doc[start].text) == "location" and doc[start + 1].pos_ == "ADP":
        start += 2
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (doc[start:end] if end > start else None), gender


def _canonical_names(names: list[SpacySpan]) -> dict[str, str]:
    """fold(name) -> the longest full form its parts belong to ("Irfaan Ali" -> "Mohamed Irfaan Ali")."""
    forms = sorted({n.text for n in names}, key=len, reverse=True)
    out: dict[str, str] = {}
    kept: list[tuple[str, set[str]]] = []
    for form in forms:
        parts = {fold(p) for p in form.replace("-", " ").split()}
        full = next((f for f, p in kept if parts <= p or fold(form) == fold(f)), None)
        if full is None:
            kept.append((form, parts))
            full = form
        out[fold(form)] = full
    return out


def _add_candidate(index: ActorIndex, lex: Lexicon, span: SpacySpan, hit: Hit | None, kind: str,
                   canonical: dict[str, str]) -> Entity | None:
    start, end = span.start_char, span.end_char
    if hit is not None:
        spec = hit.spec
        return index.add(Entity(spec.id, spec.name, spec.kind, spec.country, spec.role), start, end)
    if kind != "person" or len(span) == 1:
        # NER calls a lone surname LOC or ORG ("Belousov"): a person named in full wins.
        person = index.person_named(span.text)
        if person is not None:
            return index.add(person, start, end)
    kind = _cue_kind(span, lex) or kind
    if kind == "other":
        return None  # MISC/NORP without a cue: not an actor
    if kind == "person":
        known = lex.persons.get(fold(span.text))
        name = known.id if known else canonical.get(fold(span.text), span.text)
        return index.add(Entity(name, name, "person", known.country if known else None,
                                known.role if known else None), start, end)
    if kind == "document":  # "l'accord de paix de Dayton": the document's name starts at its cue word
        span = _with_cue(span, lex)
        start = span.start_char
    return index.add(Entity(span.text, span.text, kind, _country_near(index, span)), start, end)


def _with_cue(span: SpacySpan, lex: Lexicon) -> SpacySpan:
    doc, start = span.doc, span.start
    for i in range(start - 1, max(span.sent.start, start - _CUE_REACH) - 1, -1):
        if lex.cue_kind(doc[i].text) == "document":
            return doc[i:span.end]
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX"):
            break
    return span


def _cue_kind(span: SpacySpan, lex: Lexicon) -> str | None:
    """The kind the words around a name tell: "missile Oreshnik", "traité de ...", "région de Koursk"."""
    first = lex.cue_kind(span[0].text)
    if first in ("document", "weapon"):
        return first
    doc = span.doc
    heads = [span.root.head, span.root.head.head]  # "un missile hypersonique à moyenne portée Oreshnik"
    for tok in heads:
        kind = lex.cue_kind(tok.lemma_) or lex.cue_kind(tok.text)
        if kind and tok.i < span.start:
            return kind
    for tok in reversed(doc[max(span.sent.start, span.start - _CUE_REACH):span.start]):
        kind = lex.cue_kind(tok.text) or lex.cue_kind(tok.lemma_)
        if kind:
            return kind
        if tok.is_punct:
            break
    return None


def _country_near(index: ActorIndex, span: SpacySpan) -> str | None:
    """The state a name belongs to, told inside it or just before it ("la ville ukrainienne de X")."""
    left = max(span.sent.start, span.start - _LEFT_REACH)
    return next((index.country_at[t] for t in range(left, span.end) if t in index.country_at), None)


# -- descriptions ------------------------------------------------------------------------------

def _state_word(index: ActorIndex, left: int, right: int) -> str | None:
    """The state a description names: its first state word, or, where two demonyms stand side
    by side, the one the language puts the state in (French "le leader serbe bosnien" is
    Bosnian: `stacked_demonyms = "last"` in actors.toml; English "Bosnian Serb" keeps the first)."""
    found = [t for t in range(left, right) if t in index.country_at]
    if not found:
        return None
    last = index.lexicon is not None and index.lexicon.section("description").get("stacked_demonyms") == "last"
    if last and len(found) >= 2 and found[1] == found[0] + 1 and index.doc is not None \
            and index.doc[found[0]].pos_ == index.doc[found[1]].pos_ == "ADJ":
        return index.country_at[found[1]]
    return index.country_at[found[0]]


def describe(index: ActorIndex, span: SpacySpan) -> Entity | None:
    """The actor a description names, from a title inside the phrase (used by resolve_span)."""
    lex = index.lexicon
    found = index.titles if span.doc is index.doc else lex.find_titles(span.doc)
    titles = filter_spans([t for t in found
                           if t.start >= span.start and t.end <= span.end and t.root.pos_ in _TITLE_POS])
    if titles:
        head = next((t for t in titles if t.start <= span.root.i < t.end), titles[0])
        return describe_title(index, head, create=True, limit=span)
    return None


def describe_title(index: ActorIndex, title: SpacySpan, *, create: bool, limit: SpacySpan | None = None,
                   names_only: bool = False) -> Entity | None:
    """Tie a title to the name it introduces, or to the actor it describes, or make that actor.

    "le ministre russe de la Défense Andreï Belousov": Belousov gets role and state;
    "le président russe" alone: the head of state of RUS named elsewhere, else a new actor;
    "des responsables israéliens" (plural): the state itself.
    """
    doc = title.doc
    lex = index.lexicon
    lo = limit.start if limit is not None else title.sent.start
    hi = limit.end if limit is not None else title.sent.end
    left = _extend_left(index, title, lo)
    raw_right, right = _extend_right(index, title, hi)
    # a name may run past a sentence end the parser put inside it ("... par intérim Phumtham | Wechayachai")
    name_hi = limit.end if limit is not None else len(doc)
    person = None
    if title.label_ == "title":
        person = _person_after(index, doc, raw_right, name_hi) or _person_before(index, doc, left)
    elif title.label_ == "body":
        person = _organization_after(index, title, raw_right)  # "l'agence de presse iranienne Tasnim"
    evidence = [index.entities[m[2]] for m in index._inside(doc[left].idx, doc[right - 1].idx + len(doc[right - 1]))]
    country = _state_word(index, left, right)
    country = country or next((e.id for e in evidence if e.kind == "country"), None)
    country = country or next((e.country for e in evidence if e.kind != "person" and e.country), None)
    role = _role(index, title, doc[left:right])
    if names_only and person is None:
        return None
    female = lex.is_female_title(title.text) or _det_gender(doc, left) == "Fem"
    start, end = _strip_determiners(lex, doc, left, right)
    if title.label_ == "group":
        if start >= end:
            return None
        name = doc[start:end].text
        ent = _earlier_group(index, title, left) or Entity(name, name, "group", country)
        return _named_by(index, ent, doc[start:end])
    force = _force_of(index, evidence) if title.label_ == "state" and country is None else None
    if force is not None:  # "UN forces" in a story naming MONUSCO
        return _named_by(index, force, doc[start:end])
    if title.label_ == "state" or (person is None and _plural(title)):
        if country is None and title.label_ == "state" and not _plural(title):
            # "le pays", "the country": the state named last before it
            last = index.find(role=None, country=None, kind="country", before=title.start_char)
            named_before = last is not None and any(m.start < title.start_char for m in last.mentions)
            country = last.id if named_before else None
        if country is None:
            return None
        state = index.known(country)
        return state if state is None else _named_by(index, state, doc[start:end])
    # "le secrétaire général de l'ONU": an office of an organisation that belongs to no state
    body = None if country or title.label_ != "title" else next(
        (e.id for e in evidence if e.kind in ("organization", "bloc") and not e.country), None)
    if person is not None:
        ent = person
        if role and not roles_match(role, ent.role):
            ent.role = role  # the text's title wins over the table's (an old article, a new office)
        ent.country = ent.country or country
        ent.body = ent.body or body
    else:
        kind = "organization" if title.label_ == "body" else "person"
        ent = index.find(role=role, country=country, kind=kind, before=title.start_char)
        if ent is None and (role is None or (kind == "organization" and country is None)):
            return None  # "le ministère" with no ministry named before: nobody in particular
        if ent is None:
            if not create:
                return None
            name = doc[start:end].text
            ent = Entity(name, name, kind, country, role)
        ent.country = ent.country or country
        ent.body = ent.body or body
    if female:
        index.gender[ent.id] = "Fem"
    elif ent.kind == "organization":
        _body_gender(index, ent, title)
    return _named_by(index, ent, doc[start:end])


def _named_by(index: ActorIndex, ent: Entity, words: SpacySpan) -> Entity:
    """`ent`, with `words` recorded as one of its mentions when there are any."""
    return index.add(ent, words.start_char, words.end_char) if len(words) else ent


def _force_of(index: ActorIndex, evidence: list[Entity]) -> Entity | None:
    """The armed force named in the article of a stateless organisation the description holds ("UN troops")."""
    forces = index.lexicon.section("forces")
    for org in evidence:
        role = forces.get(org.id) if org.kind == "organization" and not org.country else None
        force = index.find(role=role, country=None, kind="organization") if role else None
        if force is not None and force.role == role:
            return force
    return None


def _earlier_group(index: ActorIndex, title: SpacySpan, left: int) -> Entity | None:
    """"les sources" after "des sources bien informées": a definite group noun is the group named before."""
    det = title.doc[left - 1] if left > 0 else None
    if det is None or "Def" not in det.morph.get("Definite"):
        return None
    key = fold(title.root.text)
    before = [e for e in index.ordered if e.kind == "group" and fold(e.name.split()[0]) == key
              and any(m.end <= title.start_char for m in e.mentions)]
    return before[-1] if before else None


def _extend_left(index: ActorIndex, title: SpacySpan, lo: int) -> int:
    doc = title.doc
    left = title.start
    while left - 1 >= max(lo, title.start - _LEFT_REACH):
        tok = doc[left - 1]
        if tok.pos_ not in _LEFT_POS or _starts_actor(index, tok) or _in_person(index, tok):
            break
        left -= 1
    return left


def _extend_right(index: ActorIndex, title: SpacySpan, hi: int) -> tuple[int, int]:
    """Where the words after a title end (a name may follow), and where its informative part ends."""
    doc = title.doc
    right = title.end
    while right < min(hi, title.end + _RIGHT_REACH):
        tok, prev = doc[right], doc[right - 1]
        adverb_of_adjective = tok.pos_ == "ADV" and right + 1 < len(doc) and doc[right + 1].pos_ == "ADJ"
        if (tok.pos_ in _STOP_POS and not adverb_of_adjective) or tok.is_punct or _starts_actor(index, tok):
            break  # "des sources bien informées" goes on over "bien"
        # "le secrétaire général | la déclaration": a new noun phrase starts without a preposition
        if tok.pos_ == "DET" and prev.pos_ != "ADP":
            break
        if tok.pos_ == "NOUN" and prev.pos_ not in ("ADP", "DET") and prev.i >= title.end:
            break
        if tok.pos_ == "PROPN" and right not in index.country_at and not index._inside(tok.idx, tok.idx + len(tok)) \
                and prev.pos_ not in ("ADP", "DET"):
            break  # a name, not a word of the description ("le Premier ministre par intérim | Phumtham X")
        right += 1
    raw = right
    # keep the words that say whose office it is; drop a trailing "of involvement in the stunt"
    while right > title.end and (doc[right - 1].pos_ in ("DET", "ADP") or doc[right - 1].lower_ in
                                 index.lexicon.determiners or _uninformative(index, doc[right - 1])):
        right -= 1
    return raw, right


def _uninformative(index: ActorIndex, tok: Token) -> bool:
    """A common noun that names no actor, state, office or body."""
    return (tok.pos_ == "NOUN" and tok.text[:1].islower() and tok.i not in index.title_tokens
            and tok.i not in index.country_at and not index._inside(tok.idx, tok.idx + len(tok)))


def _person_after(index: ActorIndex, doc: Doc, right: int, hi: int) -> Entity | None:
    """The person named right after a title, possibly after a comma ("le porte-parole, X").

    Capitalised words right after a title are a name even where NER missed or mislabelled them:
    they become a person, absorbing the entity NER made of a part of them.
    """
    i = right
    if i < hi and doc[i].text == "(":  # "le vice-ministre russe des Affaires étrangères (MID), X"
        close = next((k for k in range(i, min(hi, i + 6)) if doc[k].text == ")"), None)
        i = close + 1 if close is not None else i
    if i < hi and doc[i].text == ",":
        i += 1
    if i >= hi:
        return None
    person = _starts_actor(index, doc[i])
    if person is not None:
        return person
    j = i
    while j < hi and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j not in index.country_at \
            and "\n" not in doc[j - 1].whitespace_:
        j += 1
    if j - i < 2:
        return None  # one capitalised word may be a place or a body; two or more make a name
    name = doc[i:j].text
    wrong = {index.entities[m[2]].id for m in index._inside(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))}
    if any(index.entities[w].kind in ("country", "bloc") for w in wrong):
        return None
    person = index.add(Entity(name, name, "person"), doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
    parts = {fold(p) for p in name.split()}
    wrong |= {e.id for e in index.entities.values() if e.kind in _NER_NOISE and fold(e.name) in parts}
    for w in wrong:
        index.absorb(index.entities[w], person)
    return person


def _person_before(index: ActorIndex, doc: Doc, left: int) -> Entity | None:
    """The person a title stands in apposition to: "Christophe Lemoine, porte-parole du ministère"."""
    j = left - 1
    if j >= 0 and doc[j].pos_ == "DET":
        j -= 1
    if j < 1 or doc[j].text != ",":
        return None
    ent = index.covering(doc[j - 1].idx, doc[j - 1].idx + len(doc[j - 1]))
    if ent is None or ent.kind != "person":
        return None
    # the name must end right before the comma, not merely hold its last word
    ends = any(m.end == doc[j - 1].idx + len(doc[j - 1]) for m in ent.mentions)
    return ent if ends else None


def _starts_actor(index: ActorIndex, tok: Token, kind: str = "person") -> Entity | None:
    """The actor of this kind (a person unless told) whose mention starts at `tok`."""
    for s, _e, ent_id in index._inside(tok.idx, tok.idx + 10_000)[:3]:
        if s == tok.idx and index.entities[ent_id].kind == kind:
            return index.entities[ent_id]
    return None


def _organization_after(index: ActorIndex, body: SpacySpan, right: int) -> Entity | None:
    """The organisation a body noun introduces, past adjectives only ("l'agence de presse officielle Irna")."""
    doc = body.doc
    for i in range(body.end, min(right + 1, len(doc))):
        org = _starts_actor(index, doc[i], "organization")
        if org is not None:
            return org
        if doc[i].pos_ != "ADJ" and i not in index.country_at:
            return None
    return None


def _in_person(index: ActorIndex, tok: Token) -> bool:
    ent = index.at(tok.idx, tok.idx + len(tok))
    return ent is not None and ent.kind == "person"


def _role(index: ActorIndex, title: SpacySpan, phrase: SpacySpan) -> str | None:
    """The title's role, with its portfolio ("ministre ... de la Défense" -> "defence minister")."""
    role = index.lexicon.role_of_title(title.text)
    if role == "counterpart":
        return None  # "son homologue chinois": any office, told by the state alone
    portfolio = next((p for (s, e), p in index.portfolios.items() if phrase.start <= s and e <= phrase.end), None)
    if role and portfolio and role.endswith(("minister", "ministry")):  # "ministre ... de la Défense"
        if portfolio.endswith(role):
            return portfolio
        last = role.rsplit(" ", 1)[-1]
        return role[: -len(last)] + f"{portfolio} {last}"  # "deputy minister" -> "deputy foreign minister"
    return role


def _det_gender(doc: Doc, left: int) -> str | None:
    if left == 0 or doc[left - 1].pos_ != "DET":
        return None
    g = doc[left - 1].morph.get("Gender")
    return g[0] if g else None


def _plural(title: SpacySpan) -> bool:
    return "Plur" in title[-1].morph.get("Number")


def _strip_determiners(lex: Lexicon, doc: Doc, left: int, right: int) -> tuple[int, int]:
    while left < right and (doc[left].lower_ in lex.determiners or doc[left].is_punct):
        left += 1
    return left, right
