"""An article's text as HTML with its records drawn in place (the displaCy idea, for overlaps).

The text is untrusted: it is cut at every record boundary and each piece is escaped on its
own, so no markup in the article can ever reach the page as markup. Records overlap freely
(a mention inside a quote inside an event's evidence), so each piece carries the classes and
numbers of every record that covers it; the page's script highlights all pieces of one record.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from markupsafe import Markup, escape

PALETTE = 8  # speaker colours in the stylesheet: .spk-0 ... .spk-7
_NOT_CLASS = re.compile(r"[^a-z0-9_-]")


def _cls(value: Any) -> str:
    """A record value (a kind) as a safe CSS class word."""
    return _NOT_CLASS.sub("", str(value).lower()) or "other"


def _span(item: dict[str, Any] | None, size: int) -> tuple[int, int] | None:
    """(start, end) clipped to the text, or None when the record's offsets are unusable."""
    if not item:
        return None
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = max(0, start), min(size, end)
    return (start, end) if start < end else None


def speaker_label(record: dict[str, Any], quote: dict[str, Any]) -> str:
    """'Kim Jong-un', 'Kim Jong-un via KCNA', or 'unknown speaker'."""
    names = {e["id"]: e.get("name") or e["id"] for e in record.get("entities", [])}
    who = names.get(quote.get("speaker"), quote.get("speaker")) or "unknown speaker"
    via = [names.get(v, v) for v in quote.get("via") or []]
    return f"{who} via {' via '.join(via)}" if via else who


def event_label(record: dict[str, Any], event: dict[str, Any]) -> str:
    """'PRK ACCUSE UKR', with '?' for a missing side and the status when not asserted."""
    label = f"{event.get('source') or '?'} {event.get('type', '?')} {event.get('target') or '?'}"
    status = event.get("status")
    return label if status in (None, "asserted") else f"{label} ({status})"


def layers(record: dict[str, Any]) -> list[tuple[int, int, str, int]]:
    """Every drawable record as (start, end, layer, number): q quote, e event, m mention, f flag, c cue."""
    size = len(record.get("text", ""))
    out: list[tuple[int, int, str, int]] = []
    for i, quote in enumerate(record.get("quotes", [])):
        if span := _span(quote, size):
            out.append((*span, "q", i))
        if span := _span(quote.get("cue"), size):
            out.append((*span, "c", i))
        if span := _span(quote.get("speaker_mention"), size):
            out.append((*span, "s", i))
    for i, event in enumerate(record.get("events", [])):
        if span := _span(event, size):
            out.append((*span, "e", i))
    for i, entity in enumerate(record.get("entities", [])):
        for mention in entity.get("mentions", []):
            if span := _span(mention, size):
                out.append((*span, "m", i))
    for i, flag in enumerate(record.get("flags", [])):
        if span := _span(flag, size):
            out.append((*span, "f", i))
    return out


def highlight(record: dict[str, Any], colours: dict[str, int]) -> Markup:
    """The article text as escaped HTML pieces with quote, event, mention and flag marks."""
    text: str = record.get("text", "")
    found = layers(record)
    starts: dict[int, list[tuple[str, int]]] = defaultdict(list)
    ends: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for start, end, layer, no in found:
        starts[start].append((layer, no))
        ends[end].append((layer, no))
    cuts = sorted({0, len(text), *starts, *ends})
    active: set[tuple[str, int]] = set()
    parts: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(left, ()))
        opening = sorted(starts.get(left, ()))
        active.update(opening)
        parts.extend(_badge(record, colours, layer, no) for layer, no in opening if layer in "qe")
        parts.append(_piece(record, colours, text[left:right], active))
    return Markup("".join(parts))


