"""Provenance at scale: does adding an article cost the same in a big store as in a small one?

Generates N articles (default 20,000) from a Zipf-distributed invented vocabulary, with
planted copies of earlier articles: verbatim republications (boilerplate added), cut copies
(the first sentences only) and synonym-spun rewrites (30% of the words swapped).

The store (on disk) is filled in bulk (`index_many`: same tables, keys and posting cap, no
linking) up to just below each checkpoint (1k, 5k, 10k, 20k), then `WINDOW` articles are
added one by one the way ingestion adds them (`index_text`: fingerprint, candidate search,
exact comparison of the candidates, links, postings, one transaction each); their time per
article is what is reported, per 1,000. 30% of the window articles are planted copies of
originals from anywhere in the store, and the report says how many were linked to their
original with the planted label.

Articles are indexed by their text fingerprint only (no spaCy analysis: that is the core's
cost, measured elsewhere; this measures the provenance index).

    python benchmarks/bench_provenance.py [--n 20000] [--window 500] [--db /tmp/bench.duckdb]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from dixit.model import Article
from dixit.provenance.index import WORK, connection, index_many, index_text
from dixit.store.duckdb_store import DuckDBStore

FUNCTION_WORDS = [
    "the", "of", "and", "to", "in", "a", "that", "is", "was", "for", "on", "with", "as", "by", "at", "from", "it",
    "said", "has", "its", "will", "be", "an", "their", "were", "after", "but", "not", "this", "have", "had", "who",
    "which", "they", "been", "more", "than", "would", "also",
]
CHECKPOINTS = (1000, 5000, 10000, 20000)


def vocabulary(rnd: random.Random, n: int) -> list[str]:
    # 100 syllables: about as many distinct 4-letter word starts as a real vocabulary has.
    syllables = [c + v for c in "bcdfghjklmnprstvwxzq" for v in "aeiou"]
    words = set()
    while len(words) < n:
        words.add("".join(rnd.choice(syllables) for _ in range(rnd.randint(2, 4))))
    return sorted(words)


class Generator:
    def __init__(self, seed: int = 7):
        self.rnd = random.Random(seed)
        self.words = vocabulary(self.rnd, 20000)
        self.names = [w.capitalize() for w in vocabulary(random.Random(seed + 1), 3000)]
        self.synonyms = {w: self.rnd.choice(self.words) for w in self.words}
        # Zipf weights: a few words in every article, most in a few.
        self.cum_weights = []
        total = 0.0
        for i in range(len(self.words)):
            total += 1 / (i + 1)
            self.cum_weights.append(total)

    def sentence(self) -> str:
        content = self.rnd.choices(self.words, cum_weights=self.cum_weights, k=self.rnd.randint(12, 24))
        out = []
        for w in content:
            if self.rnd.random() < 0.45:
                out.append(self.rnd.choice(FUNCTION_WORDS))
            out.append(w)
        for _ in range(self.rnd.randint(0, 2)):
            out.insert(self.rnd.randrange(len(out)), self.rnd.choice(self.names))
        if self.rnd.random() < 0.3:
            out.insert(self.rnd.randrange(len(out)), str(self.rnd.randint(2, 5000)))
        s = " ".join(out)
        return s[0].upper() + s[1:] + "."

    def original(self) -> str:
        title = " ".join(self.rnd.choice(self.words) for _ in range(6)).capitalize()
        return title + "\n" + " ".join(self.sentence() for _ in range(self.rnd.randint(8, 14)))

    def copy(self, text: str) -> tuple[str, str]:
        """A planted copy of `text` and its label."""
        kind = self.rnd.randrange(3)
        if kind == 0:
            return "Republished from our partners.\n" + text + "\nShare this story.", "verbatim"
        if kind == 1:
            sents = text.split(". ")
            return ". ".join(sents[: max(3, int(len(sents) * self.rnd.uniform(0.4, 0.7)))]) + ".", "near_verbatim"
        words = text.split(" ")
        return " ".join(self.synonyms.get(w, w) if self.rnd.random() < 0.3 else w for w in words), "spun"


def run(n: int, window: int, db: str) -> list[tuple[int, float]]:
    gen = Generator()
    store = DuckDBStore(db)
    connection(store)
    originals: list[tuple[str, str]] = []  # (text, id)
    size = 0
    rows = []
    t_start = time.perf_counter()

    def bulk(count: int) -> Iterator[tuple[Article, str, None]]:
        for _ in range(count):
            if originals and gen.rnd.random() < 0.3:
                text, _ = gen.copy(gen.rnd.choice(originals)[0])
            else:
                text = gen.original()
            art = Article(text=text, language="xx")
            if not text.startswith("Republished"):
                originals.append((text, art.id))
            yield art, None, None

    planted_total = linked = right = 0
    for checkpoint in [c for c in CHECKPOINTS if c <= n]:
        t0 = time.perf_counter()
        size += index_many(store, bulk(checkpoint - window - size))
        fill = time.perf_counter() - t0
        planted: list[tuple[str, str, str]] = []
        before = dict(WORK)
        t0 = time.perf_counter()
        for _ in range(window):
            if gen.rnd.random() < 0.3:
                src_text, src_id = gen.rnd.choice(originals)
                text, label = gen.copy(src_text)
                planted.append((index_text(store, text, language="xx"), src_id, label))
            else:
                text = gen.original()
                originals.append((text, index_text(store, text, language="xx")))
        per_1000 = (time.perf_counter() - t0) / window * 1000
        work = {k: (WORK[k] - before[k]) / window for k in WORK}
        size += window
        con = connection(store)
        rows_links = con.execute("SELECT article_id, other_id, label FROM prov_links").fetchall()
        links = {(a, b): label for a, b, label in rows_links}
        planted_total += len(planted)
        linked += sum((c, o) in links for c, o, _ in planted)
        right += sum(links.get((c, o)) == label for c, o, label in planted)
        rows.append((size, per_1000))
        print(f"store size {size:>6}: {per_1000:6.1f} s per 1,000 added articles (over the last {window}); "
              f"per article: {work['postings_read']:.0f} postings read, {work['compared']:.1f} candidates compared "
              f"(bulk fill before it {fill:.0f} s; elapsed {time.perf_counter() - t_start:.0f} s)", flush=True)
    con = connection(store)
    keys = con.execute("SELECT count(*) FROM prov_keys").fetchone()[0]
    share = max(1, planted_total)
    print(f"planted copies added one by one: {planted_total}; linked to their original: {linked} "
          f"({linked / share:.3f}); with the planted label: {right} ({right / share:.3f})")
    print(f"postings: {keys:,} ({keys / size:.0f} per article); store file: {Path(db).stat().st_size / 1e6:.0f} MB")
    store.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--window", type=int, default=500, help="articles added one by one at each checkpoint")
    parser.add_argument("--db", default=None, help="DuckDB file (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(args.n, args.window, args.db or str(Path(tmp) / "bench.duckdb"))


if __name__ == "__main__":
    main()
