"""Who acts and who is acted upon: an event's source and target read from the parse.

Subjects, objects, passive agents and prepositional complements ("avec", "contre", "with",
"against") of a verb; modifiers and complements of a noun ("les frappes russes", "la
réunion avec X"). The dependency labels and prepositions are language data (`[syntax]`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from dixit.components.actors import ActorIndex
from dixit.components.events.rules import Rules, Trigger
from dixit.components.strings import entity_spans
from dixit.model import Entity, Quote

# Labels of the prepositional object under an English-style preposition ("with" → pobj).
_PREP_OBJECTS = {"pobj", "pcomp"}


@dataclass
class Arguments:
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    fallback_sources: list[Token] = field(default_factory=list)  # used when `sources` names no actor
    fallback_targets: list[Token] = field(default_factory=list)  # used when `targets` names no actor
    joint: bool = False  # sources are coordinated subjects that may act on each other ("X et Y ont signé")


def prep_phrases(tok: Token, rules: Rules) -> Iterator[tuple[str, Token]]:
    """(preposition, noun) for each prepositional complement of `tok`, in both UD and ClearNLP styles."""
    oblique = rules.deps("oblique") | rules.deps("agent")
    for child in tok.children:
        if child.dep_ not in oblique:
            continue
        if child.pos_ == "ADP":  # English: the preposition heads its object
            for obj in child.children:
                if obj.dep_ in _PREP_OBJECTS:
                    yield child.lower_, obj
        else:
            case = next((c for c in child.children if c.dep_ in ("case", "fixed")), None)
            if case is not None:
                yield case.lower_, child


def complements(tok: Token, rules: Rules, preps: frozenset[str]) -> list[Token]:
    """The nouns behind the given prepositions among `tok`'s complements ("avec X", "contre Y")."""
    return [n for p, n in prep_phrases(tok, rules) if p in preps]


def subject(tok: Token, rules: Rules, depth: int = 0) -> list[Token]:
    """The subject of a verb, inherited through control verbs, coordination and modified nouns."""
    found = [c for c in tok.children if c.dep_ in rules.deps("subject")]
    if found or depth > 4:
        return found
    if tok.dep_ in rules.deps("control") and tok.head.i != tok.i:
        # Object control: "accuse l'Iran d'avoir attaqué", "urged Russia to withdraw".
        objects = [c for c in tok.head.children if c.dep_ in rules.deps("object")]
        return objects or subject(tok.head, rules, depth + 1)
    if tok.dep_ in rules.deps("prep_control") and tok.head.head.i != tok.head.i:
        # "accused Rwanda of backing X": the gerund after a preposition, controlled like an infinitive.
        governor = tok.head.head
        objects = [c for c in governor.children if c.dep_ in rules.deps("object")]
        return objects or subject(governor, rules, depth + 1)
    if tok.dep_ == rules.syntax.get("coordination", "conj") and tok.head.i != tok.i:
        return subject(tok.head, rules, depth + 1)
    if tok.dep_ in rules.deps("predicative") and tok.head.i != tok.i:
        # "X is committed to...": a predicative participle or adjective takes the subject of its copula.
        return subject(tok.head, rules, depth + 1)
    if tok.dep_ in rules.deps("modifier_clause") and not _is_passive(tok, rules):
        return [tok.head]
    # "..., accusant X de...": a participle or gerund shares the subject of its clause.
    participle = bool(set(tok.morph.get("VerbForm")) & {"Part", "Ger"})
    if tok.dep_ in rules.deps("adverbial_clause") and participle and tok.head.i != tok.i:
        return subject(tok.head, rules, depth + 1)
    return []


def _is_passive(tok: Token, rules: Rules) -> bool:
    return any(c.dep_ in rules.deps("passive_subject") or c.dep_ in ("aux:pass", "auxpass") for c in tok.children)


