"""Input of a cluster run: listed on the client, cut into partitions, read on the workers.

The client only lists file names (cheap, no reading), so a partition is a short list of
paths that travels to a worker; the worker reads and decodes the files itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dixit import __version__
from dixit.errors import InputError
from dixit.io.sources import SourceItem, expand_paths, iter_sources


@dataclass(frozen=True, slots=True)
class Partition:
    """One task: the sources a worker reads and analyses, and where it writes the result.

    `key` is derived from the sources and the options, so a re-run over the same input
    finds the partitions already written and a retried task rewrites the same files.
    """

    key: str
    index: int
    sources: tuple[str, ...]
    out_dir: str
    published: str | None = None
    language: str | None = None


def list_sources(paths: Iterable[str]) -> list[str]:
    """Files to analyse, as `dixit ingest` finds them: folders walked in name order (the
    file types dixit reads, hidden entries skipped). A missing path stays in the list: the
    worker that reads it records the error."""
    return [p.source if isinstance(p, InputError) else p for p in expand_paths(paths)]


def partition_key(sources: Iterable[str], published: str | None, language: str | None) -> str:
    payload = json.dumps([list(sources), published, language, __version__], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def plan_partitions(
    sources: list[str],
    out_dir: str,
    *,
    size: int = 64,
    published: str | None = None,
    language: str | None = None,
) -> list[Partition]:
    if size < 1:
        raise ValueError("partition size must be at least 1")
    parts = []
    for index, start in enumerate(range(0, len(sources), size)):
        chunk = tuple(sources[start:start + size])
        key = partition_key(chunk, published, language)
        parts.append(Partition(key, index, chunk, out_dir, published, language))
    return parts


def read_partition(part: Partition) -> Iterator[SourceItem | InputError]:
    """The documents of a partition, in order (a JSONL or WARC file holds many); a source
    that cannot be read yields its error."""
    return iter_sources(list(part.sources), published=part.published, language=part.language)
