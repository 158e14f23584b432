"""The pure core: text in, `Article` out. No file, network or store access here.

`analyze` handles one text; `analyze_many` streams many through `nlp.pipe` (one parse per
article, batched), which is what the CLI, the store and the cluster runner call.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby, islice

from dixit.components import PIPELINE, load_components
from dixit.components.context import Context
from dixit.errors import AnalysisError, InputError
from dixit.lang import get_language
from dixit.lang.detect import detect_language
from dixit.model import Article
from dixit.nlp import load_pipeline


@dataclass(slots=True)
class Document:
    """A text to analyse and what the caller knows of it."""

    text: str
    published: str | None = None
    language: str | None = None
    source: str | None = None
    title: str | None = None
    outlet: str | None = None


def prepare_text(text: str) -> str:
    """The text dixit analyses and indexes: NFC, Unix newlines, no BOM, no trailing blanks.

    Offsets in every record index into this string, which `Article.text` returns.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def analyze(
    text: str,
    *,
    published: str | None = None,
    language: str | None = None,
    source: str | None = None,
) -> Article:
    """Analyse one article: actors, quotes, events and flags with offsets into its text."""
    doc = Document(text, published=published, language=language, source=source)
    return next(analyze_many([doc]))


def analyze_many(docs: Iterable[Document], *, batch_size: int = 16) -> Iterator[Article]:
    """Analyse documents in order, parsing consecutive same-language ones in one `nlp.pipe`.

    Raises InputError at the first document that cannot be analysed (empty, unsupported
    language); callers that must go on past bad documents use `analyze_each`.
    """
    for result in _analyze(docs, batch_size):
        if isinstance(result, AnalysisError):
            raise result
        yield result


def _analyze(docs: Iterable[Document], batch_size: int) -> Iterator[Article | AnalysisError]:
    prepared = (_prepare(d) for d in docs)
    for language, group in groupby(prepared, key=lambda d: d.language):
        nlp = load_pipeline(language)
        pairs = ((d.text, d) for d in group)
        for parsed, d in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield _run_components(parsed, d)


def analyze_each(
    docs: Iterable[Document | InputError], *, batch_size: int = 16
) -> Iterator[Article | InputError]:
    """Like `analyze_many`, but yields a bad document's InputError in its place and goes on.

    An InputError given in the input (a file that could not be read) comes out in its place
    too, so a caller reports every input in order. Works through the input in chunks of
    `batch_size`, so memory stays bounded on any corpus.
    """
    it = iter(docs)
    while chunk := list(islice(it, batch_size)):
        order: list[Document | InputError] = []
        for d in chunk:
            if isinstance(d, InputError):
                order.append(d)
                continue
            try:
                order.append(_prepare(d))
            except InputError as err:
                order.append(err)
        results = _analyze([d for d in order if isinstance(d, Document)], batch_size)
        for item in order:
            yield item if isinstance(item, InputError) else next(results)


def _prepare(d: Document) -> Document:
    text = prepare_text(d.text)
    if not text:
        raise InputError(d.source, "empty document (no text to analyse)")
    language = d.language or detect_language(text)
    if language is None:
        raise InputError(d.source, "could not tell the language of the text (use --language)")
    get_language(language, d.source)  # raises UnsupportedLanguage with the list of supported ones
    return Document(text, d.published, language, d.source, d.title, d.outlet)


def _run_components(parsed, d: Document) -> Article | AnalysisError:
    lang = get_language(d.language)
    article = Article(
        text=d.text,
        language=d.language,
        published=d.published,
        source=d.source,
        title=d.title,
        outlet=d.outlet,
    )
    ctx = Context(doc=parsed, lang=lang, article=article)
    registry = load_components()
    for name in lang.meta.get("pipeline", PIPELINE):
        try:
            registry[name](ctx)
        except Exception as err:  # one document's failure must not end a batch of thousands
            return AnalysisError(d.source, name, err)
    return article
