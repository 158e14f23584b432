"""Turn a file (or standard input) into a `Document`, or a clear `InputError`.

Checks, in order: the path exists, size limit, empty, binary, encoding (UTF-8, else detected
with charset-normalizer and named in a note), HTML (the article is extracted with trafilatura;
a page with no article is an error). The text returned is what gets analysed; the pure core
(`dixit.core`) never touches a file. Folders, JSON Lines and WARC archives are walked by
`dixit.io.sources`, which reads each file through here.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from dixit.core import Document
from dixit.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # 5 MiB: far above any news article, below what would exhaust memory
# An extracted HTML body of fewer words is a menu, a cookie notice or a bare heading, not an
# article (a one-sentence dispatch still has more).
MIN_ARTICLE_WORDS = 10

_HTML = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<article[\s>]|<p[\s>]", re.I)
# Leading bytes of common binary formats, so the error can say what the file is.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/ODT document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
# When several encodings decode the bytes equally well, the one most used on the web wins
# (charset-normalizer alone may pick cp1250 for French, turning "è" into "č").
_ENCODING_PREFERENCE = [
    "utf_8", "cp1252", "iso8859_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2",
    "cp1256", "cp1253", "cp1254", "iso8859_9", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
]


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str  # the encoding the bytes were read with
    note: str | None = None  # what the reader did that the user should know


def read_bytes(path: str) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError("<stdin>", f"input too large (over {MAX_BYTES:,} bytes, the limit)")
        return data
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or folder")
    if p.is_dir():
        raise InputError(path, "is a folder, not a file")
    if not p.is_file():
        raise InputError(path, "not a regular file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(path, f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
    try:
        return p.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from err


def decode(data: bytes, source: str) -> Decoded:
    """Bytes to text: UTF-8 when it is, else the encoding charset-normalizer finds."""
    if len(data) > MAX_BYTES:
        raise InputError(source, f"input too large (over {MAX_BYTES:,} bytes, the limit)")
    if not data.lstrip(b"\xef\xbb\xbf").strip():
        raise InputError(source, "empty file")
    kind = next((name for magic, name in _MAGIC.items() if data.startswith(magic)), None)
    if kind:
        raise InputError(source, f"binary file ({kind}), not text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _detect_encoding(data)
    if encoding is None:
        raise InputError(source, "binary or undecodable file: not UTF-8 and no text encoding fits")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(source, f"undecodable file: not UTF-8, and not {encoding} either") from err
    if _looks_binary(text):
        raise InputError(source, "binary file (control characters), not text")
    return Decoded(text, encoding, f"not UTF-8: read as {encoding} (detected by charset-normalizer)")


def _detect_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds least chaotic, the most common among ties."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    best = [m for m in matches if m.chaos <= least + 0.01]

    def rank(name: str) -> int:
        return _ENCODING_PREFERENCE.index(name) if name in _ENCODING_PREFERENCE else len(_ENCODING_PREFERENCE)

    names = [name for m in best for name in (m.encoding, *m.could_be_from_charset)]
    return min(names, key=rank)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return controls > len(sample) * 0.05


def extract_html(html: str, source: str) -> tuple[str, str | None]:
    """The article of an HTML page as "TITLE — SITE" + body, and its date when the page says."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    words = len(body.split())
    if words < MIN_ARTICLE_WORDS:
        raise InputError(
            source,
            f"HTML page with no article in it (trafilatura extracted {words} words of text; "
            f"an article has at least {MIN_ARTICLE_WORDS})",
        )
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta and meta.title else None
    site = meta.sitename if meta and meta.sitename else None
    head = f"{title} — {site}" if title and site else title
    date = meta.date if meta and meta.date else None
    return (f"{head}\n{body}" if head else body), date


def read_document(
    path: str, *, published: str | None = None, language: str | None = None
) -> tuple[Document, str | None]:
    """A file as a Document, with a note on what was done to read it (or None)."""
    source = "<stdin>" if path == "-" else path
    decoded = decode(read_bytes(path), source)
    text, notes = decoded.text, [decoded.note]
    if _HTML.search(text[:4096].encode("utf-8", "ignore")):
        text, date = extract_html(text, source)
        published = published or date
        notes.append("HTML page: article text extracted with trafilatura")
    note = "; ".join(n for n in notes if n) or None
    return Document(text=text, published=published, language=language, source=source), note