def verb_arguments(tok: Token, trig: Trigger, rules: Rules) -> Arguments:
    args = Arguments()
    targets_by_prep = rules.deps("target_preps") | trig.target_preps
    if _is_passive(tok, rules):
        args.targets = [c for c in tok.children if c.dep_ in rules.deps("passive_subject")]
        if not args.targets and tok.dep_ in rules.deps("modifier_clause"):
            args.targets = [tok.head]  # "les diplomates expulsés par X"
        args.sources = complements(tok, rules, rules.deps("agent_preps"))
    else:
        args.sources, args.joint = subject(tok, rules), True
        if not trig.theme_object:
            args.targets = [c for c in tok.children if c.dep_ in rules.deps("object")] or _shared_object(tok, rules)
    # Complements come after the object: "accuse X d'ingérence en Y" targets X, not Y.
    args.fallback_targets = [c for c in tok.children if c.dep_ in rules.deps("dative")]
    phrases = list(prep_phrases(tok, rules))
    args.fallback_targets += [n for p, n in phrases if p in targets_by_prep] + relayed_targets(phrases, rules)
    if trig.theme_object:  # "livrer des armes à la Russie": the receiver may hang on the thing sent
        for obj in (c for c in tok.children if c.dep_ in rules.deps("object")):
            args.fallback_targets += complements(obj, rules, targets_by_prep)
    return args


def _shared_object(tok: Token, rules: Rules) -> list[Token]:
    """Coordinated verbs share one object: "rejette et condamne la tenue de X" (the object hangs on the last)."""
    conj = rules.syntax.get("coordination", "conj")
    for verb in tok.children:
        if verb.dep_ == conj and verb.pos_ == "VERB":
            objects = [c for c in verb.children if c.dep_ in rules.deps("object")]
            if objects:
                return objects
    return []


def noun_arguments(tok: Token, trig: Trigger, rules: Rules) -> Arguments:
    args = Arguments()
    targets_by_prep = rules.deps("target_preps") | trig.target_preps
    phrases = list(prep_phrases(tok, rules))
    # With an agent ("l'expulsion par X de diplomates"), the "de" complement is the one acted upon.
    has_agent = any(p in rules.deps("agent_preps") for p, _ in phrases)
    for prep, noun in phrases:
        if prep in rules.deps("agent_preps"):
            args.sources.append(noun)
        elif prep in rules.deps("noun_source_preps"):
            (args.targets if has_agent else args.sources).append(noun)
        elif prep in targets_by_prep:
            args.targets.append(noun)
    args.targets += relayed_targets(phrases, rules)
    # Demonyms and possessives name the actor when no complement does: "les frappes russes".
    if not args.sources:
        args.sources = [c for c in tok.children if c.dep_ in rules.deps("noun_modifier")]
    controller = _controller(tok, rules)
    args.fallback_sources = [controller] if controller is not None else _governor_subject(tok, rules)
    args.joint = True  # "X et Y ont eu un entretien"
    args.fallback_targets = _misattached_targets(phrases, has_agent, targets_by_prep, rules)
    if controller is not None:  # "accuse X de collusion avec Y": "avec Y" may hang on the verb
        args.fallback_targets += complements(controller.head, rules, targets_by_prep)
    if tok.dep_ in rules.deps("subject") and tok.head.pos_ in ("VERB", "AUX"):
        # "un entretien a eu lieu entre X et Y", "des combats ont éclaté avec X": the verb only says it happened.
        between = rules.deps("between_preps") | targets_by_prep
        args.fallback_targets += complements(tok.head, rules, between)
        args.fallback_targets += _between_in_clause(tok.head, rules)
    statement = _carrier(tok, rules)
    if statement.dep_ in rules.deps("object"):
        # "a remis une (note de) protestation à X": a statement goes to the addressee of its verb;
        # "waged an offensive on X": a light verb carries the target of the act it names, whatever its type.
        addressees = list(prep_phrases(statement.head, rules))
        if statement != tok and rules.verbal(trig.type):  # the parser often hangs "à X" on the carrier noun
            addressees += prep_phrases(statement, rules)
        args.fallback_targets += [n for p, n in addressees if p in targets_by_prep]
    return args


def relayed_targets(phrases: list[tuple[str, Token]], rules: Rules) -> list[Token]:
    """Complex prepositions end in a noun that hands on to its complement: "en faveur de X",
    "à l'égard de X", "à l'encontre de X" (`relay_nouns` in events.toml)."""
    relays, own = rules.deps("relay_nouns"), rules.deps("noun_source_preps")
    return [inner for _, noun in phrases if noun.lemma_.lower() in relays for inner in complements(noun, rules, own)]


