"""Events: who did what to whom, coded in PLOVER, with who claims it and who denies it.

Triggers (verbs and nouns, `lang/<code>/events.toml`) give the type and mode; the parse
gives source and target (`arguments`); the clause and the report around the trigger give
the status (`status`); a later denial is linked to the claim it answers. An official acting
in office is coded on their state, the person staying in `source_actor`. Types, modes and
intensities are PLOVER's (Open Event Data Alliance, CC BY-SA 4.0; see NOTICE).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from dixit.components import component
from dixit.components.context import Context
from dixit.components.dates import DateMention, find_dates
from dixit.components.events.arguments import Arguments, Resolver, noun_arguments, subject, verb_arguments
from dixit.components.events.rules import Rules, Trigger, rules_for
from dixit.components.events.status import Frame, frame_of, is_denial, is_negated, is_requested, modality
from dixit.components.strings import StringFilter, entity_spans, filter_for
from dixit.model import Cue, Entity, Event

# Entity kinds that never act in an event (a treaty, a missile).
_NOT_ACTORS = {"document", "weapon"}
# How many events one trigger may yield (coordinated sources × targets).
_MAX_PER_TRIGGER = 4
# Acts carried out by a state's people: persons and bodies that have a `country`.
_OFFICIAL_KINDS = {"person", "organization"}
_STATE_KINDS = {"country", "bloc"}
# Acts that are statements: a denial of what they say does not deny that they were made.
_SPEECH_ACTS = {"ACCUSE", "REQUEST", "THREATEN", "REJECT"}
# Which status wins when two mentions of one event are merged.
_REPORTED = {"claimed": 1, "denied": 2}
# Acts that can be aimed at a place (and so at the state that holds it).
_ON_PLACES = {"ASSAULT", "COERCE", "MOBILIZE"}


@dataclass
class Found:
    """An event and the token that triggered it, kept while the article is analysed."""

    event: Event
    token: Token
    rule: Trigger
    arguments: frozenset[int] = frozenset()  # token indices read as source or target
    refers_back: bool = False  # the target is an act told before ("cette décision")


@component("events")
def events(ctx: Context) -> None:
    rules = rules_for(ctx.lang.code)
    if not rules.triggers or ctx.actors is None:
        return
    dates = find_dates(ctx.doc, ctx.lang, ctx.article.published)
    resolver = Resolver(ctx.actors, rules, ctx.article.quotes, [(d.start, d.end) for d in dates])
    found: list[Found] = []
    for i in _candidates(rules).positions(ctx.doc):
        tok = ctx.doc[i]
        rule = _matching_rule(tok, rules)
        if rule is not None and not is_requested(tok, rules):
            found += _events_of(ctx, tok, rule, rules, resolver)
        if tok.lemma_.lower() in rules.charge_nouns:
            found += _charge(ctx, tok, rules, resolver)
    _resolve_acts_told_before(found)
    _link_denials(ctx, found, rules)
    found = _dedupe([f for f in found if f.event.source and f.event.target and f.event.source != f.event.target],
                    rules.deps("object"))
    _place_in_time_and_space(ctx, found, rules, dates)
    ctx.article.events = [f.event for f in found]


def _candidates(rules: Rules) -> StringFilter:
    """The tokens whose lemma is a trigger or a charge noun: the only ones the loop above can use."""
    return filter_for(rules, lambda lemma: lemma.lower() in rules.triggers or lemma.lower() in rules.charge_nouns)


def _matching_rule(tok: Token, rules: Rules) -> Trigger | None:
    for rule in rules.triggers.get(tok.lemma_.lower(), ()):
        if tok.pos_ not in rule.pos:
            continue
        if rule.needs and not _has_needed(tok, rule, rules):
            continue
        if rule.governed_by and tok.head.lemma_.lower() not in rule.governed_by:
            continue
        return rule
    return None


def _has_needed(tok: Token, rule: Trigger, rules: Rules) -> bool:
    """A needed lemma is a dependent of the trigger, or the clause controlled by one of them
    ("a ordonné aux diplomates de quitter le pays": "quitter" hangs on "diplomates")."""
    clauses = rules.deps("control") | rules.deps("modifier_clause")
    for child in tok.children:
        if child.lemma_.lower() in rule.needs:
            return True
        if any(g.dep_ in clauses and g.lemma_.lower() in rule.needs for g in child.children):
            return True
    return False


def state_coded(ent: Entity) -> tuple[str, str | None]:
    """(the id an act is coded on, the acting person or body): officials act for their state
    (or for the stateless organisation they serve), and a place stands for the state that holds
    it ("la région de Koursk")."""
    if ent.kind == "person" and ent.body:  # the UN secretary-general acts for the UN
        return ent.body, ent.id
    if ent.kind in _OFFICIAL_KINDS | {"location"} and ent.country:
        return ent.country, ent.id
    return ent.id, None


def is_actor(ent: Entity) -> bool:
    """Whether an entity can act or be acted upon in an event.

    A place counts only through its state; a description with neither a state nor a proper
    name ("la journée", "un responsable") is too vague to code (PLOVER needs identified actors).
    """
    if ent.kind in _NOT_ACTORS or (ent.kind == "location" and not ent.country):
        return False
    return bool(ent.country or ent.body) or ent.kind in _STATE_KINDS or any(c.isupper() for c in ent.name)


def _actors(tokens: list[Token], resolver: Resolver) -> list[Entity]:
    out: list[Entity] = []
    for tok in filter(resolver.usable, tokens):
        for ent in resolver.entities(tok):
            if is_actor(ent) and ent not in out:
                out.append(ent)
    return out


def _pairs(args: Arguments, rule: Trigger, resolver: Resolver) -> list[tuple[Entity | None, Entity | None]]:
    sources = [s for s in _actors(args.sources, resolver) or _actors(args.fallback_sources, resolver)
               if s.kind != "location"]  # places do not act
    targets = _actors(args.targets, resolver) or _actors(args.fallback_targets, resolver)
    # A place is only the target of force used on it; other acts address people.
    targets = [t for t in targets if t not in sources and (t.kind != "location" or rule.type in _ON_PLACES)]
    if rule.symmetric and args.joint and not targets and len(sources) >= 2:  # "X et Y ont signé"
        sources, targets = sources[:1], sources[1:2]
    if rule.symmetric and not sources and len(targets) >= 2:  # "une rencontre entre X et Y"
        sources, targets = targets[:1], targets[1:2]
    pairs = [(s, t) for s in sources or [None] for t in targets or [None]]
    return pairs[:_MAX_PER_TRIGGER]


def _events_of(ctx: Context, tok: Token, rule: Trigger, rules: Rules, resolver: Resolver) -> list[Found]:
    verbal = tok.pos_ in ("VERB", "AUX")
    args = verb_arguments(tok, rule, rules) if verbal else noun_arguments(tok, rule, rules)
    _drop_outlet(ctx, args)
    frame = frame_of(ctx, tok, rules, resolver)
    out = []
    for source, target in _pairs(args, rule, resolver):
        if source is None and not (target is None and is_denial(tok, rules)):
            continue
        event = _event(ctx, tok, rule, rules, source, target, args, resolver)
        if _apply_status(ctx, event, tok, rule, rules, frame, verbal):
            used = [*args.sources, *args.targets, *args.fallback_sources, *args.fallback_targets]
            back = target is None and any(_names_act_told_before(t, rules) for t in args.targets)
            out.append(Found(event, tok, rule, frozenset(t.i for t in used), refers_back=back))
    return out


def _names_act_told_before(tok: Token, rules: Rules) -> bool:
    """"cette décision", "ces mesures": an act noun with a demonstrative points back to an act."""
    return tok.lemma_.lower() in rules.act_nouns and any(
        c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in tok.children)


def _resolve_acts_told_before(found: list[Found]) -> None:
    """"La France a condamné cette décision": the target is the author of the last act told
    before, other than the source itself (reacting to one's own act is rare in news)."""
    for f in found:
        if not f.refers_back or f.event.target is not None or f.event.source is None:
            continue
        earlier = [g.event for g in found if g.event.start < f.event.start and g.event.source
                   and g.event.source != f.event.source]
        if earlier:
            last = max(earlier, key=lambda e: e.start)
            f.event.target, f.event.target_actor = last.source, last.source_actor


def _charge(ctx: Context, tok: Token, rules: Rules, resolver: Resolver) -> list[Found]:
    """"X constitue une violation / une menace": whoever says so accuses the author of X.

    The charge noun must be the object of a predicating verb (`[charge]` in events.toml);
    the accuser is the one who reports or is quoted saying it, the accused the subject's actor.
    """
    if _judged_as(tok, rules):
        return _judged_charge(ctx, tok, rules, resolver)
    if tok.dep_ not in rules.deps("object") or tok.head.lemma_.lower() not in rules.charge_verbs:
        return []
    frame = frame_of(ctx, tok, rules, resolver)
    if frame is None or frame.kind != "claim":
        return []
    accusers = [e for e in (ctx.actors.entities.get(i) for i in frame.speaker_ids) if e] or frame.speakers
    accused_tokens = subject(tok.head, rules)
    accused = _actors(accused_tokens, resolver)
    rule = Trigger(lemma=tok.lemma_.lower(), type=rules.charge_type)
    args = Arguments(targets=accused_tokens)
    out = []
    for source in [e for e in accusers if is_actor(e)][:1]:
        for target in accused[:1]:
            if state_coded(source)[0] == state_coded(target)[0]:
                continue
            event = _event(ctx, tok, rule, rules, source, target, args, resolver)
            out.append(Found(event, tok, rule, frozenset(t.i for t in accused_tokens)))
    return out


def _judged_as(tok: Token, rules: Rules) -> bool:
    """"considère cette mesure comme une violation": a charge noun after a verb of judgement."""
    return tok.head.lemma_.lower() in rules.judge_verbs and any(
        c.dep_ == "case" and c.lower_ in rules.judge_preps for c in tok.children)


def _judged_charge(ctx: Context, tok: Token, rules: Rules, resolver: Resolver) -> list[Found]:
    """The judge (the verb's subject) accuses the author of what is judged: the actor the
    object names, or the author of the act it points back to ("cette mesure")."""
    verb = tok.head
    objects = [c for c in verb.children if c.dep_ in rules.deps("object")]
    judges = [e for e in _actors(subject(verb, rules), resolver) if e.kind != "location"]
    if not judges or not objects:
        return []
    rule = Trigger(lemma=tok.lemma_.lower(), type=rules.charge_type)
    accused = _actors(objects, resolver)
    back = not accused and any(_names_act_told_before(o, rules) for o in objects)
    args = Arguments(sources=subject(verb, rules), targets=objects)
    event = _event(ctx, tok, rule, rules, judges[0], accused[0] if accused else None, args, resolver)
    if event.target == event.source or not (accused or back):
        return []
    return [Found(event, tok, rule, frozenset(t.i for t in objects), refers_back=back)]


def _drop_outlet(ctx: Context, args: Arguments) -> None:
    """The outlet after the title's last dash ("... — La Presse") is not part of the title's clause."""
    first_line = ctx.text.split("\n", 1)[0]
    cut = first_line.rfind(" — ")
    if cut < 0 or "\n" not in ctx.text:
        return
    for name in ("sources", "targets", "fallback_sources", "fallback_targets"):
        setattr(args, name, [t for t in getattr(args, name) if not cut <= t.idx < len(first_line)])


def _event(ctx: Context, tok: Token, rule: Trigger, rules: Rules, source: Entity | None,
           target: Entity | None, args: Arguments, resolver: Resolver) -> Event:
    src, src_actor = state_coded(source) if source else (None, None)
    tgt, tgt_actor = state_coded(target) if target else (None, None)
    start, end = _evidence(tok, [*args.sources, *args.targets], resolver)
    return Event(
        type=rule.type, mode=rule.mode, start=start, end=end, text=ctx.text[start:end],
        source=src, target=tgt, source_actor=src_actor, target_actor=tgt_actor,
        trigger=Cue(tok.idx, tok.idx + len(tok), tok.lemma_.lower()),
        intensity=rules.intensity(rule.type, rule.mode), symmetric=rule.symmetric,
    )


def _evidence(tok: Token, args: list[Token], resolver: Resolver) -> tuple[int, int]:
    """From the trigger to its arguments in the same sentence: the words a reader checks."""
    sent = tok.sent  # a Token's sentence is searched for at each call
    spans = [(tok.idx, tok.idx + len(tok))] + [resolver.core(a) for a in args if a.sent == sent]
    return min(s for s, _ in spans), max(e for _, e in spans)


def _apply_status(ctx: Context, event: Event, tok: Token, rule: Trigger, rules: Rules, frame: Frame | None,
                  verbal: bool) -> bool:
    """Set status, claimants and deniers; False when the clause states no event at all."""
    mood = modality(tok, rules, reported=frame is not None) if verbal else _disposition(tok, rules)
    if mood == "negated" and is_denial(tok, rules):
        return False  # "n'a pas démenti" denies nothing
    if mood in ("intent", "refused"):
        event.type = rule.intent or rules.intent.get(event.type, event.type)
        if event.mode not in rules.mode_intensity.get(event.type, {}):
            event.mode = None  # a mode of the act that the promise or threat does not have
        event.intensity = rules.intensity(event.type, event.mode)
        mood = "negated" if mood == "refused" else mood  # "not open to talks": refusing the promise
    if mood == "negated" and event.type in rules.negated:
        event.type, event.mode = rules.negated[event.type], None  # refusing to agree is rejecting
        event.intensity = rules.intensity(event.type, None)
    elif mood in ("negated", "possible"):
        event.status = "hypothetical"
    if frame is None:
        return True
    ids = frame.speaker_ids or [e.id for e in frame.speakers if is_actor(e)]
    coded = {state_coded(e)[0] for e in frame.speakers} | {_state_of(ctx, i) for i in ids} | set(ids)
    if frame.kind == "deny" and event.type in _SPEECH_ACTS:
        return True  # "rejette les allégations de X, accusant Y": the denial answers what X says, not that X said it
    if frame.kind == "deny":
        event.status, event.denied_by = "denied", ids
    elif event.source not in coded and event.source_actor not in coded and ids:
        event.status, event.claimed_by = "claimed", ids
    return True


def _disposition(tok: Token, rules: Rules) -> str | None:
    """"open to talks with X", "ready for negotiations": an act its actor is disposed to do is
    announced ("intent"); "not open to talks" refuses it ("refused")."""
    governor = tok.head.head if tok.head.pos_ == "ADP" else tok.head
    if governor.i == tok.i or governor.lemma_.lower() not in rules.modality.get("disposition", frozenset()):
        return None
    copula = governor.head if governor.dep_ in rules.deps("predicative") else governor
    return "refused" if is_negated(governor, rules) or is_negated(copula, rules) else "intent"


def _state_of(ctx: Context, entity_id: str) -> str:
    ent = ctx.article.entity(entity_id) or (ctx.actors.entities.get(entity_id) if ctx.actors else None)
    return state_coded(ent)[0] if ent else entity_id


def _link_denials(ctx: Context, found: list[Found], rules: Rules) -> None:
    """A denial answers the claims made about the denier: they carry it in `denied_by`.

    The denial is itself a REJECT of the denier aimed at the claimant when the text does not
    name who it rejects. A denial that names the act itself ("a démenti tout entretien")
    makes the event denied; one that dismisses "the allegations" leaves it claimed.
    """
    rejoinders: list[Found] = []
    for denial in [f for f in found if f.event.type == "REJECT" and is_denial(f.token, rules)]:
        denier = denial.event.source
        if denier is None:
            continue
        accusers: list[str] = []  # who made the claim the denial answers, when it names nobody
        for claim in _answered_claims(denial, found):
            ev = claim.event
            if ev.type == "ACCUSE" and ev.target == denier and denial.event.target is None:
                denial.event.target = ev.source  # "X accused Y ... Y denied the allegations"
                accusers = _accusers(found, claim, denier)
            if not ev.claimed_by or (denier not in (ev.source, ev.target)
                                     and denial.event.target not in ev.claimed_by):
                continue
            if denier not in ev.denied_by:
                ev.denied_by.append(denial.event.source_actor or denier)
            if denial.event.target is None:
                accusers = [_state_of(ctx, c) for c in ev.claimed_by] + _accusers(found, claim, denier)
                denial.event.target = accusers[0]
            if _names_the_act(denial.token, claim.rule, rules):
                ev.status = "denied"
        others = [a for a in dict.fromkeys(accusers) if a not in (denier, denial.event.target)]
        rejoinders += [Found(replace(denial.event, target=a, claimed_by=[], denied_by=[]), denial.token, denial.rule,
                             denial.arguments) for a in others]
    found += rejoinders


def _accusers(found: list[Found], claim: Found, denier: str) -> list[str]:
    """Everyone who accuses the denier in the sentence of the claim a denial answers: "X and Z
    accused Y of ... Y denied the allegations" rejects X and Z."""
    sent = claim.token.sent
    return [f.event.source for f in found if f.event.type == "ACCUSE" and f.event.target == denier
            and f.event.source and sent.start <= f.token.i < sent.end]


def _answered_claims(denial: Found, found: list[Found]) -> list[Found]:
    """The claims a denial may answer, the nearest first: those before it; for a denial in the
    title, which announces what the body reports, also those after it, in reading order."""
    start = denial.event.start
    before = sorted((f for f in found if f is not denial and f.event.start <= start), key=lambda f: -f.event.start)
    if not _in_title(denial.token):
        return before
    return before + sorted((f for f in found if f.event.start > start), key=lambda f: f.event.start)


def _names_the_act(denial: Token, claimed: Trigger, rules: Rules) -> bool:
    for tok in denial.subtree:
        rule = _matching_rule(tok, rules) if tok.i != denial.i else None
        if rule is not None and rule.type == claimed.type:
            return True
    return False


def _dedupe(found: list[Found], objects: frozenset[str]) -> list[Found]:
    """One event per type, source and target in a sentence (a trigger noun repeating its verb),
    and in the title, which announces what the body reports."""
    seen: dict[tuple, Found] = {}
    titled = {id(f): _in_title(f.token) for f in found}  # Token.sent walks the parse: ask once
    for f in sorted(found, key=lambda f: titled[id(f)]):
        key = (f.event.type, *_pair(f.event), None if titled[id(f)] else f.token.sent.start)
        if titled[id(f)] and any(k[:3] == key[:3] for k in seen):
            key = next(k for k in seen if k[:3] == key[:3])
        if key in seen and _separate_acts(seen[key].token, f.token, objects):
            key = (*key, f.token.i)
        if key not in seen:
            seen[key] = f
        else:
            _merge_into(seen[key].event, f.event)
    return _restated(sorted(seen.values(), key=lambda f: f.event.start))


def _pair(event: Event) -> tuple[str | None, str | None]:
    """Source and target, in a fixed order for a joint act ("X and Y met": either direction)."""
    pair = (event.source, event.target)
    return tuple(sorted(pair, key=str)) if event.symmetric else pair


def _merge_into(kept: Event, other: Event) -> None:
    """Keep one record of an act told twice, with the strongest report status and every claimant."""
    if _REPORTED.get(other.status, 0) > _REPORTED.get(kept.status, 0):
        kept.status = other.status  # the title may say who denies what the body reports
    kept.claimed_by += [c for c in other.claimed_by if c not in kept.claimed_by]
    kept.denied_by += [c for c in other.denied_by if c not in kept.denied_by]


def _restated(found: list[Found]) -> list[Found]:
    """An act told again later with the same word ("la frappe ... cette frappe a tué") is the same act:
    counting it twice is the duplicate event analysts complain about in event data."""
    first: dict[tuple, Found] = {}
    for f in found:
        key = (f.event.type, *_pair(f.event), f.token.lemma_.lower())
        if key in first:
            _merge_into(first[key].event, f.event)
        else:
            first[key] = f
    return list(first.values())


def _separate_acts(a: Token, b: Token, objects: frozenset[str]) -> bool:
    """Two triggers of one sentence tell two acts when each is the object of its own verb
    ("a fomenté un attentat ... et commis un acte terroriste"), not one restating the other."""
    return (a.lemma_ != b.lemma_ and a.dep_ in objects and b.dep_ in objects and a.head.i != b.head.i
            and a.head.pos_ == b.head.pos_ == "VERB")


def _in_title(tok: Token) -> bool:
    """The first line of an article is its title (see io.reading): the tokens before the first newline."""
    sent = tok.sent
    return sent.start == 0 and any("\n" in t.whitespace_ or "\n" in t.text for t in tok.doc[sent.start:sent.end + 1])


def _place_in_time_and_space(ctx: Context, found: list[Found], rules: Rules, dates: list[DateMention]) -> None:
    for f in found:
        mention = _nearest_date(dates, f.token)
        if mention is not None:
            f.event.date, f.event.date_precision = mention.value, mention.precision
        f.event.location = _location(f, rules)


def _nearest_date(dates: list[DateMention], tok: Token) -> DateMention | None:
    sent = tok.sent
    inside = [d for d in dates if sent.start_char <= d.start < sent.end_char]
    return min(inside, key=lambda d: abs(d.start - tok.idx), default=None)


def _location(found: Found, rules: Rules) -> str | None:
    """A place named by "à/en/in" in the trigger's sentence, nearest to the trigger, that is
    not one of its arguments ("envoyé des troupes en Russie" is sent to Russia, not in it)."""
    tok, preps = found.token, rules.deps("location_preps")
    places = []
    for t in tok.sent:
        if t.lower_ not in preps:
            continue
        noun = t.head if t.dep_ in ("case", "fixed") else next((c for c in t.children if c.dep_ == "pobj"), None)
        if noun is None or noun.ent_type_ not in ("LOC", "GPE") or noun.i in found.arguments:
            continue
        ent = next((e for e in entity_spans(tok.doc) if e.start <= noun.i < e.end), None)
        if ent is not None:
            places.append((abs(noun.i - tok.i), ent.text))
    return min(places)[1] if places else None
