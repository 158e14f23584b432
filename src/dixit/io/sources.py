"""Where articles come from: files, folders, JSON Lines and WARC archives, as one stream.

`iter_sources(paths)` yields, in a stable order, a `SourceItem` per document (with a source
label that tells a person where to look: `notes.txt`, `feed.jsonl:17`, `crawl.warc.gz@5120`)
or an `InputError` naming the source and the reason, so a caller can record it and go on.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dixit.core import Document
from dixit.errors import InputError
from dixit.io.reading import MAX_BYTES, decode, extract_html, read_document

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", "")
# In a folder, only these are read (annotations, notes and data files beside them are not);
# a file named on the command line is always read.
FOLDER_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


# The start of an HTML page (as `dixit.io.reading` recognises one in a file).
_HTML = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<article[\s>]|<p[\s>]", re.I)


@dataclass(slots=True)
class SourceItem:
    source: str  # a label a person can follow back to the input
    document: Document
    url: str | None = None
    note: str | None = None  # what was done to read it (encoding guessed, HTML extracted)


def iter_sources(
    paths: Iterable[str], *, published: str | None = None, language: str | None = None
) -> Iterator[SourceItem | InputError]:
    """Every document under `paths`; `published` and `language` apply where the input has none."""
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            yield path
        elif _suffix(path) in JSONL_SUFFIXES:
            yield from _jsonl(path, published, language)
        elif _suffix(path) in WARC_SUFFIXES:
            yield from _warc(path, published, language)
        else:
            yield from _file(path, published, language)


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Files as given, folders walked recursively in name order (hidden entries skipped)."""
    for path in paths:
        p = Path(path)
        if path != "-" and not p.exists():
            yield InputError(path, "no such file or folder")
        elif p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and _suffix(name) in FOLDER_SUFFIXES:
                        found = True
                        yield os.path.join(root, name)
            if not found:
                yield InputError(path, "folder with no text, HTML, JSON Lines or WARC file in it")
        else:
            yield path


def count_sources(paths: Iterable[str]) -> int | None:
    """A quick estimate of how many documents `paths` hold (for a progress bar's total):
    one per file, one per line of JSON Lines; None when a WARC makes it unknowable cheaply."""
    total = 0
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            total += 1
        elif _suffix(path) in WARC_SUFFIXES:
            return None
        elif _suffix(path) in JSONL_SUFFIXES:
            try:
                with _open_lines(path, "rb") as f:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda f=f: f.read(1 << 20), b""))
            except (OSError, EOFError, zlib.error):
                total += 1  # a damaged file: reading it will say so

        else:
            total += 1
    return total


def _suffix(path: str) -> str:
    name = os.path.basename(path).lower()
    for s in WARC_SUFFIXES + JSONL_SUFFIXES:
        if name.endswith(s):
            return s
    return os.path.splitext(name)[1]


def _file(path: str, published: str | None, language: str | None) -> Iterator[SourceItem | InputError]:
    try:
        doc, note = read_document(path, published=published, language=language)
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
        return
    except Exception as err:  # noqa: BLE001 - one unreadable file (a parser crash) must not stop the others
        yield InputError(path, f"could not be read ({type(err).__name__}: {err})")
        return
    yield SourceItem(doc.source or path, doc, None, note)


def _open_lines(path: str, mode: str = "rt") -> IO:
    """A JSON Lines file, gunzipped on the fly when its name ends in .gz."""
    if path.lower().endswith(".gz"):
        return gzip.open(path, mode, **({"encoding": "utf-8"} if "t" in mode else {}))
    return open(path, mode, **({"encoding": "utf-8"} if "t" in mode else {}))  # noqa: SIM115


def _jsonl(path: str, published: str | None, language: str | None) -> Iterator[SourceItem | InputError]:
    """One article per line: `text` and optional `title`, `url`, `outlet`, `published`, `language`."""
    try:
        f = _open_lines(path)
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
        return
    with f:
        n = 0
        while True:
            n += 1
            label = f"{path}:{n}"
            try:
                line = f.readline()
            except UnicodeDecodeError as err:
                yield InputError(label, f"not UTF-8 text ({err.reason}); the rest of the file is not read")
                return
            except (OSError, EOFError, zlib.error) as err:  # a truncated or damaged .gz
                yield InputError(label, f"damaged or truncated compressed file ({err}); the rest is not read")
                return
            if not line:
                return
            if line.strip():
                yield _jsonl_item(line, label, published, language)


def _jsonl_item(line: str, label: str, published: str | None, language: str | None) -> SourceItem | InputError:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(label, f"broken JSON line ({err.msg} at column {err.colno})")
    if not isinstance(data, dict):
        return InputError(label, "JSON line is not an object with a 'text' field")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(label, "JSON line without a 'text' field holding the article")
    if len(text.encode("utf-8")) > MAX_BYTES:
        return InputError(label, f"text too large (over {MAX_BYTES:,} bytes)")
    note, page_date = None, None
    if _HTML.search(text[:4096].encode("utf-8", "ignore")):
        try:
            text, page_date = _page(text, label)
        except InputError as err:
            return err
        note = "HTML text: article extracted with trafilatura"
    doc = Document(
        text=text,
        published=_str(data.get("published")) or page_date or published,
        language=_str(data.get("language")) or language,
        source=label,
        title=_str(data.get("title")),
        outlet=_str(data.get("outlet")),
    )
    return SourceItem(label, doc, _str(data.get("url")), note)


def _page(html: str, label: str) -> tuple[str, str | None]:
    """The article text of an HTML page and its date, when `extract_html` gives one."""
    out = extract_html(html, label)
    return out if isinstance(out, tuple) else (out, None)


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _warc(path: str, published: str | None, language: str | None) -> Iterator[SourceItem | InputError]:
    """HTML responses of a WARC (or ARC) file, gzipped or not; a truncated or damaged record
    is reported and ends the reading of that file (what follows cannot be located)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        size = os.path.getsize(path)
        f = open(path, "rb")  # noqa: SIM115 - closed below, records read lazily
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
        return
    with f:
        it = ArchiveIterator(f, arc2warc=True)
        try:
            for record in it:
                # it.offset is where this record starts (get_record_offset() would consume it)
                item = _warc_record(record, f"{path}@{it.offset}", published, language)
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
            yield InputError(f"{path}@{it.offset}", f"damaged or truncated WARC data: {err}")
            return
        if it.offset < size:
            yield InputError(f"{path}@{it.offset}", f"truncated WARC record ({size - it.offset:,} bytes cut short)")


def _warc_record(record, label: str, published: str | None, language: str | None) -> SourceItem | InputError | None:
    """A response record with an HTML or text payload as a SourceItem; other records: None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if ctype and not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(MAX_BYTES + 1)
    if getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= MAX_BYTES:
        return InputError(label, f"truncated WARC record ({url}): its content ends early")
    page_date = None
    try:
        text = decode(payload, label).text
        if "html" in ctype or _HTML.search(payload[:4096]):
            text, page_date = _page(text, label)
    except InputError as err:
        return err
    doc = Document(text=text, published=page_date or published, language=language, source=label)
    return SourceItem(label, doc, url, "HTML page: article text extracted with trafilatura")
