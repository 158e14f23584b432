"""Ingest throughput against plain spaCy, on the same articles in the same run.

The dev corpus is multiplied with small variations (a closing line that differs) so that
every copy has its own content id and is analysed and stored. Both sides load their model
before the clock starts; then plain spaCy runs `nlp.pipe` (same model, same batch size) and
dixit runs a whole `ingest` (reading files, hashing, analysis, DuckDB writes) into a fresh
store. The ratio dixit / spaCy is the cost of everything dixit adds; the target is <= 1.3.

The ratio is read on CPU time (this process does all the work with --jobs 1), which other
load on a shared machine disturbs far less than wall time; both are printed.

    python benchmarks/bench_ingest.py [--copies 3] [--repeat 3] [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from statistics import median

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


def time_spacy(by_language: dict[str, list[str]], models: dict[str, spacy.language.Language]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of plain `nlp.pipe` over every text."""
    start, cpu = time.perf_counter(), time.process_time()
    for lang, texts in by_language.items():
        for _ in models[lang].pipe(texts, batch_size=CHUNK):
            pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_ingest(folder: Path, work: Path, run: int) -> tuple[float, float, IngestStats]:
    """(wall seconds, CPU seconds, stats) of one whole ingest into a fresh store (in this process)."""
    db = work / f"bench-{run}.duckdb"
    start, cpu = time.perf_counter(), time.process_time()
    stats = ingest([str(folder)], str(db), jobs=1, progress="none")
    return time.perf_counter() - start, time.process_time() - cpu, stats


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
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each side; the median counts")
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
        # One untimed run of each side first: the first pass over a model allocates its work
        # buffers (about +50 % on either side), which is start-up, not throughput.
        time_spacy(by_language, models)
        time_ingest(folder, work, -2)
        spacy_runs, dixit_runs = [], []
        for run in range(args.repeat):  # alternate, so that machine load hits both alike
            spacy_runs.append(time_spacy(by_language, models))
            wall, cpu, stats = time_ingest(folder, work, run)
            assert stats.stored == len(texts), f"stored {stats.stored} of {len(texts)}"
            dixit_runs.append((wall, cpu, stats.write_seconds))
        components = component_times(folder, work) if args.breakdown else {}
    s_wall, s_cpu = (median(r[k] for r in spacy_runs) for k in (0, 1))
    d_wall, d_cpu, d_write = (median(r[k] for r in dixit_runs) for k in (0, 1, 2))
    print(f"median of {args.repeat} alternated runs after one untimed run of each")
    n = len(texts)
    print(f"plain spaCy nlp.pipe (batch {CHUNK}): {s_wall:.2f} s wall, {s_cpu:.2f} s CPU ({n / s_wall:.1f} articles/s)")
    print(f"dixit ingest --jobs 1 (fresh store):  {d_wall:.2f} s wall, {d_cpu:.2f} s CPU ({n / d_wall:.1f} articles/s)")
    print(f"  of which DuckDB writes:             {d_write:.2f} s")
    print(f"ratio dixit / spaCy: {d_cpu / s_cpu:.2f} CPU, {d_wall / s_wall:.2f} wall  (target <= 1.3)")
    for name, seconds in sorted(components.items(), key=lambda kv: -kv[1]):
        print(f"  component {name:<12} {seconds:6.2f} s  ({seconds / s_wall:.0%} of spaCy's time)")
    print(f"all runs (wall, CPU): spaCy {[(round(w, 2), round(c, 2)) for w, c in spacy_runs]}, "
          f"dixit {[(round(w, 2), round(c, 2)) for w, c, _ in dixit_runs]}")


if __name__ == "__main__":
    main()