def _badge(record: dict[str, Any], colours: dict[str, int], layer: str, no: int) -> str:
    """The label drawn where a quote (its speaker) or an event (who does what to whom) starts."""
    if layer == "q":
        quote = record["quotes"][no]
        colour = colours.get(quote.get("speaker") or "", 0) % PALETTE
        return (f'<span class="badge who spk-{colour}" id="q-{no}" data-q="{no}">'
                f"{escape(speaker_label(record, quote))}</span>")
    event = record["events"][no]
    quad = event.get("quad") if isinstance(event.get("quad"), int) else 0
    return (f'<span class="badge evtag quad-{quad}" id="e-{no}" data-e="{no}">'
            f"{escape(event_label(record, event))}</span>")


def _piece(record: dict[str, Any], colours: dict[str, int], piece: str, active: set[tuple[str, int]]) -> str:
    if not active:
        return str(escape(piece))
    classes: list[str] = []
    data: dict[str, list[int]] = defaultdict(list)
    title: list[str] = []
    for layer, no in sorted(active):
        data[layer].append(no)
        if layer == "q":
            speaker = record["quotes"][no].get("speaker") or ""
            classes += ["q", f"spk-{colours.get(speaker, 0) % PALETTE}", f"k-{_cls(record['quotes'][no].get('kind'))}"]
        elif layer == "e":
            classes.append("ev")
        elif layer == "m":
            entity = record["entities"][no]
            classes += ["ent", f"kind-{_cls(entity.get('kind'))}"]
            title.append(f"{entity.get('name') or entity.get('id')} ({entity.get('kind')})")
        elif layer == "f":
            classes.append("flag")
            title.append(f"flag: {record['flags'][no].get('kind')}")
        elif layer == "c":
            classes.append("cue")
        elif layer == "s":
            classes.append("spkm")
    attrs = f' class="{" ".join(dict.fromkeys(classes))}"'
    for layer in ("q", "e", "f", "m"):
        if data.get(layer):
            attrs += f' data-{layer}="{" ".join(map(str, data[layer]))}"'
    if title:
        attrs += f' title="{escape("; ".join(title))}"'
    return f"<span{attrs}>{escape(piece)}</span>"


def shared(text: str, passages: list[tuple[int, int, int]], kind: str = "shared") -> Markup:
    """A text as escaped HTML with the passages it shares with another marked (`<mark data-p="n">`).

    Passages are (start, end, number); the same number marks the same passage in the other
    text, so the page can light up both sides. Unusable or overlapping spans are skipped. `kind`
    is the mark's class: `shared` for passages, `anchor` for the names and numbers of a translation.
    """
    parts, at = [], 0
    spans = ((_span({"start": start, "end": end}, len(text)), no) for start, end, no in passages)
    for (start, end), no in sorted((span, no) for span, no in spans if span):
        if start < at:
            continue
        parts.append(str(escape(text[at:start])))
        parts.append(f'<mark class="{_cls(kind)}" data-p="{int(no)}">{escape(text[start:end])}</mark>')
        at = end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))


def passage_pairs(passages: list[dict[str, Any]]) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """The spans to mark in a source (`query_*`) and its copy (`other_*`), numbered alike.

    A matcher may align one stretch of the copy with two stretches of the source: the longest
    passages are kept first, and one that overlaps a kept passage on either side is left out,
    so each side shows the same passages.
    """
    kept: list[dict[str, Any]] = []
    for p in sorted(passages, key=lambda p: -(p["query_end"] - p["query_start"])):
        if not any(_overlap(p, k, "query") or _overlap(p, k, "other") for k in kept):
            kept.append(p)
    kept.sort(key=lambda p: p["query_start"])
    return ([(p["query_start"], p["query_end"], i) for i, p in enumerate(kept)],
            [(p["other_start"], p["other_end"], i) for i, p in enumerate(kept)])


def _overlap(a: dict[str, Any], b: dict[str, Any], side: str) -> bool:
    return a[f"{side}_start"] < b[f"{side}_end"] and b[f"{side}_start"] < a[f"{side}_end"]
