"""Provenance fingerprint of an article (filled by the provenance work; empty for now)."""

from __future__ import annotations

from dixit.components import component
from dixit.components.context import Context


@component("fingerprint")
def fingerprint(ctx: Context) -> None:
    ctx.article.fingerprint = None
