"""Turn a file (or standard input) into a `Document`, or a clear `InputError`.

Checks, in order: size limit, empty, binary, encoding (UTF-8, else detected and named),
HTML (the article is extracted with trafilatura). The text returned is what gets analysed.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from dixit.core import Document
from dixit.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # 5 MiB: far above any news article, below what would exhaust memory
_HTML = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<article[\s>]|<p[\s>]", re.I)


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str  # the encoding the bytes were read with
    note: str | None = None  # what the reader did that the user should know


def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a folder, not a file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(path, f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
    return p.read_bytes()


def decode(data: bytes, source: str) -> Decoded:
    """Bytes to text: UTF-8 when it is, else the encoding charset-normalizer finds."""
    if len(data) > MAX_BYTES:
        raise InputError(source, f"input too large (over {MAX_BYTES:,} bytes)")
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _looks_binary(str(best)):
        raise InputError(source, "binary or undecodable file: not UTF-8 and no text encoding fits")
    return Decoded(str(best), best.encoding, f"not UTF-8: read as {best.encoding}")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    return controls > len(text[:4096]) * 0.05


def extract_html(text: str, source: str) -> str:
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(text)
    if not body or not body.strip():
        raise InputError(source, "HTML page with no article text that could be extracted")
    title = meta.title if meta and meta.title else None
    site = meta.sitename if meta and meta.sitename else None
    head = f"{title} — {site}" if title and site else title
    return f"{head}\n{body}" if head else body


def read_document(path: str, *, published: str | None = None, language: str | None = None) -> tuple[
    Document, str | None
]:
    """A file as a Document, with a note on what was done to read it (or None)."""
    source = "<stdin>" if path == "-" else path
    decoded = decode(read_bytes(path), source)
    text, note = decoded.text, decoded.note
    if _HTML.search(text[:4096].encode("utf-8", "ignore")):
        text = extract_html(text, source)
        note = "; ".join(filter(None, [note, "HTML page: article text extracted with trafilatura"]))
    return Document(text=text, published=published, language=language, source=source), note
