"""Quotes: direct, mixed and indirect, with speaker, cue and the chain of intermediaries.

Three passes over one parsed article, all driven by `lang/<code>/quotes.toml`:
1. cues: reporting verbs with their reported clause (que-clause, infinitive, object,
   inverted "CLAIM, a déclaré X"), prepositions ("selon X") and headline separators;
2. quotation marks (paired character by character) that no clause took: direct quotes of
   the nearest cue, or continuations of the quote before them;
3. speakers: the noun phrase or pronoun of each cue, resolved through the actor index.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from dixit.components import component
from dixit.components.context import Context
from dixit.components.quotes.data import QuoteData, fold, quote_data
from dixit.components.quotes.marks import Marked, pair_marks
from dixit.components.quotes.speakers import Resolver
from dixit.components.quotes.syntax import (
    NOMINAL,
    clause_end,
    first_marker,
    is_verbal,
    left_comma,
    negated,
    np_bounds,
    speaker_after,
    subject_of,
    trim,
)
from dixit.components.strings import filter_for
from dixit.model import Cue, Quote

# A direct quote takes a clause when the marks cover this share of it.
_DIRECT_SHARE = 0.85
# A cue-less quotation continues the quote before it when that one ends this close (chars).
_CONTINUATION_REACH = 1500
# Dependency labels of clauses inside another one (relative, adverbial, clausal complement).
_EMBEDDED = frozenset({"acl", "acl:relcl", "relcl", "advcl"})
# Punctuation that never starts a sentence: what comes before it goes on.
_CONTINUERS = frozenset({",", ";", ":", ")", "]"})
# Dependents of a cue that start another statement or an aside, never continue its object.
_RUN_ON_STOPS = frozenset({"punct", "conj", "cc", "parataxis", "nsubj", "obj", "dobj", "dep"})
# Marks crossed between an object and what follows it ("(FLPT) pour ...").
_RUN_ON_SKIPS = frozenset({")", "]", "»", "”", '"'})
# Tokens looked at after a cue for "que", "de" or a complement.
_CUE_REACH = 16


@dataclass
class VerbCue:
    token: Token
    last: int  # index of the cue's last token ("faire état": état)
    lemma: str
    speaker: Token | None = None
    inverted: bool = False
    comma: int = -1  # the comma (or closing mark) ending the clause of an inverted cue


@dataclass
class Found:
    """A statement before its speaker is resolved."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    speaker: Token | None = None
    speaker_chars: tuple[int, int] | None = None  # for headline speakers (no token head)
    via: list[Token] = field(default_factory=list)
    follows: Found | None = None  # a continuation takes this quote's speaker
    sent: int = -1
    entity: str | None = None
    mention: tuple[int, int] | None = None
    co_speakers: list[str] = field(default_factory=list)


@component("quotes")
def quotes(ctx: Context) -> None:
    data = quote_data(ctx.lang)
    if not data.verbs and not data.openers:
        return
    finder = _Finder(ctx, data)
    found = finder.run()
    ctx.article.quotes = _resolve(ctx, data, found)


