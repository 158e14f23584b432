"""Loading spaCy pipelines: once per process, from installed packages, never from a hub.

Dask workers and `--jobs` processes import this module and keep the loaded pipeline in
`load_pipeline`'s cache, so each process pays the model load (about 5 s) once.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dixit.errors import DixitError
from dixit.lang import get_language

# Closing quotation marks that the French parser tends to start a sentence with.
_CLOSERS = {"»", "”", '"', "’"}


@Language.component("dixit_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Newlines end sentences; a closing quotation mark never starts one.

    The parser treats a newline as ordinary white space and splits "… fin. »" after the
    full stop: both would cut quotes in two. Presetting `is_sent_start` is respected by the
    parser, which runs after this component.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.text in _CLOSERS and prev.text in {".", "!", "?", "…"}:
            tok.is_sent_start = False
    return doc


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