def _misattached_targets(phrases: list[tuple[str, Token]], has_agent: bool, targets_by_prep: frozenset[str],
                         rules: Rules) -> list[Token]:
    """Targets the parser hung on the noun's own actor rather than on the noun: "le soutien
    d'Ankara à la Somalie", "l'expulsion par la Bulgarie de diplomates russes"."""
    out = []
    agent, own = rules.deps("agent_preps"), rules.deps("noun_source_preps")
    for prep, noun in phrases:
        if prep not in agent | own:
            continue
        inner_phrases = list(prep_phrases(noun, rules))
        for inner_prep, inner in inner_phrases:
            acted_upon = has_agent and prep in agent and inner_prep in own
            if inner_prep in targets_by_prep or acted_upon:
                out.append(inner)
        out += relayed_targets(inner_phrases, rules)
    return out


def _carrier(tok: Token, rules: Rules) -> Token:
    """The noun a trigger noun qualifies as its complement ("une note de protestation" -> "note")."""
    if tok.dep_ in rules.deps("oblique") and tok.head.pos_ == "NOUN" and any(
            c.dep_ == "case" and c.lower_ in rules.deps("noun_source_preps") for c in tok.children):
        return tok.head
    return tok


def _between_in_clause(verb: Token, rules: Rules) -> list[Token]:
    """"Les combats se poursuivaient ... à la frontière entre X et Y": the pair named anywhere
    in the clause, however deep the parser hung it (not inside a clause of its own)."""
    between, clausal = rules.deps("between_preps"), rules.deps("clausal") - {"conj", "cc"}
    out, stack = [], [c for c in verb.children if c.dep_ not in clausal]
    while stack:
        tok = stack.pop()
        if any(c.dep_ == "case" and c.lower_ in between for c in tok.children):
            out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in clausal)
    return out


def _controller(tok: Token, rules: Rules) -> Token | None:
    """The object of a verb of blame or praise that the act noun is about: "accuse X de collusion",
    "félicite X pour son aide" (`[control]` in events.toml); the parser may hang the noun on X."""
    verbs, preps = rules.control_verbs, rules.control_preps
    case = next((c.lower_ for c in tok.children if c.dep_ in ("case", "prep")), None)
    if tok.pos_ == "ADP" or case not in preps or tok.dep_ not in rules.deps("oblique"):
        return None
    head = tok.head
    if head.dep_ in rules.deps("object") and head.head.lemma_.lower() in verbs:
        return head
    if head.lemma_.lower() in verbs:
        return next((c for c in head.children if c.dep_ in rules.deps("object")), None)
    return None


def _governor_subject(tok: Token, rules: Rules) -> list[Token]:
    """A noun trigger without its own actor takes the subject of the verb it depends on
    ("Kim a fait ces remarques lors d'une réunion avec X")."""
    head, hops = tok, 0
    while head.head.i != head.i and hops < 3:
        head, hops = head.head, hops + 1
        if head.pos_ in ("VERB", "AUX"):
            return subject(head, rules)
    return []


