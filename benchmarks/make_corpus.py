"""Build a benchmark corpus of French articles from the dev corpus, outside the repository.

Each generated article takes the title line and body of one dev article and swaps one of
its paragraphs for a paragraph of another dev article (seeded, so the corpus is the same
on every run); every text is distinct, so every article gets its own id. The texts stay
under /tmp (or --out): corpus sentences are never copied into the repository. The dev
corpus is read from ../shared/corpus/dev, or $DIXIT_SHARED/corpus/dev.

    python benchmarks/make_corpus.py --articles 3000 --out /tmp/dixit-bench/corpus
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = Path(os.environ.get("DIXIT_SHARED", REPO.parent / "shared")) / "corpus" / "dev"
DEFAULT_OUT = Path("/tmp/dixit-bench/corpus")


def load_articles(dev: Path, prefix: str) -> list[tuple[str, list[str]]]:
    """(title line, body paragraphs) of each dev article of one language."""
    articles = []
    for path in sorted(dev.glob(f"{prefix}*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if len(lines) >= 2:
            articles.append((lines[0], lines[1:]))
    return articles


def variant(rng: random.Random, articles: list[tuple[str, list[str]]], i: int) -> str:
    title, body = articles[i % len(articles)]
    body = list(body)
    _, donor = articles[rng.randrange(len(articles))]
    body[rng.randrange(len(body))] = donor[rng.randrange(len(donor))]
    if len(body) > 2 and rng.random() < 0.5:  # vary the order too, as follow-ups do
        j = rng.randrange(1, len(body))
        body[j - 1], body[j] = body[j], body[j - 1]
    return "\n".join([title, *body]) + "\n"


def make_corpus(n: int, out: Path, *, dev: Path = DEV, prefix: str = "fr-", seed: int = 7) -> list[Path]:
    articles = load_articles(dev, prefix)
    if not articles:
        raise SystemExit(f"no {prefix}*.txt articles in {dev}")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seen: set[str] = set()
    paths: list[Path] = []
    attempt = 0
    while len(paths) < n:
        text = variant(rng, articles, attempt)
        attempt += 1
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            if attempt > 50 * n:
                raise SystemExit(f"only {len(paths)} distinct variants could be made")
            continue
        seen.add(digest)
        path = out / f"bench-{len(paths):05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for stale in sorted(out.glob("bench-*.txt"))[n:]:  # a smaller corpus than the last one
        stale.unlink()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = make_corpus(args.articles, args.out, dev=args.dev, seed=args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words:,} words in {args.out}")


if __name__ == "__main__":
    main()
