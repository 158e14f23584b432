"""Text problems: boilerplate, machine-translation damage, encoding damage.

The patterns are data: `lang/common/flags.toml` (mojibake, doubled quotation marks, glued
sentences...) and `lang/<code>/flags.toml` (a language's boilerplate, untranslated words,
grammar artifacts). Each regular expression's matches become flags of its kind; an
`[agreement]` table asks for nouns whose adjectives or determiners disagree with them in
the parse. The text is never changed: offsets index into `Article.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

import numpy as np
from spacy.attrs import DEP, HEAD, POS
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from dixit.components import component
from dixit.components.context import Context
from dixit.lang import common_toml, get_language
from dixit.model import Flag, FlagKind

# Kinds in the order their patterns run (the contract's order); a table of another name is
# not a pattern list.
KINDS: tuple[str, ...] = get_args(FlagKind)


@dataclass(frozen=True)
class Agreement:
    """One morphological feature a word must share with its head noun (see fr/flags.toml)."""

    feature: str  # "Number", "Gender"
    deps: frozenset[str]
    pos: frozenset[str]
    endings: dict[str, tuple[str, ...]]  # value -> word endings that confirm it

    def confirmed(self, tok: Token, value: str) -> bool:
        """Whether the word's form says the value the parse gives: it has the value's ending and
        its lemma has not (an invariable word such as "discours" says nothing), or it has none
        of the feature's endings."""
        word = tok.text.lower()
        if value in self.endings:
            return word.endswith(self.endings[value]) and tok.lemma_.lower() != word
        return not any(word.endswith(e) for ends in self.endings.values() for e in ends)


@dataclass(frozen=True)
class FlagRules:
    code: str  # the language
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, compiled regex)
    merge_gap: dict[str, int]
    agreements: tuple[Agreement, ...] = ()
    quote_pairs: tuple[str, ...] = ()  # "«»": opening and closing mark
    whole_words: frozenset[str] = frozenset()  # kinds whose flags cover whole words
    token_patterns: tuple[tuple[str, list[dict[str, Any]]], ...] = ()  # (kind, spaCy Matcher pattern)


@cache
def rules_for(code: str) -> FlagRules:
    """The compiled rules of a language: common patterns first, then the language's."""
    common, own = common_toml("flags"), get_language(code).toml("flags")
    patterns = [
        (kind, re.compile(rx))
        for table in (common, own)
        for kind in KINDS
        for rx in table.get(kind, {}).get("patterns", [])
    ]
    agreements = tuple(
        Agreement(feature, frozenset(spec["deps"]), frozenset(spec["pos"]),
                  {value: tuple(ends) for value, ends in spec.get("endings", {}).items()})
        for feature, spec in own.get("agreement", {}).items()
    )
    pairs = own.get("quote_pairs", common.get("quote_pairs", {})).get("pairs", [])
    return FlagRules(
        code=code,
        patterns=tuple(patterns),
        merge_gap={**common.get("merge_gap", {}), **own.get("merge_gap", {})},
        agreements=agreements,
        quote_pairs=tuple(pairs),
        whole_words=frozenset(common.get("whole_words", {}).get("kinds", [])),
        token_patterns=tuple(
            (kind, pattern)
            for table in (common, own)
            for kind in KINDS
            for pattern in table.get(kind, {}).get("token_patterns", [])
        ),
    )


@cache
def _matcher(code: str, vocab: Vocab) -> Matcher | None:
    """The language's token patterns in one spaCy Matcher (built once per vocabulary)."""
    rules = rules_for(code)
    if not rules.token_patterns:
        return None
    matcher = Matcher(vocab)
    for i, (kind, pattern) in enumerate(rules.token_patterns):
        matcher.add(f"{kind}#{i}", [pattern])
    return matcher


def token_pattern_flags(doc: Doc, code: str) -> list[Flag]:
    """Flags from the parse-level patterns (`token_patterns` in flags.toml)."""
    matcher = _matcher(code, doc.vocab)
    if matcher is None:
        return []
    out = []
    for match_id, start, end in matcher(doc):
        kind = doc.vocab.strings[match_id].split("#", 1)[0]
        span = doc[start:end]
        out.append(Flag(kind, span.start_char, span.end_char))
    return out


def find_flags(text: str, rules: FlagRules, doc: Doc | None = None) -> list[Flag]:
    """Every flag of a text, merged per kind and sorted by position."""
    found = [
        Flag(kind, m.start(), m.end()) for kind, rx in rules.patterns for m in rx.finditer(text) if m.end() > m.start()
    ]
    if doc is not None:
        found += token_pattern_flags(doc, rules.code)
        if rules.agreements:
            found += agreement_flags(doc, rules.agreements)
    found += orphan_closers(text, rules.quote_pairs)
    found += repeated_title(text)
    found = [widen(f, text) if f.kind in rules.whole_words else f for f in found]
    return merge(found, text, rules.merge_gap)


