"""Input of a cluster run: listed on the client, cut into partitions, read on the workers.

The client only lists file names (cheap, no reading), so a partition is a short list of
paths that travels to a worker; the worker reads and decodes the files itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dixit import __version__
from dixit.core import Document
from dixit.errors import InputError


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
    """Files to analyse: the paths given, folders expanded (sorted; hidden files skipped)."""
    found: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found.extend(
                str(f) for f in sorted(p.rglob("*"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            found.append(str(path))  # a missing file is reported by the worker that reads it
    return found


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


def read_partition(part: Partition) -> Iterator[Document | InputError]:
    """The documents of a partition, in order; a source that cannot be read yields its error."""
    from dixit.io.reading import read_document

    for source in part.sources:
        try:
            doc, _note = read_document(source, published=part.published, language=part.language)
        except InputError as err:
            yield err
        except OSError as err:
            yield InputError(source, f"could not be read: {err}")
        else:
            yield doc
