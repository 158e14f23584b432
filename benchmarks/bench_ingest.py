"""Ingest throughput against plain spaCy, on the same articles in the same run.

The dev corpus is multiplied with small variations (a closing line that differs) so that
every copy has its own content id and is analysed and stored. Both sides load their model
before the clock starts; then plain spaCy runs `nlp.pipe` (same model, same batch size) and
dixit runs a whole `ingest` (reading files, hashing, analysis, DuckDB writes) into a fresh
store. The ratio dixit / spaCy is the cost of everything dixit adds; the target is <= 1.3.

    python benchmarks/bench_ingest.py [--copies 3] [--repeat 2] [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import spacy

from dixit.core import prepare_text
from dixit.lang import get_language
from dixit.lang.detect import detect_language
from dixit.nlp import load_pipeline
from dixit.store.ingest import CHUNK, IngestStats, ingest

REPO = Path(__file__).resolve().parents[1]


def variants(corpus: Path, copies: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    return [f"{t.rstrip()}\n({k + 1}/{copies})" for k in range(copies) for t in texts]


def time_spacy(by_language: dict[str, list[str]], models: dict[str, spacy.language.Language]) -> float:
    start = time.perf_counter()
    for lang, texts in by_language.items():
        for _ in models[lang].pipe(texts, batch_size=CHUNK):
            pass
    return time.perf_counter() - start


def time_ingest(folder: Path, work: Path, run: int) -> tuple[float, IngestStats]:
    db = work / f"bench-{run}.duckdb"
    start = time.perf_counter()
    stats = ingest([str(folder)], str(db), jobs=1, progress="none")
    return time.perf_counter() - start, stats


def component_times(folder: Path, work: Path) -> dict[str, float]:
    """One more ingest with each component's run timed: where dixit's own time goes."""
    from dixit.components import REGISTRY, load_components

    load_components()
    spent: dict[str, float] = {}
    originals = dict(REGISTRY)

    def timed(name, fn):
        def run(ctx):
            began = time.perf_counter()
            fn(ctx)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - began
        return run

    REGISTRY.update({name: timed(name, fn) for name, fn in originals.items()})
    try:
        time_ingest(folder, work, -1)
    finally:
        REGISTRY.update(originals)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--copies", type=int, default=3, help="variants of each article (default 3)")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each side; the best counts")
    parser.add_argument("--no-breakdown", dest="breakdown", action="store_false",
                        help="skip the extra run that times each component")
    args = parser.parse_args()

    texts = variants(args.corpus, args.copies)
    if not texts:
        raise SystemExit(f"no .txt articles in {args.corpus} (give the gold folder with --corpus)")
    by_language: dict[str, list[str]] = {}
    for t in texts:
        by_language.setdefault(detect_language(prepare_text(t)) or "fr", []).append(prepare_text(t))
    models = {lang: spacy.load(get_language(lang).spacy_model) for lang in by_language}
    for lang in by_language:
        load_pipeline(lang)  # dixit's pipeline, loaded before its clock starts like spaCy's
    n_chars = sum(len(t) for t in texts)
    langs = ", ".join(f"{k}: {len(v)}" for k, v in by_language.items())
    print(f"{len(texts)} articles ({n_chars:,} characters; {langs})")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "in"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"a{i:05d}.txt").write_text(t, encoding="utf-8")
        spacy_times, dixit_times, writes = [], [], []
        for run in range(args.repeat):  # alternate, so that machine load hits both alike
            spacy_times.append(time_spacy(by_language, models))
            seconds, stats = time_ingest(folder, work, run)
            assert stats.stored == len(texts), f"stored {stats.stored} of {len(texts)}"
            dixit_times.append(seconds)
            writes.append(stats.write_seconds)
        components = component_times(folder, work) if args.breakdown else {}
    s, d = min(spacy_times), min(dixit_times)
    print(f"plain spaCy nlp.pipe (batch {CHUNK}): {s:.2f} s  ({len(texts) / s:.1f} articles/s)")
    print(f"dixit ingest --jobs 1 (fresh store):  {d:.2f} s  ({len(texts) / d:.1f} articles/s)")
    print(f"  of which DuckDB writes:             {writes[dixit_times.index(d)]:.2f} s")
    print(f"ratio dixit / spaCy: {d / s:.2f}  (target <= 1.3)")
    for name, seconds in sorted(components.items(), key=lambda kv: -kv[1]):
        print(f"  component {name:<12} {seconds:6.2f} s  ({seconds / s:.0%} of spaCy's time)")
    print(f"all runs: spaCy {[round(x, 2) for x in spacy_times]}, dixit {[round(x, 2) for x in dixit_times]}")


if __name__ == "__main__":
    main()