_WORD_CHAR = re.compile(r"[^\s,.;:!?()\[\]«»“”\"]")


def widen(flag: Flag, text: str) -> Flag:
    """The flag stretched to the start and end of the words it touches."""
    start, end = flag.start, flag.end
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    return Flag(flag.kind, start, end)


def agreement_flags(doc: Doc, agreements: tuple[Agreement, ...]) -> list[Flag]:
    """A noun and the word next to it that disagree (in number, say), the parse and the forms
    both saying so: one pass over the tokens. Coordinated adjectives ("programmes nucléaire et
    balistique") and halves of hyphenated compounds ("russo-bulgares") agree otherwise."""
    out = []
    for i in _next_to_noun(doc, agreements):
        tok = doc[i]
        head = tok.head
        for agr in agreements:
            if tok.dep_ not in agr.deps or tok.pos_ not in agr.pos:
                continue
            mine, theirs = tok.morph.get(agr.feature), head.morph.get(agr.feature)
            if len(mine) != 1 or len(theirs) != 1 or mine == theirs:
                continue
            # tested last: walking a token's children is the costly part
            if agr.confirmed(tok, mine[0]) and agr.confirmed(head, theirs[0]) and not _coordinated_or_compound(tok):
                lo, hi = sorted((tok, head), key=lambda t: t.i)
                out.append(Flag("grammar_artifact", lo.idx, hi.idx + len(hi.text)))
                break
    return out


def _next_to_noun(doc: Doc, agreements: tuple[Agreement, ...]) -> list[int]:
    """Tokens right next to their head noun, of a dependency and part of speech some agreement
    checks: found on the parse arrays, not by creating a Token per token."""
    if not len(doc):
        return []
    arr = doc.to_array([HEAD, POS, DEP]).astype(np.int64)  # HEAD: offset to the head, negative wrapped
    offset, pos, dep = arr[:, 0], arr[:, 1], arr[:, 2]
    heads = np.arange(len(doc)) + offset
    strings = doc.vocab.strings
    deps = [strings.as_int(d) for agr in agreements for d in agr.deps]
    tags = [POS_IDS[p] for agr in agreements for p in agr.pos if p in POS_IDS]
    keep = (np.abs(offset) == 1) & (pos[heads] == POS_IDS["NOUN"]) & np.isin(dep, deps) & np.isin(pos, tags)
    return np.flatnonzero(keep).tolist()


def _coordinated_or_compound(tok: Token) -> bool:
    if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return bool(nxt is not None and not tok.whitespace_ and nxt.text.startswith("-"))


def orphan_closers(text: str, pairs: tuple[str, ...]) -> list[Flag]:
    """Closing quotation marks that close nothing opened before them in their paragraph."""
    out = []
    for pair in pairs:
        opener, closer = pair[0], pair[1]
        marks = re.compile(f"[{re.escape(opener)}{re.escape(closer)}\n]")
        depth = 0
        for m in marks.finditer(text):
            mark = m.group()
            if mark == "\n":
                depth = 0
            elif mark == opener:
                depth += 1
            elif depth:
                depth -= 1
            else:
                out.append(Flag("punctuation_artifact", m.start(), m.end()))
    return out


def repeated_title(text: str) -> list[Flag]:
    """The title line repeated as the first line of the body: a scraper's duplicate."""
    lines = text.split("\n", 2)
    if len(lines) < 2:
        return []
    from dixit.components.layout import split_title

    title = split_title(lines[0])[0]
    start = len(lines[0]) + 1
    if title and lines[1].strip() == title:
        return [Flag("boilerplate", start, start + len(lines[1]))]
    return []


def merge(flags: list[Flag], text: str, gaps: dict[str, int]) -> list[Flag]:
    """Overlapping flags of one kind become one; so do those closer than the kind's gap on one line."""
    out: list[Flag] = []
    for f in sorted(flags, key=lambda f: (f.kind, f.start, f.end)):
        last = out[-1] if out and out[-1].kind == f.kind else None
        gap = gaps.get(f.kind, 0)
        if last and f.start <= last.end + gap and "\n" not in text[last.end : f.start]:
            out[-1] = Flag(f.kind, last.start, max(last.end, f.end))
        else:
            out.append(f)
    return sorted(out, key=lambda f: (f.start, f.end, f.kind))


@component("flags")
def flags(ctx: Context) -> None:
    ctx.article.flags = find_flags(ctx.text, rules_for(ctx.lang.code), ctx.doc)