class _Finder:
    def __init__(self, ctx: Context, data: QuoteData) -> None:
        self.ctx, self.data, self.doc, self.text = ctx, data, ctx.doc, ctx.text
        self.sents: list[Span] = _sentences(self.doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.marks = pair_marks(self.text, data.openers)
        self.words = _folded_words(self.doc)  # shared by every pass that matches phrases
        self.absorbed: set[Marked] = set()
        self.cues: dict[int, VerbCue] = {}
        self.vias: dict[int, list[Token]] = {}  # cue token -> intermediaries ("selon KCNA", "rapporte B92")
        self.found: list[Found] = []

    def sent_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def run(self) -> list[Found]:
        # a reporting verb inside a quotation is the speaker's word, not the article's cue
        quoted = [(m.open, m.close) for m in self.marks]
        self.cues = {
            c.token.i: c
            for c in _verb_cues(self.doc, self.data, self.words)
            if not any(o < c.token.idx < e for o, e in quoted)
        }
        cue_index = set(self.cues)
        for k, sent in enumerate(self.sents):
            for cue in [c for i, c in self.cues.items() if sent.start <= i < sent.end]:
                self.verb_claim(cue, sent, k, cue_index)
        for k, sent in enumerate(self.sents):
            self.prep_claims(sent, k)
        self.headline()
        self.direct_quotes()
        self.via_phrases()
        return sorted(self.found, key=lambda f: (f.start, -f.end))

    # -- verbs -------------------------------------------------------------------------
    def verb_claim(self, cue: VerbCue, sent: Span, k: int, cue_index: set[int]) -> None:
        doc, data, v = self.doc, self.data, cue.token
        stop = min(cue.last + 1 + _CUE_REACH, sent.end)
        clause = None
        que = first_marker(doc, cue.last + 1, stop, data.complementizers, cue_index, data)
        if que is not None:
            end = clause_end(v, que.i, sent.end, que.head)
            clause = (que.i + 1, max(end, que.i + 2))
            # "a indiqué, en citant des « sources », que ...": words quoted in the frame state nothing
            self.absorbed.update(m for m in self.marks if v.idx < m.open and m.close < que.idx)
        if clause is None and cue.lemma in data.object_de:
            clause = self.object_de_clause(v, cue.last, sent)
        if clause is None and cue.lemma in data.infinitive:
            mark = first_marker(doc, cue.last + 1, stop, data.infinitive_markers, cue_index, data)
            if mark is not None and mark.head.i > mark.i and mark.head.pos_ in ("VERB", "AUX"):
                clause = (mark.i, min(mark.head.right_edge.i + 1, sent.end))
        if clause is None:
            clause = self.ccomp_clause(v, cue.last)
        if clause is None and cue.lemma in data.noun_object and not negated(v, data.negations):
            clause = self.object_clause(v, cue, sent)
        if clause is None:
            clause = self.inverted_clause(cue, sent)
        if clause is None:
            clause = self.headline_rest(cue)
        cue.speaker = self.verb_speaker(cue)
        # "n'a pas voulu dire si ...": what is not said is no statement
        said_not = negated(v, data.negations) or (v.dep_ == "xcomp" and negated(v.head, data.negations))
        if clause is not None:  # a clause never runs past its sentence (nor the text)
            clause = (clause[0], min(clause[1], sent.end))
        if clause is None or clause[1] <= clause[0] or said_not:
            return
        if fold(doc[clause[0]].text) in data.interrogatives:
            return  # "a indiqué si Moscou répondrait": a question left open states nothing
        if cue.inverted and cue.lemma in data.relay and any(clause[0] <= i < clause[1] for i in self.cues):
            self.relayed(clause, cue)  # "..., a déclaré X, rapporte B92": B92 passes it on
            return
        start, end = trim(self.text, doc[clause[0]].idx, _end_char(doc, clause[1] - 1))
        if end > start:
            self.add_clause(start, end, _cue_of(doc, cue), cue.speaker, k)

    def relayed(self, clause: tuple[int, int], relay: VerbCue) -> None:
        if relay.speaker is not None:
            for i in self.cues:
                if clause[0] <= i < clause[1]:
                    self.vias.setdefault(i, []).append(relay.speaker)

    def object_de_clause(self, v: Token, last: int, sent: Span) -> tuple[int, int] | None:
        obj = next((c for c in v.children if c.i > last and c.dep_ in ("obj", "dobj")), None)
        if obj is None:
            return None
        end = obj.right_edge.i + 1
        for child in v.children:
            if child.i > obj.i and child.dep_ != "punct" and fold(child.left_edge.text) in self.data.object_markers:
                end = max(end, child.right_edge.i + 1)
        # "a qualifié de « scandaleuses » les menaces": the de-phrase may come first
        fronted = [
            c.left_edge.i
            for c in v.children
            if last < c.i < obj.left_edge.i and c.dep_ != "punct" and fold(c.left_edge.text) in self.data.object_markers
        ]
        has_de = bool(fronted) or any(fold(t.text) in self.data.object_markers for t in self.doc[obj.i : end])
        start = min([obj.left_edge.i, *fronted])
        return (start, min(self.run_on(v, obj.i, end), sent.end)) if has_de else None

    def run_on(self, v: Token, start: int, end: int) -> int:
        """The end of "accusé X de collusion avec Y pour « faire la guerre »": the cue's dependents
        that follow on without a comma belong to the statement, circumstances ("selon ...") do not."""
        starts = {c.left_edge.i: c for c in v.children if c.i >= end and c.dep_ not in _RUN_ON_STOPS}
        while True:
            j = end
            while j < len(self.doc) and self.doc[j].text in _RUN_ON_SKIPS:
                j += 1
            child = starts.get(j)
            if child is None or fold(self.doc[j].text) in self.data.circumstances:
                # a bracket opened inside the statement closes in it: "(FLPT)"
                opened = end < len(self.doc) and self.doc[end].text == ")" and "(" in self.doc[start:end].text
                return end + 1 if opened else end
            comma = next((t.i for t in self.doc[j : child.right_edge.i + 1] if t.text in (",", ";")), None)
            if comma is not None:
                return comma
            end = child.right_edge.i + 1

    def ccomp_clause(self, v: Token, last: int) -> tuple[int, int] | None:
        for child in v.children:
            if child.dep_ == "ccomp" and last < child.left_edge.i <= last + 3:
                return child.left_edge.i, child.right_edge.i + 1
        return None

    def object_clause(self, v: Token, cue: VerbCue, sent: Span) -> tuple[int, int] | None:
        heads = {v.i, cue.last}
        objects = [
            t
            for t in self.doc[cue.last + 1 : min(cue.last + _CUE_REACH, sent.end)]
            if t.head.i in heads
            and t.pos_ in NOMINAL
            and t.dep_ not in ("nsubj", "expl:subj")
            and fold(t.lemma_) not in self.data.not_speakers
        ]
        for tok in sorted(objects, key=lambda t: (t.dep_ not in ("obj", "dobj"), t.i)):
            start = tok.left_edge.i
            while start < tok.i and self.doc[start].pos_ == "ADP":
                start += 1
            return start, tok.right_edge.i + 1
        return None

    def inverted_clause(self, cue: VerbCue, sent: Span) -> tuple[int, int] | None:
        v = cue.token
        # auxiliaries and clitics between comma and verb: "..., s'est indigné le diplomate"
        skip = {
            c.i for c in v.children if c.dep_.startswith(("aux", "expl")) or (c.pos_ == "PRON" and v.i - 3 <= c.i < v.i)
        }
        subj = next((c for c in v.children if c.dep_.startswith("nsubj") and c.i < v.i), None)
        # "CLAIM, X said": a subject between comma and verb, unless the parser took it from the claim
        if subj is not None and not any(t.text in ',«»“”"' for t in subj.subtree):
            skip |= {t.i for t in subj.subtree}
        if any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in v.children):
            return None  # "CLAIM, gets warned back": the passive reports nothing
        if any(fold(self.doc[i].text) in self.data.relatives for i in skip):
            return None  # "X, qui soutient Y": a relative clause, its antecedent is no claim
        if cue.last + 1 < sent.end and self.doc[cue.last + 1].text in self.data.announcers:
            return None  # "X, membre de ..., ajoute : « ... »": the cue announces what follows
        first = min([v.i, *skip])
        comma = left_comma(self.doc, v, first, skip)
        if comma is None or comma - sent.start < 2 or comma < sent.start:
            return None
        before = self.doc[sent.start : comma]
        if not any(t.pos_ in ("VERB", "AUX") or t.text in self.data.openers for t in before):
            return None  # "Selon KCNA, Kim a salué ...": a phrase, not a statement
        cue.inverted, cue.comma = True, comma
        end = comma + 1 if self.doc[comma].text != "," else comma
        return sent.start, end

    def headline_rest(self, cue: VerbCue) -> tuple[int, int] | None:
        """Headlines drop verbs and conjunctions ("Qatar says still committed to talks"): in the title, the
        words after a cue with no object of its own are its statement."""
        title, v = self.ctx.article.title, cue.token
        if not title or not self.text.startswith(title) or v.idx >= len(title):
            return None
        if any(c.dep_ in ("obj", "dobj") for c in v.children):
            return None
        end = cue.last + 1
        while end < len(self.doc) and self.doc[end].idx < len(title):
            end += 1
        return (cue.last + 1, end) if sum(t.is_alpha for t in self.doc[cue.last + 1 : end]) >= 2 else None

    def verb_speaker(self, cue: VerbCue) -> Token | None:
        v, doc = cue.token, self.doc
        # "a-t-il ajouté", "ajouta-t-elle": the clitic pronoun is the subject, whatever the parse
        near = doc[max(v.i - 3, 0) : min(cue.last + 3, len(doc))]
        clitic = next((t for t in near if t.text.startswith("-") and fold(t.text) in self.data.pronouns), None)
        if clitic is not None:
            return clitic
        if cue.inverted:
            left = [c for c in v.children if c.dep_.startswith("nsubj") and cue.comma < c.i < v.i]
            if left:  # "CLAIM, X said"
                return max(left, key=lambda c: c.i)
            return speaker_after(v, cue.last, self.data, cue.lemma in self.data.addressee) or subject_of(v, self.data)
        return subject_of(v, self.data)

    def add_clause(self, start: int, end: int, cue: Cue, speaker: Token | None, k: int) -> None:
        # a clause the parser found inside a quotation ("ajoute : « CLAUSE »") is that quotation
        holders = [m for m in self.marks if m.open < start and end <= m.close and not m.open < cue.start < m.close]
        holder = min(holders, key=lambda m: m.close - m.open, default=None)
        if holder is not None:
            start, end = holder.open, holder.close + 1
        # a quotation cut by the clause's edge belongs to it whole
        end = max([end, *(m.end for m in self.marks if start <= m.open < end < m.end)])
        start = min([start, *(m.open for m in self.marks if m.open < start < m.close <= end + 1)])
        inner = [m for m in self.marks if start <= m.open and m.close <= end + 1]
        big = max(inner, key=lambda m: m.end - m.start, default=None)
        if big is not None and (
            (big.end - big.start) >= _DIRECT_SHARE * (end - start)
            or not any(c.isalnum() for c in self.text[start : big.open] + self.text[big.close + 1 : end])
        ):
            kind, start, end = "direct", big.start, big.end
        else:
            kind = "mixed" if inner else "indirect"
            start, end = trim(self.text, start, end)
        self.absorbed.update(inner)
        self.found.append(Found(start, end, kind, cue, speaker, sent=k))

    # -- prepositions ------------------------------------------------------------------
    def prep_claims(self, sent: Span, k: int) -> None:
        doc, data = self.doc, self.data
        words = self.words[sent.start : sent.end]
        first = _first_word(sent)
        starts, initial_starts = _by_first_word(data.prepositions), _by_first_word(data.initial_prepositions)
        for i in range(len(words)):
            if words[i] not in starts and (i != first or words[i] not in initial_starts):
                continue  # no phrase starts here (what _match would find out, word by word)
            phrase, initial = _match(words, i, data.prepositions), False
            if phrase is None and i == first:
                phrase, initial = _match(words, i, data.initial_prepositions), True
            if phrase is None:
                continue
            at = sent.start + i
            np = self.prep_np(doc[at], len(phrase), sent)
            if np is None:
                continue
            head, (s, e) = np
            if initial and (self.ctx.actors is None or self.ctx.actors.at(doc[s].idx, _end_char(doc, e - 1)) is None):
                continue
            clause = self.prep_clause(at, e, sent)
            if clause is None:
                continue
            cue = Cue(doc[at].idx, _end_char(doc, at + len(phrase) - 1), " ".join(phrase))
            if any(
                clause[0] <= c.token.i < clause[1] and c.speaker is not None and not _embedded(c.token)
                for c in self.cues.values()
            ):
                self.add_via(clause, head)
                continue
            start, end = trim(self.text, doc[clause[0]].idx, _end_char(doc, clause[1] - 1))
            if end > start:
                self.add_clause(start, end, cue, head, k)

    def prep_np(self, prep: Token, n: int, sent: Span) -> tuple[Token, tuple[int, int]] | None:
        first = prep.i + n
        if first >= sent.end or fold(self.doc[first].text) in self.data.relatives:
            return None
        # the phrase ends at the first comma or quotation mark ("Pour X, « ... »")
        end = next((t.i for t in self.doc[first:sent.end] if t.text == "," or t.text in self.data.openers), sent.end)
        head = prep.head
        if not (first <= head.i < end and head.pos_ in NOMINAL):
            head = next((t for t in self.doc[first : min(first + 6, end)] if t.pos_ in NOMINAL), None)
        if head is None:
            return None
        return head, np_bounds(head, first, end, self.data.circumstances)

    def prep_clause(self, at: int, np_end: int, sent: Span) -> tuple[int, int] | None:
        doc = self.doc
        if at == sent.start + _first_word(sent):
            comma = next((t.i for t in doc[np_end : min(np_end + 4, sent.end)] if t.text == ","), None)
            start = comma + 1 if comma is not None else np_end
            return (start, sent.end) if sent.end - start >= 3 else None
        if at > sent.start and doc[at - 1].text in (",", "("):
            return (sent.start, at - 1) if at - 1 - sent.start >= 3 else None
        return None

    def add_via(self, clause: tuple[int, int], head: Token) -> None:
        for cue in self.cues.values():
            if clause[0] <= cue.token.i < clause[1]:
                self.vias.setdefault(cue.token.i, []).append(head)

    # -- headline ----------------------------------------------------------------------
    def headline(self) -> None:
        title = self.ctx.article.title
        if not title or "\n" not in self.text or not self.text.startswith(title) or self.ctx.actors is None:
            return
        for sep in self.data.headline_separators:
            at = title.find(sep)
            if at <= 0:
                continue
            left, right = (0, at), (at + len(sep), len(title))
            cue = Cue(at + len(sep) - len(sep.lstrip()), at + len(sep.rstrip()), sep.strip())
            for speaker, claim in ((right, left), (left, right)):
                if self.headline_claim(speaker, claim, cue):
                    return

    def headline_claim(self, speaker: tuple[int, int], claim: tuple[int, int], cue: Cue) -> bool:
        s, e, verb = self.speaker_side(*trim(self.text, *speaker))
        cue = verb or cue
        if e <= s or len(self.text[s:e].split()) > self.data.max_speaker_words:
            return False
        ent = self.ctx.actors.at(s, e)
        # the actor must be what the side says, not a name inside a topic ("Accord Ethiopie-Somaliland")
        covers = ent is not None and any(
            s <= m.start and m.end <= e and 4 * (m.end - m.start) >= 3 * (e - s) for m in ent.mentions
        )
        if not covers:
            return False
        start, end = trim(self.text, *claim)
        if end - start < 10 or (verb is None and self.topic_label(ent.kind, speaker, (start, end))):
            return False
        before = len(self.found)
        self.add_clause(start, end, cue, None, 0)
        for f in self.found[before:]:
            if f.kind == "mixed":
                f.kind = "indirect"
            f.speaker_chars = (s, e)
        return True

    def speaker_side(self, s: int, e: int) -> tuple[int, int, Cue | None]:
        """The name on the speaker's side of a headline, without a last reporting verb ("Moscou réagit :")
        or a circumstance ("Moscou sur l'expulsion ..."); the verb, if any, is the cue."""
        span = self.doc.char_span(s, e, alignment_mode="expand")
        for tok in span[1:] if span is not None else ():
            if fold(tok.text) in self.data.circumstances:
                return s, trim(self.text, s, tok.idx)[1], None
            if fold(tok.lemma_) in self.data.verbs and is_verbal(tok) and tok.i == span[-1].i:
                cue = _cue_of(self.doc, VerbCue(tok, tok.i, fold(tok.lemma_)))
                return s, trim(self.text, s, tok.idx)[1], cue
        return s, e, None

    def topic_label(self, kind: str, speaker: tuple[int, int], claim: tuple[int, int]) -> bool:
        """"Niger : le discours n'a pas été applaudi": a place or a document before the claim is its
        topic, not its speaker, unless the claim is quoted ("Moscou : « Nous riposterons »")."""
        if speaker[0] > claim[0] or kind not in self.data.topic_kinds:
            return False
        return not any(claim[0] <= m.open < claim[1] for m in self.marks)

    # -- quotation marks ---------------------------------------------------------------
    def direct_quotes(self) -> None:
        taken: list[Found] = [f for f in self.found if f.kind == "direct"]
        for m in self.marks:
            if m in self.absorbed or any(f.start <= m.start and m.end <= f.end for f in taken) or self.is_name(m):
                continue
            k_open, k_close = self.sent_of(m.open), self.sent_of(max(m.open, m.close - 1))
            cue = self.nearest_cue(m, k_open, k_close)
            if cue is not None:
                f = Found(m.start, m.end, "direct", _cue_of(self.doc, cue), cue.speaker, sent=k_open)
            elif self.fills_sentences(m, k_open, k_close):
                f = self.continuation(m, k_open)
                if f is None:
                    continue
            else:
                continue
            self.found.append(f)
            taken.append(f)
        for f in self.found:  # a paragraph left open is continued by the quote after it
            if f.follows is None and f.cue is None and f.kind == "direct":
                after = [g for g in self.found if g.start >= f.end and g.cue is not None]
                f.follows = min(after, key=lambda g: g.start, default=None)
                f.cue = f.follows.cue if f.follows else None
        self.found = [f for f in self.found if f.cue is not None]

    def continuation(self, m: Marked, k: int) -> Found | None:
        """A quotation with no cue of its own: it takes the cue of the quote it continues."""
        if m.open_end:  # "“Para 1 ...\n“Para 2 ...,” he said.": the cue comes later
            return Found(m.start, m.end, "direct", None, sent=k)
        before = [f for f in self.found if f.end <= m.open and m.open - f.end < _CONTINUATION_REACH]
        if not before:
            return None
        prev = max(before, key=lambda f: f.end)
        return Found(m.start, m.end, "direct", prev.cue, None, follows=prev, sent=k)

    def is_name(self, m: Marked) -> bool:
        """« B92 », “Nato”: a quoted name is a name, not a quote."""
        ent = self.ctx.actors.at(m.start, m.end) if self.ctx.actors else None
        return ent is not None and any(s.start <= m.start and m.end <= s.end for s in ent.mentions)

    def nearest_cue(self, m: Marked, k_open: int, k_close: int) -> VerbCue | None:
        lo, hi = self.sents[k_open].start, self.sents[k_close].end
        best, dist = None, None
        for i, cue in self.cues.items():
            if not lo <= i < hi or m.open <= cue.token.idx < m.close:
                continue
            d = m.open - cue.token.idx if cue.token.idx < m.open else cue.token.idx - m.close
            if cue.speaker is not None and (dist is None or d < dist):
                best, dist = cue, d
        return best

    def fills_sentences(self, m: Marked, k_open: int, k_close: int) -> bool:
        """True when the marked words are (nearly) all of the sentences they stand in."""
        lo, hi = self.sents[k_open].start, self.sents[k_close].end
        outside = [t for t in self.doc[lo:hi] if t.is_alpha and not (m.open <= t.idx < m.close)]
        return len(outside) <= 2

    def via_phrases(self) -> None:
        for f in self.found:
            if f.cue is None:
                continue
            for i, heads in self.vias.items():
                if self.doc[i].idx == f.cue.start:
                    f.via.extend(heads)
        starts = _by_first_word(self.data.via)
        for k, sent in enumerate(self.sents):
            words = self.words[sent.start : sent.end]
            for i in range(len(words)):
                if words[i] not in starts:
                    continue
                phrase = _match(words, i, self.data.via)
                if phrase is None:
                    continue
                np = self.prep_np(sent[i], len(phrase), sent)
                if np is None:
                    continue
                for f in self.found:
                    if f.sent == k:
                        f.via.append(np[0])


