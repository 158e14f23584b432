"""The matching rules of ANNOTATION.md, applied to `dixit.article/1` dictionaries.

Quotes match one-to-one by word overlap; a matched quote's attribution counts when the
system speaker's names meet the gold speaker's aliases; events match on type, source and
target (an actor counting as its country), and a denied gold event needs a reported denial.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")
_QUOTE_MARKS = re.compile(r"[«»“”\"„‟‹›]")
_PRONOUNS = {"il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "i", "nous", "je", "qui", "who"}


def normalize(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("’", "'").replace("‘", "'")
    s = _QUOTE_MARKS.sub(" ", s)
    return " ".join(s.casefold().split()).strip(" .,:;!?-–—'")


def words(s: str) -> list[str]:
    return _WORD.findall(normalize(s))


def overlap_score(a: str, b: str) -> float:
    """Dice over word multisets, or 0 unless the shorter side is at least 80 % covered."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    shared = sum((Counter(wa) & Counter(wb)).values())
    if shared / min(len(wa), len(wb)) < 0.8:
        return 0.0
    dice = 2 * shared / (len(wa) + len(wb))
    return dice if dice >= 0.3 else 0.0


def match_greedy(scored: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first."""
    left, right, pairs = set(), set(), []
    for score, i, j in sorted(scored, reverse=True):
        if score > 0 and i not in left and j not in right:
            left.add(i)
            right.add(j)
            pairs.append((i, j))
    return pairs


def gold_names(gold: dict, actor_id: str, with_country: bool = False) -> set[str]:
    names = {normalize(actor_id)}
    for actor in gold.get("actors", []):
        if actor["id"] != actor_id:
            continue
        names |= {normalize(a) for a in actor.get("aliases", [])}
        country, kind = actor.get("country"), actor.get("kind")
        if country and (kind == "country" or (with_country and kind in ("person", "organization", "group"))):
            names.add(normalize(country))
    return {n for n in names if n}


def system_names(art: dict, entity_id: str | None, with_country: bool) -> set[str]:
    """Names by which the system knows an entity: name, id, and the text of its mentions."""
    if entity_id is None:
        return set()
    text = art.get("text") or ""
    for ent in art.get("entities", []):
        if ent.get("id") != entity_id:
            continue
        names = {normalize(ent.get("name")), normalize(ent.get("id"))}
        names |= {normalize(text[m["start"]:m["end"]]) for m in ent.get("mentions", [])}
        if ent.get("country") and (with_country or ent.get("kind") == "country"):
            names.add(normalize(ent["country"]))
        return {n for n in names if n}
    return {normalize(str(entity_id))}


def _holds_alias(names: set[str], aliases: set[str]) -> bool:
    """A gold alias as whole words inside a longer system name ("le porte-parole X" holds "X")."""
    for alias in aliases:
        if len(alias) < 4 or alias in _PRONOUNS:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")
        if any(pattern.search(n) for n in names):
            return True
    return False


def speaker_matches(gold: dict, gold_quote: dict, art: dict, sys_quote: dict) -> bool:
    if not gold_quote.get("speaker"):
        return not sys_quote.get("speaker")
    wanted: set[str] = set()
    for speaker in [gold_quote["speaker"], *gold_quote.get("co_speakers", [])]:
        if speaker:
            wanted |= gold_names(gold, speaker)
    have = system_names(art, sys_quote.get("speaker"), with_country=False)
    return bool(wanted & have) or _holds_alias(have, wanted)


def _event_pairs(gold: dict, art: dict) -> list[tuple[float, int, int]]:
    pairs = []
    for i, g in enumerate(gold.get("events", [])):
        g_src, g_tgt = gold_names(gold, g["source"], True), gold_names(gold, g["target"], True)
        for j, s in enumerate(art.get("events", [])):
            if s.get("type") != g["type"]:
                continue
            s_src = system_names(art, s.get("source"), True)
            s_tgt = system_names(art, s.get("target"), True)
            forward = g_src & s_src and g_tgt & s_tgt
            backward = g.get("symmetric") and g_src & s_tgt and g_tgt & s_src
            if not (forward or backward):
                continue
            if (g.get("status") == "denied") != (s.get("status") == "denied"):
                continue
            pairs.append((1.0 + (s.get("status") == g.get("status")), i, j))
    return pairs


@dataclass
class ArticleScore:
    name: str
    quotes_gold: int = 0
    quotes_sys: int = 0
    quotes_tp: int = 0
    attr_tp: int = 0
    events_gold: int = 0
    events_sys: int = 0
    events_tp: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_speaker: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    error: str | None = None


def score_article(name: str, gold: dict, art: dict) -> ArticleScore:
    gq, sq = gold.get("quotes", []), art.get("quotes", [])
    matched = match_greedy(
        (overlap_score(g["text"], s.get("text", "")), i, j) for i, g in enumerate(gq) for j, s in enumerate(sq)
    )
    result = ArticleScore(name, len(gq), len(sq), len(matched), 0, len(gold.get("events", [])),
                          len(art.get("events", [])), len(match_greedy(_event_pairs(gold, art))))
    for i, j in matched:
        if speaker_matches(gold, gq[i], art, sq[j]):
            result.attr_tp += 1
        else:
            ent = next((e for e in art.get("entities", []) if e.get("id") == sq[j].get("speaker")), None)
            result.wrong_speaker.append((gq[i]["text"][:70], gq[i].get("speaker"), ent and ent.get("name")))
    hit_gold, hit_sys = {i for i, _ in matched}, {j for _, j in matched}
    result.missed = [q["text"][:90] for i, q in enumerate(gq) if i not in hit_gold]
    result.extra = [q.get("text", "")[:90] for j, q in enumerate(sq) if j not in hit_sys]
    return result


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarize(scores: list[ArticleScore]) -> dict[str, Any]:
    tot = Counter()
    for s in scores:
        for k in ("quotes_gold", "quotes_sys", "quotes_tp", "attr_tp", "events_gold", "events_sys", "events_tp"):
            tot[k] += getattr(s, k)
    qp, qr, qf = prf(tot["quotes_tp"], tot["quotes_sys"], tot["quotes_gold"])
    ap, ar, af = prf(tot["attr_tp"], tot["quotes_sys"], tot["quotes_gold"])
    ep, er, ef = prf(tot["events_tp"], tot["events_sys"], tot["events_gold"])
    return dict(articles=len(scores), errors=sum(1 for s in scores if s.error),
                quote_p=qp, quote_r=qr, quote_f1=qf, attr_p=ap, attr_r=ar, attr_f1=af,
                event_p=ep, event_r=er, event_f1=ef, **tot)
