"""Loading spaCy pipelines: once per process, from installed packages, never from a hub.

Dask workers and `--jobs` processes import this module and keep the loaded pipeline in
`load_pipeline`'s cache, so each process pays the model load (about 5 s) once.
"""

from __future__ import annotations

from functools import cache

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from dixit.errors import DixitError
from dixit.lang import get_language

# Closing quotation marks that the French parser tends to start a sentence with.
_CLOSERS = {"»", "”", '"', "’"}
_ENDERS = {".", "!", "?", "…"}


@Language.component("dixit_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Newlines end sentences; a closing quotation mark never starts one.

    The parser treats a newline as ordinary white space and splits "… fin. »" after the
    full stop: both would cut quotes in two. Presetting `is_sent_start` is respected by the
    parser, which runs after this component. It runs on every document before the parse,
    so it finds its few tokens with array operations instead of visiting every token.
    """
    if len(doc) < 2:
        return doc
    # The tokenizer keeps newlines in white-space tokens (a token's trailing white space is
    # at most one plain space), so the tokens after a newline follow such a token.
    after_newline = {int(i) + 1 for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]) if "\n" in doc[int(i)].text}
    for i in after_newline:
        doc[i].is_sent_start = True
    orth = doc.to_array(ORTH)
    closes_sentence = numpy.isin(orth[1:], _CLOSER_IDS) & numpy.isin(orth[:-1], _ENDER_IDS)
    for i in (numpy.flatnonzero(closes_sentence) + 1).tolist():
        if i not in after_newline:  # a newline before the closer still starts a sentence
            doc[i].is_sent_start = False
    return doc


def _orth_ids(strings: set[str]) -> numpy.ndarray:
    """ORTH values of `strings`: hashes of the text, the same in every vocabulary."""
    return numpy.array(sorted(get_string_id(s) for s in strings), dtype=numpy.uint64)


_CLOSER_IDS, _ENDER_IDS = _orth_ids(_CLOSERS), _orth_ids(_ENDERS)


@cache
def load_pipeline(language: str) -> Language:
    data = get_language(language)
    try:
        nlp = spacy.load(data.spacy_model)
    except OSError as err:  # E050: the package is not installed; dixit never downloads one
        raise DixitError(
            f"the spaCy pipeline '{data.spacy_model}' for {data.meta.get('name', language)} is not installed "
            "(pip install dixit-news installs it with its dependencies)"
        ) from err
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("dixit_boundaries", before=before)
    else:
        nlp.add_pipe("dixit_boundaries", first=True)
    return nlp
