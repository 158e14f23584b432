"""What dixit knows of actors before reading a text: alias tables turned into PhraseMatchers.

Built once per language and process (`lexicon_for`), from `lang/common/countries.tsv`,
`lang/common/actors.tsv`, `lang/common/persons.tsv` and `lang/<code>/actors.toml`. Matching a
document is then one PhraseMatcher pass per table, never a loop over aliases.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from dixit.lang import LanguageData, common_tsv, get_language


@dataclass(frozen=True, slots=True)
class Spec:
    """A known actor of the tables."""

    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """What a table match means: the actor, and how the text named it (name, capital, demonym)."""

    spec: Spec
    via: str


@lru_cache(maxsize=1 << 16)  # the same names and words are folded again and again
def fold(text: str) -> str:
    """A key that ignores case, accents, hyphens, spaces and apostrophes: "Kim Jong-un" == "kim jong un"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def norm(text: str) -> str:
    """Lower case, typographic apostrophes made plain, single spaces: how toml keys are written."""
    return " ".join(text.lower().replace("’", "'").split())


def _variants(alias: str) -> set[str]:
    """Spellings news texts use for the same alias: typographic apostrophe, unaccented capital."""
    out = {alias, alias.replace("'", "’"), alias.replace("’", "'")}
    for a in list(out):
        first = unicodedata.normalize("NFD", a[:1])[:1]
        if first != a[:1] and first.isupper():
            out.add(first + a[1:])
    return out


def feminine_plural(form: str) -> set[str]:
    """Regular French-style inflections of a masculine demonym; English plurals ("Russians")."""
    forms = {form}
    if form[:1].islower():
        fem = form if form.endswith("e") else form + "ne" if form.endswith(("en", "on")) else form + "e"
        forms.add(fem)
    for f in list(forms):
        if not f.endswith(("s", "x", "sh", "ch", "ese")):
            forms.add(f + "s")
    return forms


@dataclass
class Lexicon:
    data: dict[str, Any]
    hits: dict[str, Hit] = field(default_factory=dict)  # matcher label -> meaning
    cased: set[str] = field(default_factory=set)  # labels whose aliases need a capital initial
    matcher: PhraseMatcher | None = None  # LOWER: names, demonyms
    exact: PhraseMatcher | None = None  # ORTH: all-capital acronyms ("US", "UN", "AA")
    titles: PhraseMatcher | None = None
    portfolios: PhraseMatcher | None = None
    persons: dict[str, Spec] = field(default_factory=dict)  # fold(alias) -> known person
    specs: dict[str, Spec] = field(default_factory=dict)  # id -> known actor

    # -- toml sections -----------------------------------------------------------------------
    def section(self, name: str) -> dict[str, Any]:
        return self.data.get(name, {})

    @property
    def ner_kinds(self) -> dict[str, str]:
        return self.section("ner")

    def role_of_title(self, text: str) -> str | None:
        return self.section("titles").get(norm(text)) or self.section("bodies").get(norm(text))

    def is_female_title(self, text: str) -> bool:
        return norm(text) in self._female

    @cached_property
    def _female(self) -> frozenset[str]:
        """Titles and body nouns of feminine gender ([female] in actors.toml), read once."""
        female = self.section("female")
        return frozenset(female.get("titles", [])) | frozenset(female.get("bodies", []))

    def cue_kind(self, word: str) -> str | None:
        return self._cue_kinds.get(norm(word))

    @cached_property
    def _cue_kinds(self) -> dict[str, str]:
        """word -> the first kind of [cues] that lists it (one lookup instead of a scan of every list)."""
        index: dict[str, str] = {}
        for kind, words in self.section("cues").items():
            for w in words:
                index.setdefault(w, kind)
        return index


    @property
    def determiners(self) -> set[str]:
        return set(self.section("mention").get("determiners", []))

    @property
    def pronouns(self) -> dict[str, dict[str, str]]:
        return self.section("pronouns")

    @property
    def honorifics(self) -> dict[str, str]:
        return self.section("honorifics")

    # -- matching ----------------------------------------------------------------------------
    def find(self, doc: Doc) -> list[tuple[SpacySpan, Hit]]:
        """Table matches in the document, overlapping ones included (callers keep the longest)."""
        out = []
        for matcher in (self.matcher, self.exact):
            for label, start, end in matcher(doc):
                key = doc.vocab.strings[label]
                span = doc[start:end]
                if key in self.cased and not span.text[:1].isupper():
                    continue
                out.append((span, self.hits[key]))
        return out

    def find_titles(self, doc: Doc) -> list[SpacySpan]:
        """Titles ("title": a person's office), bodies ("body": an institution), "state" bodies, "group"s."""
        return [SpacySpan(doc, s, e, label=label) for label, s, e in self.titles(doc)]

    def find_portfolios(self, doc: Doc) -> list[SpacySpan]:
        return [doc[s:e] for _, s, e in self.portfolios(doc)]


