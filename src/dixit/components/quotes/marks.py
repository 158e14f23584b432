"""Pairing quotation marks: character-level work, one paragraph at a time.

A quote left open at the end of a paragraph runs to its end (the English convention for a
quotation over several paragraphs reopens the mark on the next one).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Marked:
    """A stretch of text between quotation marks."""

    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end when left open
    start: int  # the words inside, without the white space next to the marks
    end: int
    open_end: bool = False  # left open at the end of its paragraph

    def inside(self, start: int, end: int) -> bool:
        return start <= self.open and self.close <= end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_opening(text: str, i: int) -> bool:
    """A mark that opens and closes alike ("): opening when a word follows it directly."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{-–—'’:") and not after.isspace()


def pair_marks(text: str, openers: dict[str, str]) -> list[Marked]:
    """All quoted stretches of `text`, nested ones included, sorted by opening mark."""
    closers = {c: o for o, c in openers.items()}
    found: list[Marked] = []
    offset = 0
    for para in text.split("\n"):
        stack: list[tuple[str, int]] = []
        for i, ch in enumerate(para):
            if ch not in openers and ch not in closers:
                continue
            symmetric = openers.get(ch) == ch
            closing = ch in closers and any(o == closers[ch] for o, _ in stack)
            if symmetric and closing and _is_opening(para, i) and stack[-1][0] != ch:
                closing = False
            if closing:
                while stack:
                    o, at = stack.pop()
                    if o == closers[ch]:
                        found.append(_marked(text, offset + at, offset + i))
                        break
            elif _mismatched(para, i, stack, openers, closers):
                _, at = stack.pop()
                found.append(_marked(text, offset + at, offset + i))
            elif ch in openers and (not symmetric or _is_opening(para, i)):
                stack.append((ch, i))
        for _, at in stack:  # left open: runs to the end of the paragraph
            found.append(_marked(text, offset + at, offset + len(para), open_end=True))
        offset += len(para) + 1
    return sorted(f for f in found if f.end > f.start)


def _mismatched(
    para: str, i: int, stack: list[tuple[str, int]], openers: dict[str, str], closers: dict[str, str]
) -> bool:
    """A closing mark of another kind than the open one, where one of the two is the straight mark
    that typists use for both ("Yes,” he said): it closes the quotation all the same."""
    ch = para[i]
    if not stack or ch not in closers or stack[-1][0] == closers[ch]:
        return False
    top = stack[-1][0]
    if openers.get(ch) == ch:  # a straight mark that opens nothing here closes a curly opener
        return not _is_opening(para, i)
    return openers.get(top) == top  # a curly closer closes a straight opener


def _marked(text: str, open_at: int, close_at: int, open_end: bool = False) -> Marked:
    start, end = _strip(text, open_at + 1, close_at)
    return Marked(open_at, close_at if not open_end else end, start, end, open_end)
