"""Quotes: direct, mixed and indirect, with speaker, cue and the chain of intermediaries."""

from __future__ import annotations

from dixit.components import component
from dixit.components.context import Context


@component("quotes")
def quotes(ctx: Context) -> None:
    pass