def _add(lex: Lexicon, nlp: Language, spec: Spec, via: str, aliases: list[str]) -> None:
    """Register the aliases of one actor: acronyms exactly, the rest ignoring case."""
    lex.specs.setdefault(spec.id, spec)
    exact, lower_cased, lower_any = set(), set(), set()
    for alias in aliases:
        alias = alias.strip()
        if not alias:
            continue
        for v in _variants(alias):
            if len(v) <= 6 and v.replace(".", "").replace("-", "").isupper():
                exact.add(v)
            elif v[:1].isupper():
                lower_cased.add(v)
            else:
                lower_any.add(v)
    for suffix, forms, matcher in (("=", exact, lex.exact), ("^", lower_cased, lex.matcher),
                                   ("~", lower_any, lex.matcher)):
        if not forms:
            continue
        key = f"{via}:{spec.id}{suffix}"
        lex.hits[key] = Hit(spec, via)
        if suffix == "^":
            lex.cased.add(key)
        matcher.add(key, list(nlp.tokenizer.pipe(sorted(forms))))


def build_lexicon(lang: LanguageData, nlp: Language) -> Lexicon:
    data = lang.toml("actors")
    lex = Lexicon(data=data)
    vocab = nlp.vocab
    lex.matcher = PhraseMatcher(vocab, attr="LOWER")
    lex.exact = PhraseMatcher(vocab, attr="ORTH")
    lex.titles = PhraseMatcher(vocab, attr="LOWER")
    lex.portfolios = PhraseMatcher(vocab, attr="LOWER")
    demonym_column = f"demonyms_{lang.code}"
    for row in common_tsv("countries"):
        spec = Spec(row["iso3"], row["name"], row["kind"], row["iso3"])
        _add(lex, nlp, spec, "name", row["names"].split("|"))
        _add(lex, nlp, spec, "capital", row["capitals"].split("|"))
        demonyms = [f for d in row.get(demonym_column, "").split("|") if d for f in feminine_plural(d)]
        _add(lex, nlp, spec, "demonym", demonyms)
    for row in common_tsv("actors"):
        spec = Spec(row["id"], row["id"], row["kind"], row["country"] or None, row["role"] or None)
        _add(lex, nlp, spec, "name", row["aliases"].split("|"))
    for row in common_tsv("places"):  # cities and regions: a place stands for the state that holds it
        spec = Spec(row["id"], row["id"], "location", row["country"] or None)
        _add(lex, nlp, spec, "name", row["aliases"].split("|"))
    for row in common_tsv("persons"):
        spec = Spec(row["id"], row["id"], "person", row["country"] or None, row["role"] or None)
        _add(lex, nlp, spec, "name", row["aliases"].split("|"))
        for alias in row["aliases"].split("|"):
            lex.persons[fold(alias)] = spec
    blocs: dict[str, list[str]] = {}
    for form, bloc in lex.section("bloc_demonyms").items():
        blocs.setdefault(bloc, []).append(form)
    bloc_specs = {r["id"]: r for r in common_tsv("actors") if r["kind"] == "bloc"}
    for bloc, forms in blocs.items():
        row = bloc_specs.get(bloc, {})
        _add(lex, nlp, Spec(bloc, bloc, "bloc", row.get("country") or None, row.get("role") or None), "demonym", forms)
    for label, words in (("title", lex.section("titles")), ("body", lex.section("bodies")),
                         ("state", lex.section("state_bodies").get("words", [])),
                         ("group", lex.section("groups").get("words", []))):
        lex.titles.add(label, list(nlp.tokenizer.pipe(sorted({v for t in words for v in _variants(t)}))))
    portfolios = [p for p in lex.section("portfolios")]
    lex.portfolios.add("portfolio", list(nlp.tokenizer.pipe(sorted({v for p in portfolios for v in _variants(p)}))))
    return lex


@cache
def lexicon_for(code: str) -> Lexicon:
    """The lexicon of a language, built on first use with the tokenizer of its pipeline."""
    from dixit.nlp import load_pipeline

    return build_lexicon(get_language(code), load_pipeline(code))
