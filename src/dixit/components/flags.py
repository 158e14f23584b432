"""Text problems: boilerplate, machine-translation damage, encoding damage."""

from __future__ import annotations

from dixit.components import component
from dixit.components.context import Context


@component("flags")
def flags(ctx: Context) -> None:
    pass
