"""The event rules of one language, read once from `lang/<code>/events.toml` and `common/plover.toml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dixit.lang import LanguageData, common_toml, get_language

_POS = {"verb": ("VERB",), "noun": ("NOUN", "PROPN")}


@dataclass(frozen=True)
class Trigger:
    """One lemma's coding: PLOVER type and mode, and what must hold for it to count."""

    lemma: str
    type: str
    mode: str | None = None
    pos: tuple[str, ...] = ("VERB", "NOUN")
    needs: frozenset[str] = frozenset()  # one of these lemmas must be a dependent
    governed_by: frozenset[str] = frozenset()  # the noun counts only as object of these verbs
    symmetric: bool = False
    target_preps: frozenset[str] = frozenset()  # prepositions that add to the language's target ones
    intent: str | None = None  # the type of the act announced for later, when not plover.toml's [intent]
    theme_object: bool = False  # the object is what is given or sent, not who receives it


@dataclass
class Rules:
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)
    syntax: dict[str, Any] = field(default_factory=dict)
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    reporting: dict[str, frozenset[str]] = field(default_factory=dict)
    intent: dict[str, str] = field(default_factory=dict)
    negated: dict[str, str] = field(default_factory=dict)
    quads: dict[str, int] = field(default_factory=dict)
    type_intensity: dict[str, float] = field(default_factory=dict)
    mode_intensity: dict[str, dict[str, float]] = field(default_factory=dict)
    # "X constitue une violation": nouns that charge X's author when predicated by these verbs.
    charge_nouns: frozenset[str] = frozenset()
    charge_verbs: frozenset[str] = frozenset()
    charge_type: str = "ACCUSE"
    # "considère X comme une violation": verbs of judgement and the word before the charge noun.
    judge_verbs: frozenset[str] = frozenset()
    judge_preps: frozenset[str] = frozenset()
    # "a condamné cette décision": nouns that, with a demonstrative, name an act told before.
    act_nouns: frozenset[str] = frozenset()
    # "accuse X de collusion": verbs whose object is the author of the act noun after these prepositions.
    control_verbs: frozenset[str] = frozenset()
    control_preps: frozenset[str] = frozenset()

    def deps(self, key: str) -> frozenset[str]:
        return frozenset(self.syntax.get(key, []))

    def verbal(self, type_: str) -> bool:
        """Verbal cooperation or conflict (quads 1 and 3): acts done by saying."""
        return self.quads.get(type_) in (1, 3)

    def intensity(self, type_: str, mode: str | None) -> float | None:
        modes = self.mode_intensity.get(type_, {})
        return modes.get(mode) if mode in modes else self.type_intensity.get(type_)


def _triggers(rows: list[dict[str, Any]]) -> dict[str, list[Trigger]]:
    """Index triggers by lemma; a multi-word lemma ("mettre en garde") needs its last word as a dependent."""
    out: dict[str, list[Trigger]] = {}
    for row in rows:
        for lemma in row["lemmas"]:
            words = lemma.removeprefix("s'").removeprefix("s’").split()
            needs = set(row.get("with", []))
            if len(words) > 1:
                needs.add(words[-1])
            trig = Trigger(
                lemma=words[0],
                type=row["type"],
                mode=row.get("mode"),
                pos=_POS.get(row.get("pos", ""), ("VERB", "NOUN", "PROPN")),
                needs=frozenset(needs),
                governed_by=frozenset(row.get("governed_by", [])),
                symmetric=bool(row.get("symmetric", False)),
                target_preps=frozenset(row.get("target_preps", [])),
                intent=row.get("intent"),
                theme_object=bool(row.get("theme_object", False)),
            )
            out.setdefault(words[0], []).append(trig)
    return out


@cache
def rules_for(code: str) -> Rules:
    return build_rules(get_language(code))


def build_rules(lang: LanguageData) -> Rules:
    data, plover = lang.toml("events"), common_toml("plover")
    return Rules(
        triggers=_triggers(data.get("trigger", [])),
        syntax=data.get("syntax", {}),
        modality={k: frozenset(v) for k, v in data.get("modality", {}).items()},
        reporting={k: frozenset(v) for k, v in data.get("reporting", {}).items()},
        intent=plover.get("intent", {}),
        negated=plover.get("negated", {}),
        quads={t: v["quad"] for t, v in plover.get("types", {}).items()},
        type_intensity={t: v["intensity"] for t, v in plover.get("types", {}).items()},
        mode_intensity=plover.get("modes", {}),
        charge_nouns=frozenset(data.get("charge", {}).get("nouns", [])),
        charge_verbs=frozenset(data.get("charge", {}).get("verbs", [])),
        charge_type=data.get("charge", {}).get("type", "ACCUSE"),
        judge_verbs=frozenset(data.get("charge", {}).get("judge_verbs", [])),
        judge_preps=frozenset(data.get("charge", {}).get("judge_preps", [])),
        act_nouns=frozenset(data.get("anaphora", {}).get("act_nouns", [])),
        control_verbs=frozenset(data.get("control", {}).get("verbs", [])),
        control_preps=frozenset(data.get("control", {}).get("preps", [])),
    )


def quad(type_: str) -> str | None:
    """The quad class of a PLOVER type ("verbal cooperation"...), for summing dyads."""
    plover = common_toml("plover")
    number = plover.get("types", {}).get(type_, {}).get("quad")
    return plover.get("quads", {}).get(str(number)) if number else None
