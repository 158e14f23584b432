"""Text features for provenance that need no parse: words, shingles, anchors, passages.

Everything here works on raw text in any script, so an article in a language dixit cannot
analyse (Hindi, Spanish...) still gets a fingerprint and can be found as a copy. The
cross-language features (`skeleton`, numbers, names) rest on what survives translation
between languages written in Latin script: digits, proper names and long cognates.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"»”’)]*|\n|$)")
# Letters spelled differently across Latin-script languages for the same sound (k/c/q, y/i,
# w/v): merged so that "Korea"/"Corée", "Kyrgyz"/"Kirghiz", "Ecuador"/"Équateur" meet.
_SOUND = str.maketrans({"k": "c", "q": "c", "y": "i", "w": "v", "z": "s", "j": "i"})
_DOUBLE = re.compile(r"(\w)\1+")
SKELETON_LEN = 4  # letters kept of a long word: enough for a cognate, short of its inflection or ending


@dataclass(frozen=True, slots=True)
class Token:
    norm: str  # lowercased, accents stripped
    start: int
    end: int
    capital: bool  # written with a capital initial (a name, or a sentence start)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase without accents: 'Équateur' -> 'equateur'."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def tokens(text: str) -> list[Token]:
    return [Token(fold(m.group()), m.start(), m.end(), m.group()[:1].isupper()) for m in _WORD.finditer(text)]


def words(text: str) -> tuple[list[str], list[bool]]:
    """The folded words of `tokens` and whether each has a capital initial, without their offsets
    (no Token objects: what a fingerprint needs, at a fraction of the cost)."""
    found = _WORD.findall(text)
    return [fold(w) for w in found], [w[:1].isupper() for w in found]


@lru_cache(maxsize=65536)
def skeleton(norm: str) -> str:
    """A spelling-tolerant key of a word shared by its translations when they are cognates.

    'Belousov'/'Belooussov', 'Moscow'/'Moscou', 'military'/'militaire' get the same key.
    """
    word = _DOUBLE.sub(r"\1", norm.translate(_SOUND).replace("ph", "f").replace("-", ""))
    return word[:SKELETON_LEN]


def number_value(raw: str) -> str:
    """A number as written in any convention: '10,000', '10 000' and '10000' are '10000'."""
    digits = re.sub(r"[\u00a0\u202f ]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        return re.sub(r"[.,]", "", digits)
    return digits.replace(",", ".")


def numbers(text: str) -> list[tuple[str, int, int]]:
    return [(number_value(m.group()), m.start(), m.end()) for m in _NUMBER.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence-like spans (start, end) cut at end punctuation and line breaks."""
    spans = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def stable_hash(value: str) -> int:
    """A 63-bit hash that is the same in every process (Python's hash() is salted)."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def shingles(words: list[str], k: int) -> set[str]:
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence, bit-parallel (Allison-Dix): O(len(a)*len(b)/64)."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, x in enumerate(a):
        masks[x] = masks.get(x, 0) | (1 << i)
    s = 0
    for y in b:
        x = masks.get(y, 0) | s
        s = x & ((x - ((s << 1) | 1)) ^ x)
    return s.bit_count()


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of identical words in two texts: token positions and character offsets in both."""

    a_token: int
    b_token: int
    n_words: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def shared_passages(a: list[Token], b: list[Token], n: int = 5) -> list[Passage]:
    """Maximal runs of >= n identical (folded) words, found greedily in one pass over `a`."""
    aw, bw = [t.norm for t in a], [t.norm for t in b]
    first: dict[tuple[str, ...], int] = {}
    for j in range(len(bw) - n + 1):
        first.setdefault(tuple(bw[j:j + n]), j)
    out: list[Passage] = []
    i = 0
    while i <= len(aw) - n:
        j = first.get(tuple(aw[i:i + n]))
        if j is None:
            i += 1
            continue
        k = n
        while i + k < len(aw) and j + k < len(bw) and aw[i + k] == bw[j + k]:
            k += 1
        out.append(Passage(i, j, k, a[i].start, a[i + k - 1].end, b[j].start, b[j + k - 1].end))
        i += k
    return out


def cross_tokens(toks: list[Token]) -> list[str]:
    """The sequence of what a translation keeps: numbers, names and long (cognate) words.

    A capitalised word counts as a name unless the text also writes it in lower case (then it
    is a common word at a sentence start: 'The', 'Les').
    """
    return cross_words([t.norm for t in toks], [t.capital for t in toks])


def cross_words(norms: list[str], capitals: list[bool]) -> list[str]:
    """`cross_tokens` of folded words and their capital-initial marks (see `words`)."""
    lower = {w for w, cap in zip(norms, capitals, strict=True) if not cap}
    out = []
    for w, cap in zip(norms, capitals, strict=True):
        if w.isdigit():
            out.append(w)
        elif (cap and len(w) >= 3 and w not in lower) or len(w) >= 7:
            out.append(skeleton(w))
    return out
