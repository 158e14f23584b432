"""Events: who did what to whom, coded in PLOVER."""

from __future__ import annotations

from dixit.components import component
from dixit.components.context import Context


@component("events")
def events(ctx: Context) -> None:
    pass