class Resolver:
    """Turns argument tokens into entities through the shared ActorIndex."""

    def __init__(self, actors: ActorIndex, rules: Rules, quotes: list[Quote] | None = None,
                 excluded: list[tuple[int, int]] | None = None):
        self.actors, self.rules = actors, rules
        self.quotes = quotes or []
        self.excluded = excluded or []  # character ranges that name no actor (date expressions)
        self._skip = rules.deps("clausal")
        self._cache: dict[int, Entity | None] = {}  # token index -> actor: arguments are read more than once

    def usable(self, tok: Token) -> bool:
        """Whether a token may head an argument: "dimanche" in "a accusé dimanche X" may not."""
        return not any(s <= tok.idx < e for s, e in self.excluded)

    def entities(self, tok: Token) -> list[Entity]:
        """The actors a phrase names: its head and the heads coordinated with it; for
        "les relations entre X et Y", X and Y."""
        between = complements(tok, self.rules, self.rules.deps("between_preps"))
        if between and self.entity(tok) in (None, *[self.entity(b) for b in between]):
            tok = between[0]
        out = []
        for head in [tok, *self._conjuncts(tok)]:
            ent = self.entity(head)
            if ent is not None and ent not in out:
                out.append(ent)
        return out

    def _conjuncts(self, tok: Token) -> list[Token]:
        conj = self.rules.syntax.get("coordination", "conj")
        subtree = list(tok.subtree)
        inside = {c.i for c in subtree}  # once, not once per token of the subtree
        return [t for t in subtree if t.dep_ == conj and t.head.i in inside
                and t.i != tok.i and self._same_phrase(tok, t)]

    def _same_phrase(self, head: Token, tok: Token) -> bool:
        """Whether `tok` is coordinated with `head`, also through the name in apposition to it
        ("le président russe Vladimir Poutine et le président américain": the second hangs on the name)."""
        links = {self.rules.syntax.get("coordination", "conj")} | self.rules.deps("apposition")
        while tok.i != head.i and tok.dep_ in links:
            tok = tok.head
        return tok.i == head.i

    def entity(self, tok: Token) -> Entity | None:
        if tok.i not in self._cache:
            self._cache[tok.i] = self._entity(tok)
        return self._cache[tok.i]

    def _entity(self, tok: Token) -> Entity | None:
        if tok.pos_ == "PRON" and tok.ent_iob_ in ("", "O"):  # a name tagged PRON ("Kiev") is still a name
            relative = "Rel" in tok.morph.get("PronType") or tok.lower_ in self.rules.deps("relative")
            if relative and tok.head.dep_ in self.rules.deps("modifier_clause"):
                return self.entity(tok.head.head)
            if "1" in tok.morph.get("Person"):  # "nous rejetons": the one quoted speaks
                return self._speaker_around(tok)
            excluded = self._subject_ids(tok)
            return self.actors.resolve_pronoun(tok, lambda s, e: self._named_at(s, e) in excluded)
        first, last = self._core_tokens(tok)
        ent = self._named_entity(tok)
        if ent is not None:  # a name the parser split ("Emmanuel" + "Macron" as advmod)
            first, last = min(first, ent.start), max(last, ent.end - 1)
        return self.actors.resolve_span(tok.doc[first:last + 1])

    def _named_at(self, start: int, end: int) -> str | None:
        ent = self.actors.at(start, end)
        return ent.id if ent is not None else None

    def _subject_ids(self, pronoun: Token) -> frozenset[str]:
        """The actors an object pronoun cannot stand for: the subject of its own verb."""
        if pronoun.dep_ in self.rules.deps("subject") or pronoun.head.i == pronoun.i:
            return frozenset()
        return frozenset(e.id for s in subject(pronoun.head, self.rules) if s.i != pronoun.i
                         for e in self.entities(s))

    def _speaker_around(self, tok: Token) -> Entity | None:
        inside = [q for q in self.quotes if q.start <= tok.idx < q.end and q.speaker]
        if not inside:
            return None
        speaker = min(inside, key=lambda q: q.end - q.start).speaker
        return self.actors.entities.get(speaker)

    @staticmethod
    def _named_entity(tok: Token):
        if tok.ent_iob_ in ("", "O"):
            return None
        return next((e for e in entity_spans(tok.doc) if e.start <= tok.i < e.end), None)

    def _core_tokens(self, tok: Token) -> tuple[int, int]:
        """First and last token of a noun phrase without its clauses and coordinated parts."""
        tokens = [tok]
        stack = [c for c in tok.children if c.dep_ not in self._skip]
        while stack:
            t = stack.pop()
            tokens.append(t)
            stack.extend(c for c in t.children if c.dep_ not in self._skip)
        return min(t.i for t in tokens), max(t.i for t in tokens)

    def core(self, tok: Token) -> tuple[int, int]:
        """Character range of the noun phrase `tok` heads (see `_core_tokens`)."""
        first, last = self._core_tokens(tok)
        return tok.doc[first].idx, tok.doc[last].idx + len(tok.doc[last])
