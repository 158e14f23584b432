"""Scoring flags against the gold `flags` (../shared/corpus/ANNOTATION.md).

Gold flags carry their text, not offsets: each is located by substring search (every
occurrence). A system flag is right when it overlaps a gold flag of its kind; a gold flag
is found when a system flag of its kind overlaps it. Precision and recall are counted over
all kinds and per kind; `any_kind` counts overlaps whatever the kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dixit.evaluate.gold import prf


@dataclass
class FlagScore:
    gold: Counter = field(default_factory=Counter)  # kind -> gold flags
    sys: Counter = field(default_factory=Counter)  # kind -> system flags
    found: Counter = field(default_factory=Counter)  # kind -> gold flags overlapped by a system flag of the kind
    right: Counter = field(default_factory=Counter)  # kind -> system flags overlapping a gold flag of the kind
    right_any_kind: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    extra: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: FlagScore) -> FlagScore:
        for name in ("gold", "sys", "found", "right"):
            getattr(self, name).update(getattr(other, name))
        self.right_any_kind += other.right_any_kind
        self.missed += other.missed
        self.extra += other.extra
        return self


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while needle and start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_flags(gold: dict, art: dict) -> FlagScore:
    """Flags of one article against its gold flags."""
    text = art.get("text") or ""
    gold_flags = [(g["kind"], _spans(text, g["text"]), g["text"]) for g in gold.get("flags", [])]
    sys_flags = [(f["kind"], (f["start"], f["end"])) for f in art.get("flags", [])]
    score = FlagScore()
    for kind, spans, gtext in gold_flags:
        score.gold[kind] += 1
        if any(k == kind and _overlaps(s, g) for k, s in sys_flags for g in spans):
            score.found[kind] += 1
        else:
            score.missed.append((kind, gtext))
    for kind, span in sys_flags:
        score.sys[kind] += 1
        if any(k == kind and _overlaps(span, g) for k, spans, _ in gold_flags for g in spans):
            score.right[kind] += 1
        else:
            score.extra.append((kind, text[span[0] : span[1]]))
        if any(_overlaps(span, g) for _, spans, _ in gold_flags for g in spans):
            score.right_any_kind += 1
    return score


def summarize_flags(score: FlagScore) -> dict[str, Any]:
    """flag_p, flag_r, flag_f1 over all kinds, flag_p_any_kind, and per kind P/R/F1 with counts."""
    n_sys, n_gold = sum(score.sys.values()), sum(score.gold.values())
    p = sum(score.right.values()) / n_sys if n_sys else 0.0
    r = sum(score.found.values()) / n_gold if n_gold else 0.0
    out: dict[str, Any] = {
        "flag_p": p, "flag_r": r, "flag_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "flag_p_any_kind": score.right_any_kind / n_sys if n_sys else 0.0,
        "flags_sys": n_sys, "flags_gold": n_gold,
    }
    kinds = {}
    for kind in sorted(set(score.gold) | set(score.sys)):
        kp, _, _ = prf(score.right[kind], score.sys[kind], 1)
        _, kr, _ = prf(score.found[kind], 1, score.gold[kind])
        kinds[kind] = {"p": kp, "r": kr, "f1": 2 * kp * kr / (kp + kr) if kp + kr else 0.0,
                       "sys": score.sys[kind], "gold": score.gold[kind]}
    out["flag_kinds"] = kinds
    return out