def _verb_cues(doc: Doc, data: QuoteData, words: list[str]) -> list[VerbCue]:
    cues = []
    for i in filter_for(data, lambda lemma: fold(lemma) in data.verbs).positions(doc):
        tok = doc[i]
        if not is_verbal(tok):
            continue
        for rest, lemma in data.verbs[fold(tok.lemma_)]:
            if tuple(words[i + 1 : i + 1 + len(rest)]) == rest:
                cues.append(VerbCue(tok, i + len(rest), lemma))
                break
    return cues


def _embedded(tok: Token) -> bool:
    """A verb inside a relative or adverbial clause: "Selon X, A et B se sont parlé lors d'un appel
    au cours duquel B a demandé ..." is X's statement, with B's inside it, not B's relayed by X."""
    for _ in range(8):
        if tok.dep_ in _EMBEDDED:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, with a piece that starts on a comma joined to the one before it:
    the parser sometimes cuts "CLAIM | , a déclaré X" or "Selon X | , CLAIM" from its cue."""
    bounds: list[list[int]] = []
    for sent in doc.sents:
        if bounds and sent[0].text in _CONTINUERS and "\n" not in doc[sent.start - 1].text_with_ws:
            bounds[-1][1] = sent.end
        else:
            bounds.append([sent.start, sent.end])
    return [doc[s:e] for s, e in bounds]


def _folded_words(doc: Doc) -> list[str]:
    """Every token's text folded (`data.fold`), read from the ORTH array: one list per article."""
    strings = doc.vocab.strings
    return [fold(strings[h]) for h in doc.to_array(ORTH).tolist()]


