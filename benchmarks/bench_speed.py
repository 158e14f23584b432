"""Speed and memory of dixit against plain spaCy, on the same generated French articles.

One run measures, each in a fresh process so that peak memory is its own:

  spacy        plain `nlp.pipe` with the model dixit loads (the floor)
  dixit        `dixit.analyze_many` in one process (language detected, as `dixit ingest` does)
  jobs2        two processes (`dixit ingest --jobs 2` when it exists, else two analyse processes)
  dask1/dask2  `dixit.cluster` on a Dask local cluster of 1 and 2 workers (Parquet + DuckDB load)

"seconds" is the analysis time once the models are loaded (every process pays ~6 s of
spaCy load and ~7 s of language-detector load once); "wall" includes start-up; "CPU s" is
the processor time of every process doing the work (robust to other load on the machine:
the 1.25x target is read on it). Ratios compare with plain spaCy.

    python benchmarks/make_corpus.py --articles 3000
    python benchmarks/bench_speed.py                 # the whole table
    python benchmarks/bench_speed.py --articles 200  # a quick run
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path("/tmp/dixit-bench/corpus")
MODES = ["spacy", "dixit", "jobs2", "dask1", "dask2"]
BATCH = 16


def peak_mib() -> float:
    """This process's peak resident memory (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_files(corpus: Path, n: int) -> list[str]:
    files = sorted(str(p) for p in corpus.glob("*.txt"))[:n]
    if len(files) < n:
        raise SystemExit(f"{corpus} has {len(files)} articles, {n} asked: run benchmarks/make_corpus.py first")
    return files


def read_texts(files: list[str]) -> list[str]:
    return [Path(f).read_text(encoding="utf-8") for f in files]


def run_spacy(files: list[str]) -> dict:
    import spacy

    from dixit.lang import get_language

    t0 = time.perf_counter()
    nlp = spacy.load(get_language("fr").spacy_model)
    loaded = time.perf_counter()
    texts = read_texts(files)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    end = time.perf_counter()
    return {"seconds": end - start, "cpu": time.process_time() - cpu, "wall": end - t0, "load": loaded - t0,
            "peak_mib": [peak_mib()]}


def run_dixit(files: list[str]) -> dict:
    from dixit.core import Document, analyze_many
    from dixit.lang.detect import detect_language
    from dixit.nlp import load_pipeline

    t0 = time.perf_counter()
    load_pipeline("fr")
    detect_language("Le ministre a parlé.")
    loaded = time.perf_counter()
    texts = read_texts(files)
    start, cpu = time.perf_counter(), time.process_time()
    n = sum(1 for _ in analyze_many(Document(t, source=f) for t, f in zip(texts, files, strict=True)))
    end = time.perf_counter()
    assert n == len(files)
    return {"seconds": end - start, "cpu": time.process_time() - cpu, "wall": end - t0, "load": loaded - t0,
            "peak_mib": [peak_mib()]}


def _jobs_child(files: list[str], barrier, queue) -> None:
    """One of the --jobs processes: load, wait for the others, analyse its share."""
    from dixit.core import Document, analyze_many
    from dixit.lang.detect import detect_language
    from dixit.nlp import load_pipeline

    load_pipeline("fr")
    detect_language("Le ministre a parlé.")
    barrier.wait()
    cpu = time.process_time()
    for _ in analyze_many(Document(t, source=f) for t, f in zip(read_texts(files), files, strict=True)):
        pass
    queue.put((time.process_time() - cpu, peak_mib()))


def run_jobs2(files: list[str]) -> dict:
    """`dixit ingest --jobs 2` if the command exists, else two processes sharing the files."""
    import importlib.util

    t0 = time.perf_counter()
    if importlib.util.find_spec("dixit.cli.ingest"):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for f in files:
                (folder / Path(f).name).symlink_to(f)
            cmd = [sys.executable, "-c", "from dixit.cli import main; main()", "ingest", "--jobs", "2",
                   "--progress", "none", "--db", f"{tmp}/j.duckdb", str(folder)]
            subprocess.run(cmd, check=True, capture_output=True)
        wall = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {"seconds": wall, "cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "load": None,
                "peak_mib": [usage.ru_maxrss / 1024], "how": "dixit ingest --jobs 2 (seconds include start-up)"}
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(3), ctx.Queue()
    halves = [files[0::2], files[1::2]]
    procs = [ctx.Process(target=_jobs_child, args=(h, barrier, queue)) for h in halves]
    for p in procs:
        p.start()
    barrier.wait()
    loaded = time.perf_counter()
    results = [queue.get() for _ in procs]
    end = time.perf_counter()
    for p in procs:
        p.join()
    return {"seconds": end - loaded, "cpu": sum(c for c, _ in results), "wall": end - t0, "load": loaded - t0,
            "peak_mib": [m for _, m in results], "how": "2 processes x analyze_many"}


def _warm() -> float:
    from dixit.lang.detect import detect_language
    from dixit.nlp import load_pipeline

    load_pipeline("fr")
    detect_language("Le ministre a parlé.")
    return peak_mib()


