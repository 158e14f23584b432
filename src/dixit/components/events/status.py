"""Whether an act is asserted, claimed by someone, denied, or only possible.

Two things decide it: the clause the trigger sits in (negation, "pourrait", "si", an
intention verb or the future) and the report that frames it (a quote of the quotes
component, or a reporting verb, a denial verb or "selon X" governing the trigger).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Token

from dixit.components.context import Context
from dixit.components.events.arguments import Resolver, prep_phrases, subject
from dixit.components.events.rules import Rules
from dixit.model import Entity

Modality = Literal["negated", "possible", "intent"]


@dataclass
class Frame:
    """A report around an event: who says it (kind "claim") or says it did not happen ("deny")."""

    kind: Literal["claim", "deny"]
    speakers: list[Entity] = field(default_factory=list)
    speaker_ids: list[str] = field(default_factory=list)  # from quotes, which name entities by id


def _lemmas(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def is_negated(tok: Token, rules: Rules) -> bool:
    """A negation on the word or on the one it is coordinated with ("ni confirmé ni démenti")."""
    neg = rules.modality.get("negation", frozenset())
    words = [tok, tok.head] if tok.dep_ == rules.syntax.get("coordination", "conj") else [tok]
    return any(_lemmas(c) & neg for w in words for c in w.children if c.dep_ not in rules.deps("clausal"))


def modality(tok: Token, rules: Rules, reported: bool) -> Modality | None:
    """What the clause says of the act: negated, only possible, or intended for later.

    A conditional inside a report is the future of the past ("a déclaré que son pays
    romprait"), so it counts as intent; outside a report it marks an unconfirmed act.
    """
    mod = rules.modality
    governor = tok.head if tok.dep_ in rules.deps("control") else None
    auxes = [c for c in tok.children if c.pos_ == "AUX"]
    if is_negated(tok, rules) or (governor is not None and is_negated(governor, rules)):
        return "negated"
    if any(_lemmas(c) & mod.get("condition", frozenset()) for c in tok.children if c.dep_ == "mark"):
        return "possible"
    words = [governor, *auxes] if governor is not None else auxes
    if any(_lemmas(w) & mod.get("possibility", frozenset()) for w in words):
        return "possible"
    if any(_lemmas(w) & mod.get("intent", frozenset()) for w in words):
        return "intent"
    moods = {m for t in [tok, *auxes] for m in t.morph.get("Mood")}
    tenses = {m for t in [tok, *auxes] for m in t.morph.get("Tense")}
    if "Cnd" in moods:
        return "intent" if reported else "possible"
    return "intent" if "Fut" in tenses else None


def frame_of(ctx: Context, tok: Token, rules: Rules, resolver: Resolver) -> Frame | None:
    """The report the trigger is part of, innermost first: a quote, a reporting verb, "selon X"."""
    quote = _quote_at(ctx, tok, rules)
    if quote is not None:
        return quote
    return _reporting_verb(tok, rules, resolver) or _according_to(tok, rules, resolver)


def _quote_at(ctx: Context, tok: Token, rules: Rules) -> Frame | None:
    inside = [q for q in ctx.article.quotes if q.start <= tok.idx < q.end and q.speaker
              and not (q.cue and q.cue.start == tok.idx)]
    if not inside:
        return None
    q = min(inside, key=lambda q: q.end - q.start)
    cue = ctx.doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand") if q.cue else None
    deny = cue is not None and len(cue) > 0 and is_denial(cue.root, rules)
    ids = [q.speaker, *getattr(q, "co_speakers", [])]
    return Frame("deny" if deny else "claim", speaker_ids=[i for i in ids if i])


def is_requested(tok: Token, rules: Rules) -> bool:
    """An act someone is asked to do ("exhorte X à condamner") has not happened: the request is the event."""
    if tok.dep_ not in rules.deps("control") or tok.head.i == tok.i:
        return False
    return any(t.type == "REQUEST" for t in rules.triggers.get(tok.head.lemma_.lower(), ()))


def is_denial(tok: Token, rules: Rules) -> bool:
    """A denial verb or noun, or a rejection whose object is a claim ("a rejeté les accusations")."""
    rep = rules.reporting
    if tok.lemma_.lower() in rep.get("deny", frozenset()):
        return True
    if not any(t.type == "REJECT" for t in rules.triggers.get(tok.lemma_.lower(), ())):
        return False  # "a condamné les déclarations" accuses; it does not deny
    claim_nouns = rep.get("claim_nouns", frozenset())
    objects = [c for c in tok.children if c.dep_ in rules.deps("object")] + [n for _, n in prep_phrases(tok, rules)]
    return any(o.lemma_.lower() in claim_nouns for o in objects)


def _reporting_verb(tok: Token, rules: Rules, resolver: Resolver) -> Frame | None:
    """A claim or denial verb above the trigger ("ont affirmé que X avait envoyé...")."""
    rep = rules.reporting
    claim = rep.get("claim", frozenset())
    not_content = rules.deps("subject") | rules.deps("agent")
    child, hops = tok, 0
    while hops < 6:
        # An incise hangs below the clause it reports: "X continuera, a déclaré Y".
        verbs = [c for c in child.children if c.dep_ in rules.deps("incise")]
        if child.head.i != child.i and child.dep_ not in not_content:
            verbs.insert(0, child.head)
        for verb in verbs:
            lemma = verb.lemma_.lower()
            denial = is_denial(verb, rules)
            if verb.i != tok.i and (lemma in claim or denial):
                if denial and is_negated(verb, rules):
                    return None  # "n'a ni confirmé ni démenti": no denial, no claim
                speakers = [e for s in subject(verb, rules) for e in resolver.entities(s)]
                return Frame("deny" if denial else "claim", speakers)
        if child.head.i == child.i:
            return None
        child, hops = child.head, hops + 1
    return None


def _according_to(tok: Token, rules: Rules, resolver: Resolver) -> Frame | None:
    """ "selon X" / "according to X" anywhere in the trigger's sentence."""
    words = rules.reporting.get("according_to", frozenset())
    for t in tok.sent:
        if t.lower_ not in words:
            continue
        nouns = [t.head] if t.dep_ in ("case", "fixed") else [n for _, n in prep_phrases(t, rules)]
        speakers = [e for n in nouns for e in resolver.entities(n)]
        if speakers:
            return Frame("claim", speakers)
    return None
