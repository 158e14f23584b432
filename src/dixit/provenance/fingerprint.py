"""The provenance fingerprint of an article, and the index keys derived from it.

Two layers: `text_fingerprint` needs only the raw text (any language, no spaCy), and
`article_fingerprint` adds what dixit extracted (canonical actors, the order of quote
speakers, events, places) when the article was analysed. Both are plain JSON-able dicts.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
from datasketch import MinHash

from dixit.model import Article
from dixit.provenance.text import cross_words, numbers, shingles, stable_hash, words

FINGERPRINT_VERSION = 1
NUM_PERM = 64  # MinHash permutations: 32 bands of 2 rows (see BANDS)
BANDS, ROWS = 32, 2  # candidate when one band agrees: P = 1-(1-J^2)^32, 0.27 at J=0.1, 0.95 at J=0.3
SHINGLE = 3  # words per shingle for MinHash: short enough to survive synonym spinning
FRAGMENT = 5  # words per fragment key; a fragment is kept when its hash % FRAGMENT_SAMPLE == 0
FRAGMENT_SAMPLE = 5  # the same fragments are kept in every copy, so shared passages meet
_SEED = 1


def _hash32(item: str) -> int:
    return stable_hash(item) & 0xFFFFFFFF


@cache
def _permutations() -> tuple[str, np.ndarray]:
    """datasketch's scheme and permutations for NUM_PERM and _SEED, drawn once per process
    (drawing them costs as much as hashing an article's shingles)."""
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    return m.scheme, m.permutations


def _minhash(items: set[str]) -> list[int]:
    scheme, perms = _permutations()
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_hash32, permutations=perms, scheme=scheme)
    if items:
        m.update_batch(list(items))
    return [int(v) for v in m.hashvalues]


def text_fingerprint(text: str, language: str | None) -> dict[str, Any]:
    """What any text yields without a parse: MinHash of word shingles, numbers, name/cognate keys."""
    norms, capitals = words(text)
    cross = cross_words(norms, capitals)
    return {
        "version": FINGERPRINT_VERSION,
        "language": language,
        "n_words": len(norms),
        "minhash": _minhash(shingles(norms, SHINGLE)),
        "numbers": sorted({n for n, _, _ in numbers(text) if len(n.replace(".", "")) >= 2}),
        "terms": sorted({c for c in cross if not c.isdigit()}),
    }


def article_fingerprint(article: Article) -> dict[str, Any]:
    """The text fingerprint plus the language-independent keys of what dixit extracted."""
    fp = text_fingerprint(article.text, article.language)
    fp["actors"] = sorted({e.id for e in article.entities if e.kind != "location"})
    fp["places"] = sorted({e.id for e in article.entities if e.kind == "location"}
                          | {ev.location for ev in article.events if ev.location})
    fp["speakers"] = [q.speaker for q in article.quotes if q.speaker]
    fp["quote_spans"] = [{"speaker": q.speaker, "start": q.start, "end": q.end} for q in article.quotes if q.speaker]
    fp["events"] = [f"{ev.type}|{ev.source or ''}|{ev.target or ''}|{ev.date or ''}" for ev in article.events]
    return fp


def index_keys(text: str, fp: dict[str, Any]) -> dict[str, set[int]]:
    """The keys an article is filed under, by kind; two articles sharing keys are candidates.

    - band: MinHash bands (same-language copies, spun ones included);
    - fragment: sampled 5-word fragments (a copy sharing even one passage);
    - cross: pairs of nearby numbers/names/cognates, and extracted actors, speakers and events
      (translations: keys that do not depend on the language).
    """
    norms, capitals = words(text)
    mh = fp["minhash"]
    bands = {stable_hash(f"b{i}:" + ",".join(map(str, mh[i * ROWS:(i + 1) * ROWS]))) for i in range(BANDS)}
    fragments = set()
    for i in range(len(norms) - FRAGMENT + 1):
        h = stable_hash("f:" + " ".join(norms[i:i + FRAGMENT]))
        if h % FRAGMENT_SAMPLE == 0:
            fragments.add(h)
    cross = cross_words(norms, capitals)
    pairs = {tuple(sorted((cross[i], cross[j]))) for i in range(len(cross))
             for j in range(i + 1, min(i + 3, len(cross))) if cross[i] != cross[j]}
    cross_keys = {stable_hash(f"c:{x}|{y}") for x, y in pairs}
    cross_keys |= {stable_hash(f"s:{a}|{b}") for a, b in zip(fp.get("speakers", []), fp.get("speakers", [])[1:],
                                                            strict=False)}
    cross_keys |= {stable_hash(f"e:{e}") for e in fp.get("events", []) if "||" not in e}
    return {"band": bands, "fragment": fragments, "cross": cross_keys}