def run_dask(files: list[str], workers: int) -> dict:
    from dixit.cluster import ClusterReport, balanced_size, connect, plan_partitions, run_partitions

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, connect(f"local:{workers}") as client:
        client.run(_warm)
        loaded = time.perf_counter()
        cpu_workers, cpu = client.run(time.process_time), time.process_time()
        parts = plan_partitions(files, f"{tmp}/parts", size=balanced_size(len(files), 64, workers))
        report = ClusterReport(address=f"local:{workers}", out_dir=f"{tmp}/parts", db=f"{tmp}/d.duckdb")
        run_partitions(client, parts, db=f"{tmp}/d.duckdb", report=report)
        end = time.perf_counter()
        after = client.run(time.process_time)
        cpu = time.process_time() - cpu + sum(after[w] - cpu_workers[w] for w in after)
        peaks = list(client.run(peak_mib).values())
    assert report.loaded == len(files) and not report.failed, report.summary()
    return {"seconds": end - loaded, "cpu": cpu, "wall": end - t0, "load": loaded - t0, "peak_mib": peaks,
            "how": f"{len(parts)} partitions; cpu: workers + client (Parquet load into DuckDB)"}


def profile(files: list[str]) -> str:
    """Where dixit's time goes, in CPU seconds: the parse, language detection, each component."""
    from collections import defaultdict

    import spacy

    import dixit.core as core
    from dixit.components import load_components
    from dixit.core import Document, analyze_many
    from dixit.lang import get_language
    from dixit.lang.detect import detect_language
    from dixit.nlp import load_pipeline

    texts = read_texts(files)
    nlp, plain = load_pipeline("fr"), spacy.load(get_language("fr").spacy_model)
    detect_language("Le ministre a parlé.")
    list(analyze_many([Document(texts[0], language="fr")]))  # components read their data files once
    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def run(*args, **kwargs):
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started
        return run

    registry = load_components()
    for name, fn in list(registry.items()):
        registry[name] = timed(f"component {name}", fn)
    core.detect_language = timed("language detection", core.detect_language)
    best: dict[str, float] = {}
    rounds = 2  # alternate the runs and keep each one's best: other load on the machine varies

    def keep(label: str, seconds: float) -> None:
        best[label] = min(best.get(label, seconds), seconds)

    for _ in range(rounds):
        for label, pipeline in (("plain spaCy nlp.pipe", plain), ("dixit pipeline nlp.pipe (+ boundaries)", nlp)):
            started = time.process_time()
            for _ in pipeline.pipe(texts, batch_size=BATCH):
                pass
            keep(label, time.process_time() - started)
        started = time.process_time()
        for _ in analyze_many(Document(t, source=f) for t, f in zip(texts, files, strict=True)):
            pass
        keep("dixit analyze_many, total", time.process_time() - started)
    spent = {**{k: v / rounds for k, v in spent.items()}, **best}
    floor = spent["plain spaCy nlp.pipe"]
    lines = ["| stage | CPU s | × plain spaCy |", "|---|---:|---:|"]
    lines += [f"| {k} | {v:.2f} | {v / floor:.3f} |" for k, v in sorted(spent.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines)


def run_mode(mode: str, files: list[str]) -> dict:
    if mode == "spacy":
        return run_spacy(files)
    if mode == "dixit":
        return run_dixit(files)
    if mode == "jobs2":
        return run_jobs2(files)
    if mode.startswith("dask"):
        return run_dask(files, int(mode[4:]))
    raise SystemExit(f"unknown mode {mode}")


def table(results: dict[str, dict], n: int, words: int) -> str:
    """Throughput (analysis time, models loaded) and CPU time, each against plain spaCy."""
    floor = results.get("spacy")
    lines = [
        "| mode | articles/s | words/s | × spaCy words/s | CPU s | × spaCy CPU | seconds | wall s | peak MiB/process |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, r in results.items():
        wps = words / r["seconds"]
        ratio = f"{wps / (words / floor['seconds']):.2f}" if floor else "-"
        cpu_ratio = f"{r['cpu'] / floor['cpu']:.2f}" if floor else "-"
        peaks = "/".join(f"{m:,.0f}" for m in r["peak_mib"])
        lines.append(f"| {mode} | {n / r['seconds']:,.1f} | {wps:,.0f} | {ratio} | {r['cpu']:.1f} | {cpu_ratio} | "
                     f"{r['seconds']:.1f} | {r['wall']:.1f} | {peaks} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {','.join(MODES)}")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--profile", action="store_true", help="CPU time per stage and component, one process")
    parser.add_argument("--run-mode", help=argparse.SUPPRESS)  # internal: one mode in this process
    args = parser.parse_args()
    files = corpus_files(args.corpus, args.articles)
    if args.profile:
        print(f"{len(files)} articles; CPU seconds, best of 2 (component times: mean, part of the analyze_many total)")
        print(profile(files))
        return
    if args.run_mode:
        print(json.dumps(run_mode(args.run_mode, files)))
        return
    words = sum(len(t.split()) for t in read_texts(files))
    print(f"{len(files)} articles, {words:,} words, {os.cpu_count()} cores, batch {BATCH}, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[str, dict] = {}
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, "--run-mode", mode, "--articles", str(args.articles), "--corpus",
               str(args.corpus)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{mode}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        results[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
        r = results[mode]
        print(f"  {mode}: {r['seconds']:.1f} s ({words / r['seconds']:,.0f} words/s), "
              f"peak {max(r['peak_mib']):,.0f} MiB", flush=True)
    print(table(results, len(files), words))
    for mode, r in results.items():
        if r.get("how"):
            print(f"{mode}: {r['how']}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(files), "words": words, "results": results}, indent=2))


if __name__ == "__main__":
    main()
