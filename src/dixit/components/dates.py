"""Date expressions and their resolution against the publication date.

The words ("vendredi", "le mois dernier", "last Friday", "début novembre", "24 janvier
2024") come from `lang/<code>/dates.toml`; a spaCy Matcher finds them and plain calendar
arithmetic resolves them against `Article.published`. Without a publication date only
expressions that carry their year are kept. Precision is kept: "en juin" is a month, not
the 30th of June.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Literal

from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dixit.components.strings import filter_for
from dixit.lang import LanguageData

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets
    end: int
    value: str  # ISO 8601 cut to its precision
    precision: Precision


@dataclass(frozen=True)
class _Words:
    weekdays: dict[str, int]
    months: dict[str, int]
    units: dict[str, str]
    shifts: dict[str, int]
    days: dict[str, int]
    parts: frozenset[str]
    year_preps: frozenset[str]


def _words(data: dict[str, Any]) -> _Words:
    shifts = {w: -1 for w in data.get("past", [])} | {w: 1 for w in data.get("next", [])}
    shifts |= {w: 0 for w in data.get("this", [])}
    return _Words(
        weekdays={w: i for i, w in enumerate(data.get("weekdays", []))},
        months={w: i + 1 for i, w in enumerate(data.get("months", []))} | data.get("month_abbreviations", {}),
        units=data.get("units", {}),
        shifts=shifts,
        days=data.get("days", {}),
        parts=frozenset(data.get("parts", [])),
        year_preps=frozenset(data.get("year_preps", [])),
    )


@cache
def _matcher(code: str, vocab) -> tuple[Matcher, _Words] | None:
    from dixit.lang import get_language

    data = get_language(code).toml("dates")
    if not data:
        return None
    w = _words(data)
    shift = {"LOWER": {"IN": list(w.shifts)}, "OP": "?"}
    year = {"SHAPE": "dddd"}
    day_num = {"LOWER": {"IN": [str(d) for d in range(1, 32)] + ["1er", "1st"]}}
    month = {"LOWER": {"IN": list(w.months)}, "POS": {"NOT_IN": ["AUX", "VERB"]}}  # not the modal "may"
    matcher = Matcher(vocab)
    matcher.add("weekday", [[shift, {"LOWER": {"IN": list(w.weekdays)}}, shift]])
    matcher.add("daymonth", [[day_num, month, {**year, "OP": "?"}], [month, day_num],
                             [month, day_num, {"ORTH": ",", "OP": "?"}, year]])
    matcher.add("month", [[{"LOWER": {"IN": list(w.parts)}, "OP": "?"}, shift, month, shift, {**year, "OP": "?"}]])
    matcher.add("unit", [[shift, {"LOWER": {"IN": list(w.units)}}, shift]])
    matcher.add("days", [[{"LOWER": {"IN": list(w.days)}}]])
    matcher.add("year", [[{"LOWER": {"IN": list(w.year_preps)}}, year]])
    return matcher, w


def find_dates(doc: Doc, lang: LanguageData, published: str | None) -> list[DateMention]:
    """Every date expression of the text that can be resolved, in text order."""
    found = _matcher(lang.code, doc.vocab)
    if found is None:
        return []
    matcher, words = found
    base = _parse_iso(published)
    spans = [span for window in _windows(doc, words) for span in matcher(window, as_spans=True)]
    out = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        resolved = resolve(span, words, base)
        if resolved:
            out.append(DateMention(span.start_char, span.end_char, *resolved))
    return out


def _windows(doc: Doc, w: _Words) -> list[Span]:
    """Short stretches around the words every date expression holds (a month, a weekday...):
    the Matcher runs on those only, not on the whole text."""
    anchors = set(w.weekdays) | set(w.months) | set(w.units) | set(w.days) | w.year_preps
    hits = filter_for(w, lambda lower: lower in anchors, LOWER).positions(doc)
    windows: list[list[int]] = []
    for i in hits:
        start, end = max(0, i - 3), min(len(doc), i + 5)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [doc[s:e] for s, e in windows]


def _parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def resolve(span: Span, w: _Words, base: date | None) -> tuple[str, Precision] | None:
    """The ISO value and precision of one matched expression, or None when it needs a base date."""
    lower = [t.lower_ for t in span]
    shift = next((w.shifts[x] for x in lower if x in w.shifts), None)
    years = [int(t.text) for t in span if t.shape_ == "dddd"]
    kind = span.label_
    if kind == "year":
        return (str(years[0]), "year") if years else None
    if kind in ("daymonth", "month"):
        month = next(w.months[x] for x in lower if x in w.months)
        day = next((int(t.text.removesuffix("er")) for t in span if t.text[:1].isdigit() and t.shape_ != "dddd"), None)
        year = years[0] if years else _year_of(month, day, shift, base)
        if year is None:
            return None
        if day is None:
            return f"{year:04d}-{month:02d}", "month"
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if base is None:
        return None
    if kind == "weekday":
        target = next(w.weekdays[x] for x in lower if x in w.weekdays)
        return _weekday(base, target, shift).isoformat(), "day"
    if kind == "days":
        return (base + timedelta(days=w.days[lower[0]])).isoformat(), "day"
    if kind == "unit":
        unit = next(w.units[x] for x in lower if x in w.units)
        return _unit(base, unit, shift or 0)
    return None


def _year_of(month: int, day: int | None, shift: int | None, base: date | None) -> int | None:
    """The year of a month named without one: the latest such month not after the base date."""
    if base is None:
        return None
    if shift == 1:
        return base.year if month > base.month else base.year + 1
    later = month > base.month or (month == base.month and day is not None and day > base.day + 7)
    return base.year - 1 if later or shift == -1 and month == base.month else base.year


def _weekday(base: date, weekday: int, shift: int | None) -> date:
    """News speak of the past: "vendredi" is the latest Friday up to the base date."""
    if shift == 1:
        return base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
    back = (base.weekday() - weekday) % 7
    if shift == -1 and back == 0:
        back = 7
    return base - timedelta(days=back)


def _unit(base: date, unit: str, shift: int) -> tuple[str, Precision] | None:
    if unit == "year":
        return str(base.year + shift), "year"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    if unit == "week":  # no week precision: the month of that week
        moved = base + timedelta(days=7 * shift)
        return f"{moved.year:04d}-{moved.month:02d}", "month"
    return None
