"""Who speaks: a cue's noun phrase or pronoun, resolved through the actor index."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dixit.components.actors import roles_match
from dixit.components.context import Context
from dixit.components.quotes.data import QuoteData, fold
from dixit.components.quotes.syntax import NOMINAL, is_coordinated, np_bounds
from dixit.model import Entity, Span

if TYPE_CHECKING:
    from dixit.components.quotes import Found

# A pronoun ("Il a ajouté") stands for the previous speaker when that quote is this close (chars).
_PRONOUN_REACH = 1200


class Resolver:
    def __init__(self, ctx: Context, data: QuoteData, quoted: list[tuple[int, int]] | None = None) -> None:
        self.ctx, self.data = ctx, data
        self.last: tuple[str, int] | None = None  # (entity id, end of its quote)
        self.quoted = sorted(quoted or [])  # direct quotations: no antecedent is named inside them

    def speaker(self, f: Found) -> None:
        if f.follows is not None:
            f.entity, f.mention, f.co_speakers = f.follows.entity, f.follows.mention, list(f.follows.co_speakers)
        elif f.speaker_chars is not None and self.ctx.actors is not None:
            ent = self.ctx.actors.at(*f.speaker_chars)
            f.entity, f.mention = (ent.id if ent else None), f.speaker_chars
        elif f.speaker is not None and f.kind == "direct" and f.start <= f.speaker.idx < f.end:
            # the parser took a subject inside the quotation ("..., avant de poursuivre: « X a dit »"):
            # the cue has none of its own and goes on from the speaker before it
            f.entity = self.last[0] if self.last is not None and f.start - self.last[1] < _PRONOUN_REACH else None
        elif f.speaker is not None:
            f.entity, f.mention = self.token(f.speaker, f.start, f.end)
            f.co_speakers = [e for e in (self.token(c, f.start, f.end)[0] for c in _conjuncts(f.speaker)) if e]
        if f.entity is not None:
            self.last = (f.entity, f.end)

    def token(self, tok: Token, q_start: int = -1, q_end: int = -1) -> tuple[str | None, tuple[int, int] | None]:
        """The entity a speaker token names, and the characters naming it."""
        doc = tok.doc
        if fold(tok.text) in self.data.pronouns:
            mention = (tok.idx, tok.idx + len(tok.text))
            if tok.text.startswith("-"):  # "a-t-il", "-t-elle": the pronoun after the last hyphen
                mention = (tok.idx + tok.text.rfind("-") + 1, mention[1])
            return self.pronoun(tok), mention
        sent = tok.sent
        s, e = np_bounds(tok, sent.start, sent.end, self.data.circumstances)
        # never let the speaker's words run into the quote
        while e > s + 1 and q_start <= doc[e - 1].idx < q_end:
            e -= 1
        while s < e - 1 and q_start <= doc[s].idx < q_end:
            s += 1
        while e > s + 1 and (doc[e - 1].is_punct or doc[e - 1].text in self.data.openers):
            e -= 1  # "Pour X, « ... »": the mark before the quote is no part of the name
        span = doc[s:e]
        mention = (span.start_char, span.end_char)
        if self.ctx.actors is None:
            return None, mention
        ent = self.ctx.actors.resolve_span(span) or self.ctx.actors.at(tok.idx, tok.idx + len(tok.text))
        if fold(tok.lemma_) in self.data.person_heads:
            ent = self.person_in(span, tok, ent) or ent
            if (ent is None or ent.name[:1].islower() or self.bare_title(span)) and self.is_definite(tok):
                # "le diplomate a ajouté": a definite title after a named speaker is that speaker
                ent = self.previous_person(tok.idx, span) or ent
        if ent is None and tok.pos_ in ("NOUN", "PROPN") and not all(fold(t.text) in self.data.definite
                                                                     or not t.is_alpha for t in span):
            ent = self.create(span, tok)  # never an actor named "le" (the quote took the rest)
        return (ent.id if ent else None), mention

    def pronoun(self, tok: Token) -> str | None:
        """A pronoun's actor: the subject of this or the previous sentence, else the last speaker.

        "X a dit ... Y a reçu Z. Il a ajouté" is Y; "« ... », a-t-il ajouté" after a quotation is X.
        Either must agree in gender and number ("elle" is never "les sources").
        """
        actors = self.ctx.actors
        if actors is None:
            return self.last[0] if self.last is not None else None
        ent, subject = actors.antecedent(tok, self.inside_quote)
        if subject and ent is not None:
            return ent.id
        if self.last is not None and tok.idx - self.last[1] < _PRONOUN_REACH:
            last = actors.entities.get(self.last[0])
            if last is not None and actors.agrees(last, tok):
                return last.id
        return ent.id if ent else None

    def inside_quote(self, start: int, end: int) -> bool:
        i = bisect_right(self.quoted, (start, 1 << 62)) - 1
        return any(s <= start and end <= e for s, e in self.quoted[max(0, i - 8): i + 1])

    def create(self, span, head: Token) -> Entity:
        """An actor named only by a description ("la porte-parole du ministère"): one of its own."""
        name = span.text
        kind = "person" if fold(head.lemma_) in self.data.person_heads else "organization"
        ent = self.ctx.actors.add(Entity(id=name, name=name, kind=kind), span.start_char, span.end_char)
        if all(e.id != ent.id for e in self.ctx.article.entities):
            self.ctx.article.entities.append(ent)
        return ent

    def person_in(self, span, head: Token, found: Entity | None) -> Entity | None:
        """In "le porte-parole du Kremlin, Dmitri Peskov", the person named, not the Kremlin or the title.

        A name after a preposition is someone else ("a dit le diplomate à M. Dodik").
        """
        if found is not None and found.kind == "person" and found.name[:1].isupper():
            return found  # already a named person
        doc = span.doc
        for ent in self.ctx.actors.entities.values():
            if ent.kind != "person" or ent is found:
                continue
            for m in ent.mentions:
                if not (span.start_char <= m.start and m.end <= span.end_char) or m.start <= head.idx < m.end:
                    continue
                first = doc.char_span(m.start, m.end, alignment_mode="expand")
                i = first.start - 1 if first is not None else span.start - 1
                # walk back over titles and determiners ("à M. Dodik", "au président X")
                while i > span.start and (doc[i].pos_ in ("DET", "PROPN") or doc[i].text[:1].isupper()):
                    i -= 1
                if i < span.start or doc[i].pos_ != "ADP":
                    return ent
        return None

    def is_definite(self, head: Token) -> bool:
        return any(c.dep_ == "det" and fold(c.text) in self.data.definite for c in head.children)

    def previous_person(self, at: int, span=None) -> Entity | None:
        """The named person who spoke last, if the description `span` may be them (office and state)."""
        if self.last is None or at - self.last[1] >= _PRONOUN_REACH:
            return None
        ent = self.ctx.actors.entities.get(self.last[0])
        if ent is None or ent.kind != "person" or not ent.name[:1].isupper():
            return None
        if span is not None:
            actors = self.ctx.actors
            role = actors.lexicon.role_of_title(span.root.lemma_) if actors.lexicon else None
            states = {actors.country_at[t.i] for t in span if t.i in actors.country_at}
            if not roles_match(role, ent.role) or (states and ent.country not in states):
                return None
        return ent

    def bare_title(self, span) -> bool:
        """A description that names nobody: "le diplomate", "le vice-ministre russe"."""
        return not any(t.pos_ == "PROPN" for t in span)

    def via(self, tok: Token) -> str | None:
        return self.token(tok)[0]

    @staticmethod
    def span(chars: tuple[int, int] | None) -> Span | None:
        return Span(*chars) if chars else None


def _conjuncts(tok: Token) -> list[Token]:
    """The other names of "X et Y ont affirmé"."""
    return [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in NOMINAL and is_coordinated(c)]
