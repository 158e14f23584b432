"""The index that links text to actors, shared by the quotes and events components.

The entities component builds it (see entities.py); later components ask it which actor a
character range (`at`), a noun phrase (`resolve_span`) or a pronoun (`resolve_pronoun`) names.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dixit.components.lexicon import Lexicon, fold
from dixit.model import Entity, Span

# Roles that name the same office seen from different words ("le dirigeant nord-coréen").
_LEADERS = {"leader", "head of state", "head of government", "supreme leader", "junta chief", "president-elect"}
_DIPLOMATIC = ("foreign", "ambassador", "envoy", "diplomat")
# A plural pronoun stands for a body, a state or a group rather than one person.
_COLLECTIVE = {"organization", "country", "group", "bloc"}
# How many earlier mentions a pronoun looks back at, and across how many paragraph breaks (a quotation
# may run over paragraphs: "X said.\n“A.\n“B,” he said.").
_LOOKBACK = 40
# Dependencies that tie a name to the noun it stands beside ("le chancelier | Yvan Gil").
_NAME_LINKS = {"appos", "flat", "flat:name", "compound"}
_MAX_PARAGRAPHS = 2


def roles_match(wanted: str | None, role: str | None) -> bool:
    """A description's role fits an actor's: same office, or the general word for it ("ministre")."""
    if not wanted:
        return True
    if not role:
        return False
    if wanted == role or (wanted in _LEADERS and role in _LEADERS):
        return True
    if wanted == "diplomat":  # "le diplomate" is the foreign minister, the ambassador or the envoy
        return any(w in role for w in _DIPLOMATIC)
    # the general word for a more precise office: "minister" / "deputy minister" / "deputy foreign minister"
    return set(wanted.split()) <= set(role.split())


@dataclass
class ActorIndex:
    entities: dict[str, Entity] = field(default_factory=dict)
    # (start, end, entity id), sorted by start
    _mentions: list[tuple[int, int, str]] = field(default_factory=list)
    doc: Doc | None = None
    lexicon: Lexicon | None = None
    # The article's entity list, kept in step with `entities` (new actors found late land there too).
    ordered: list[Entity] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # entity id -> "Masc" | "Fem"
    country_at: dict[int, str] = field(default_factory=dict)  # token index -> the state a table word names
    title_tokens: set[int] = field(default_factory=set)  # tokens of titles and bodies ("porte-parole")
    portfolios: dict[tuple[int, int], str] = field(default_factory=dict)  # token range -> "defence"

    # -- building ----------------------------------------------------------------------------
    def add(self, entity: Entity, start: int, end: int) -> Entity:
        known = self.entities.get(entity.id)
        if known is None:
            known = self.entities[entity.id] = entity
            self.ordered.append(entity)
        known.country = known.country or entity.country
        known.role = known.role or entity.role
        if Span(start, end) not in known.mentions:
            known.mentions.append(Span(start, end))
            known.mentions.sort(key=lambda s: (s.start, s.end))
            insort(self._mentions, (start, end, known.id))
        return known

    def known(self, actor_id: str) -> Entity | None:
        """The entity of a table actor (a state by its ISO code), made on first use."""
        if actor_id in self.entities:
            return self.entities[actor_id]
        spec = self.lexicon.specs.get(actor_id) if self.lexicon else None
        return Entity(spec.id, spec.name, spec.kind, spec.country, spec.role) if spec else None

    def absorb(self, other: Entity, into: Entity) -> None:
        """Merge an entity NER got wrong ("Wechayachai" as ORG) into the actor it names."""
        if other.id == into.id or other.id not in self.entities:
            return
        del self.entities[other.id]
        self.ordered[:] = [e for e in self.ordered if e.id != other.id]
        self._mentions = [m for m in self._mentions if m[2] != other.id]
        for m in other.mentions:
            self.add(into, m.start, m.end)

    # -- lookups -----------------------------------------------------------------------------
    def at(self, start: int, end: int) -> Entity | None:
        """The actor with a mention inside [start, end), the longest one first."""
        inside = self._inside(start, end)
        if not inside:
            return None
        s, e, ent = max(inside, key=lambda m: m[1] - m[0])
        return self.entities[ent]

    def covering(self, start: int, end: int) -> Entity | None:
        """The actor with a mention that holds [start, end) (the name a word belongs to)."""
        i = bisect_right(self._mentions, (start, 1 << 62, ""))
        for s, e, ent in reversed(self._mentions[max(0, i - _LOOKBACK):i]):
            if s <= start and end <= e:
                return self.entities[ent]
        return None

    def _inside(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect_right(self._mentions, (end, end, ""))
        j = bisect_left(self._mentions, (start,))  # the first mention that starts at `start` or after
        return [m for m in self._mentions[j:i] if m[1] <= end]

    def find(self, *, role: str | None, country: str | None, kind: str = "person",
             before: int | None = None) -> Entity | None:
        """The actor of that office and state, the one named last before `before` first."""
        ranked = sorted(self._mentions, key=lambda m: (before is not None and m[0] > before, -m[0]))
        stateless = None  # "Prime Minister X" with no state said: "the Solomon Islands PM" may be X
        for _, _, ent_id in ranked:
            ent = self.entities[ent_id]
            if ent.kind != kind or not roles_match(role, ent.role):
                continue
            if country is None or ent.country == country:
                return ent
            if ent.country is None and role is not None and stateless is None:
                stateless = ent
        return stateless

    def resolve_span(self, span: SpacySpan) -> Entity | None:
        """The actor a noun phrase names: a pronoun's antecedent, a named actor inside it, a description.

        The mention that holds the phrase's head word wins ("le porte-parole du Kremlin" is the
        spokesperson, not the Kremlin); else the longest one ("les forces ukrainiennes" -> UKR).
        A description nobody was named by becomes an actor of its own ("un haut responsable américain").
        """
        if len(span) == 1 and self.lexicon and span[0].lower_ in self.lexicon.pronouns:
            return self.resolve_pronoun(span[0])
        inside = self._inside(span.start_char, span.end_char)
        root = span.root
        holding = [m for m in inside if m[0] <= root.idx < m[1]]
        if holding:
            s, e, ent = max(holding, key=lambda m: m[1] - m[0])
            return self.entities[ent]
        if self.lexicon is not None:
            # the head is an office or a body ("a top UN official", "les autorités bulgares")
            from dixit.components.entities import describe

            described = describe(self, span)
            if described is not None:
                return described
        if inside:
            s, e, ent = max(inside, key=lambda m: m[1] - m[0])
            return self.entities[ent]
        return None

    @cached_property
    def titles(self) -> list[SpacySpan]:
        """The lexicon's titles and bodies in the article (see Lexicon.find_titles), matched once."""
        return self.lexicon.find_titles(self.doc) if self.lexicon is not None and self.doc is not None else []

    @cached_property
    def _text(self) -> str:
        # Doc.text joins every token anew on each call: read it once per article.
        return self.doc.text if self.doc is not None else ""

    def resolve_pronoun(self, token: Token, skip: Callable[[int, int], bool] | None = None) -> Entity | None:
        """The actor a personal pronoun stands for (see `antecedent`)."""
        return self.antecedent(token, skip)[0]

    def antecedent(self, token: Token, skip: Callable[[int, int], bool] | None = None) -> tuple[Entity | None, bool]:
        """The actor a personal pronoun stands for, and whether it was the subject nearby.

        Candidates are the actors named before it in the same or the previous paragraph whose
        kind, gender and number agree; the last one named as a subject wins over a closer one
        named as an object (news prose keeps its subject: "Kim a reçu Belousov. Il a dit..."),
        provided it is in the same or the previous sentence. Mentions for which `skip(start, end)`
        holds (words inside a quotation) are passed over.
        """
        if self.lexicon is None:
            return self._last_person(token.idx), False
        agreement = self.pronoun_agreement(token)
        if agreement is None:
            return None, False
        gender, number = agreement
        sent_start = token.sent.start
        previous_sent = token.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        fallback: Entity | None = None
        i = bisect_right(self._mentions, (token.idx, token.idx, ""))
        for start, end, ent_id in reversed(self._mentions[max(0, i - _LOOKBACK):i]):
            if end > token.idx or (skip is not None and skip(start, end)):
                continue
            if self._text[end:token.idx].count("\n") > _MAX_PARAGRAPHS:
                break
            ent = self.entities[ent_id]
            if not self._agrees(ent, gender, number, start, end):
                continue
            head = self._head(start, end)
            if head is None:
                continue
            if head.i >= previous_sent and _role_in_clause(head).dep_.startswith("nsubj"):
                return ent, True
            fallback = fallback or ent
        return fallback, False

    def pronoun_agreement(self, token: Token) -> tuple[str, str] | None:
        """(gender, number) a pronoun asks of its antecedent; clitics "a-t-il" count as "il"."""
        agreement = self.lexicon.pronouns.get(token.lower_.rsplit("-", 1)[-1]) if self.lexicon else None
        if agreement is None:
            return None
        gender = agreement.get("gender") or str(token.morph.get("Gender")[0] if token.morph.get("Gender") else "")
        return gender, agreement.get("number", "Sing")

    def agrees(self, ent: Entity, pronoun: Token) -> bool:
        """Whether a pronoun may stand for an actor, judged on the actor's last mention before it."""
        agreement = self.pronoun_agreement(pronoun)
        before = [m for m in ent.mentions if m.end <= pronoun.idx]
        if agreement is None or not before:
            return agreement is None
        return self._agrees(ent, *agreement, before[-1].start, before[-1].end)

    # -- helpers -----------------------------------------------------------------------------
    def _head(self, start: int, end: int) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None else None

    def _agrees(self, ent: Entity, gender: str, number: str, start: int, end: int) -> bool:
        if number == "Plur":
            return ent.kind in _COLLECTIVE
        if gender == "Neut":
            return ent.kind in _COLLECTIVE
        if ent.kind != "person":
            if ent.id in self.gender:  # an organisation whose noun tells ("l'agence KCNA" ... "elle")
                return number == "Sing" and self.gender[ent.id] == gender
            # "elle" may stand for "la Russie": a body or state of the pronoun's grammatical gender.
            head = self._head(start, end)
            return (bool(gender) and ent.kind in _COLLECTIVE and head is not None and self._fem_state(head, gender)
                    and "Plur" not in head.morph.get("Number"))  # "elle" is not "les sources"
        known = self.gender.get(ent.id)
        return not gender or known is None or known == gender

    @staticmethod
    def _fem_state(head: Token, gender: str) -> bool:
        det = next((c for c in head.children if c.dep_ == "det"), None)
        marks = (det.morph.get("Gender") if det is not None else []) or head.morph.get("Gender")
        return gender == "Fem" and "Fem" in marks

    def _last_person(self, before: int) -> Entity | None:
        for s, _, ent in reversed(self._mentions):
            if s < before and self.entities[ent].kind == "person":
                return self.entities[ent]
        return None

    def person_named(self, text: str) -> Entity | None:
        """A person of this article whose name has `text` as one of its parts ("Belousov")."""
        key = fold(text)
        if not key:
            return None
        found = {e.id for e in self.entities.values() if e.kind == "person" and key in _parts(e)}
        return self.entities[found.pop()] if len(found) == 1 else None


def _role_in_clause(head: Token) -> Token:
    """The word that stands for a name in its clause: "Yvan Gil" in "le chancelier Yvan Gil a dit" is the title's."""
    for _ in range(3):
        if head.dep_ not in _NAME_LINKS or head.head is head:
            break
        head = head.head
    return head


def _parts(ent: Entity) -> set[str]:
    return {fold(p) for p in ent.name.replace("-", " ").split() if len(fold(p)) > 1} | {fold(ent.name)}
