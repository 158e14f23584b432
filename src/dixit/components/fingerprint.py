"""Provenance fingerprint of an article: what lets the store find its copies and translations.

Computed last, from what the other components extracted (see dixit.provenance.fingerprint).
"""

from __future__ import annotations

from dixit.components import component
from dixit.components.context import Context
from dixit.provenance.fingerprint import article_fingerprint


@component("fingerprint")
def fingerprint(ctx: Context) -> None:
    ctx.article.fingerprint = article_fingerprint(ctx.article)
