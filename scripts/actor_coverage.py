"""How much of the gold actors dixit's entities cover, on an annotated corpus (gold/1).

For each gold actor: is there a system entity for it (same id, or a name/mention equal to one of
its aliases)? For each occurrence of one of its aliases in the text: does a mention of that entity
overlap it? Also: do kind and country agree? Prints per-file lines with -v.

    PYTHONPATH=src python scripts/actor_coverage.py ../shared/corpus/dev [--lang fr] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from dixit import Document, analyze_many
from dixit.model import Article, Entity


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


def _occurrences(text: str, alias: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(alias) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _match(actor: dict, art: Article) -> Entity | None:
    aliases = {_norm(a) for a in actor.get("aliases", [])} | {_norm(actor["id"])}
    best, best_n = None, 0
    for ent in art.entities:
        if ent.id == actor["id"]:
            return ent
        n = sum(_norm(art.text[m.start:m.end]) in aliases for m in ent.mentions)
        n += _norm(ent.name) in aliases
        if n > best_n:
            best, best_n = ent, n
    return best


def score(pairs: Iterable[tuple[dict, Article]], verbose: bool = False) -> dict[str, float]:
    actors = found = occ = covered = kind_ok = country_ok = 0
    for gold, art in pairs:
        lines = []
        for actor in gold["actors"]:
            ent = _match(actor, art)
            actors += 1
            found += ent is not None
            spans = {o for a in actor.get("aliases", []) for o in _occurrences(art.text, a)}
            # nested aliases ("Kim Jong Un" holds "Kim"): count the longest occurrence only
            spans = {s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)}
            hit = 0
            if ent is not None:
                kind_ok += ent.kind == actor["kind"]
                country_ok += ent.country == actor.get("country")
                hit = sum(any(m.start < e and s < m.end for m in ent.mentions) for s, e in spans)
            occ += len(spans)
            covered += hit
            if verbose and (ent is None or hit < len(spans)):
                lines.append(f"  {actor['id']!r} ({actor['kind']}): "
                             f"{'MISSING' if ent is None else ent.id + ' ' + ent.kind} {hit}/{len(spans)}")
        if verbose and lines:
            print(gold["id"], *lines, sep="\n")
    return {
        "actors": actors,
        "actor_recall": found / max(actors, 1),
        "mention_recall": covered / max(occ, 1),
        "kind_agreement": kind_ok / max(found, 1),
        "country_agreement": country_ok / max(found, 1),
    }


def load(corpus: Path, lang: str | None) -> list[tuple[dict, Document]]:
    out = []
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if lang and gold["language"] != lang:
            continue
        text = (corpus / gold["file"]).read_text(encoding="utf-8")
        out.append((gold, Document(text, language=gold["language"], source=str(gold_path))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--lang")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    items = load(args.corpus, args.lang)
    arts = analyze_many([d for _, d in items])
    result = score(((g, a) for (g, _), a in zip(items, arts, strict=True)), args.verbose)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