def _match(words: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for phrase in _by_first_word(phrases).get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return phrase
    return None


# id(phrases) -> (phrases, {first word: phrases starting with it, longest first}). The phrase
# tables live as long as the process (QuoteData is cached), so their ids are stable keys.
_FIRST_WORD: dict[int, tuple[tuple, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    held = _FIRST_WORD.get(id(phrases))
    if held is None or held[0] is not phrases:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if phrase:
                index.setdefault(phrase[0], []).append(phrase)
        held = _FIRST_WORD[id(phrases)] = (phrases, index)
    return held[1]


def _first_word(sent: Span) -> int:
    """Offset of the first word of a sentence, past opening punctuation and conjunctions."""
    for j, tok in enumerate(sent):
        if not tok.is_punct and tok.pos_ != "CCONJ":
            return j
    return 0


def _end_char(doc: Doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)


def _cue_of(doc: Doc, cue: VerbCue) -> Cue:
    return Cue(cue.token.idx, _end_char(doc, cue.last), cue.lemma)


def _depth(f: Found) -> int:
    depth = 0
    while f.follows is not None and depth < 10:
        f, depth = f.follows, depth + 1
    return depth


def _resolve(ctx: Context, data: QuoteData, found: list[Found]) -> list[Quote]:
    resolver = Resolver(ctx, data, [(f.start, f.end) for f in found if f.kind == "direct"])
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    # continuations take their speaker once the quote they continue has one
    for f in sorted(found, key=lambda f: _depth(f)):
        resolver.speaker(f)
    for f in found:
        if (f.start, f.end) in seen:
            continue
        seen.add((f.start, f.end))
        text = ctx.text[f.start : f.end]
        out.append(
            Quote(
                start=f.start,
                end=f.end,
                text=text,
                kind=f.kind,  # type: ignore[arg-type]
                speaker=f.entity,
                speaker_mention=resolver.span(f.mention),
                cue=f.cue,
                via=[v for v in (resolver.via(t) for t in f.via) if v and v != f.entity],
                co_speakers=f.co_speakers,
            )
        )
    return sorted(out, key=lambda q: (q.start, q.end))
